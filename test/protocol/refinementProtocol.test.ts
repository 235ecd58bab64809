import {suite} from "uvu";
import * as assert from "uvu/assert";
import {REFINEMENT_PROTOCOL_VERSION, REFINEMENT_INSTRUCTION, refinementTurn, renderRefinementChain} from "../../src/protocol/refinementProtocol.js";
import {chatmlFormat} from "../../src/protocol/formats/chatmlFormat.js";
import {mergeSegments} from "../../src/protocol/Segment.js";

const t = suite("refinementProtocol");

t("a refinement turn closes the previous turn, asks to check, opens the next assistant turn", () => {
    const text = refinementTurn(chatmlFormat).map((s) => s.text).join("");
    assert.is(text, `\n<|im_start|>user\n${REFINEMENT_INSTRUCTION}<|im_end|>\n<|im_start|>assistant\n`);
    assert.ok(refinementTurn(chatmlFormat).every((s) => !s.train), "nothing in the refinement turn is model output");
    assert.is(REFINEMENT_PROTOCOL_VERSION, 1);
});

t("a chain interleaves outputs (trained) and refinement turns (not trained)", () => {
    const prompt = [{text: "P", special: false, train: false}];
    const call = {kind: "calls" as const, calls: [{name: "f", argumentsText: "{\"a\":1}"}]};
    const chain = mergeSegments(renderRefinementChain(chatmlFormat, prompt, [call, call]));
    const trained = chain.filter((s) => s.train).map((s) => s.text);
    const callText = "<tool_call>\n{\"name\": \"f\", \"arguments\": {\"a\":1}}\n</tool_call>";
    assert.equal(trained, [callText, "<|im_end|>", callText, "<|im_end|>"]);
    assert.is(chain.map((s) => s.text).join(""), "P" + callText + "<|im_end|>" + refinementTurn(chatmlFormat).map((s) => s.text).join("") + callText + "<|im_end|>");
});

t.run();
