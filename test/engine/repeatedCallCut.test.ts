import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {repeatedCallCut} from "../../src/engine/repeatedCallCut.js";
import {chatmlFormat} from "../../src/protocol/formats/chatmlFormat.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("repeatedCallCut");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const model = await llama.loadModel({modelPath: await createTestModel("chatml-tiny"), vocabOnly: true});
const envelope = chatmlFormat.envelope;
const call = (city: string): string => `${envelope.prefix}{"name": "get_weather", "arguments": {"city": "${city}"}}${envelope.suffix}`;
const tokens = (text: string) => model.tokenize(text, true);

t("a call that repeats an earlier call of the turn is cut at the end of the calls before it", () => {
    const kept = call("Paris");
    const generated = tokens(kept + envelope.separator + call("Paris"));
    const cut = repeatedCallCut(model, generated, envelope);
    assert.ok(cut !== undefined, "the repeat is found");
    assert.is(model.detokenize(cut!, true), kept);
    const three = tokens([call("Paris"), call("Rome"), call("Paris")].join(envelope.separator));
    const cutThree = repeatedCallCut(model, three, envelope);
    assert.is(model.detokenize(cutThree!, true), [call("Paris"), call("Rome")].join(envelope.separator));
});

t("distinct calls, an unfinished call and a single call are left alone", () => {
    assert.is(repeatedCallCut(model, tokens([call("Paris"), call("Rome")].join(envelope.separator)), envelope), undefined);
    assert.is(repeatedCallCut(model, tokens(call("Paris")), envelope), undefined);
    assert.is(repeatedCallCut(model, tokens(call("Paris") + envelope.separator + call("Paris").slice(0, -3)), envelope), undefined);
    // Bare JSON calls (no envelope) are not checked, and never loop.
    assert.is(repeatedCallCut(model, tokens("{\"a\": 1}; {\"a\": 1}"), {prefix: "", suffix: ""}), undefined);
});

t.run();
