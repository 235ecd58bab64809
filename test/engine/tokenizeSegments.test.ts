import {suite} from "uvu";
import * as assert from "uvu/assert";
import {getLlama, type Llama, LlamaLogLevel, type LlamaModel} from "node-llama-cpp";
import {tokenizeSegments} from "../../src/engine/tokenizeSegments.js";
import {control, output, type Segment} from "../../src/protocol/Segment.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("tokenizeSegments");
let llama: Llama;
let spm: LlamaModel;
let bpe: LlamaModel;

t.before(async () => {
    llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    spm = await llama.loadModel({modelPath: await createTestModel("spm-tiny")});
    bpe = await llama.loadModel({modelPath: await createTestModel("chatml-tiny")});
});

t.after(async () => {
    await spm.dispose();
    await bpe.dispose();
    await llama.dispose();
});

const user = (text: string): Segment => ({text, special: false, train: false});

t("a SentencePiece run that continues plain text gets no space prefix of its own", () => {
    const segments = [user("Hello there"), control(", world:"), output("{\"city\":\"Paris\"}")];
    const {tokens, trainMask} = tokenizeSegments(spm, segments, {bos: false});
    assert.equal(tokens, spm.tokenize("Hello there, world:{\"city\":\"Paris\"}", false));
    assert.is(spm.detokenize(tokens), "Hello there, world:{\"city\":\"Paris\"}");
    // Without the fix each run would start with its own space: "Hello there , world: {...".
    assert.is(spm.detokenize(segments.flatMap((segment) => spm.tokenize(segment.text, segment.special))), "Hello there , world: {\"city\":\"Paris\"}");
    assert.is(trainMask.filter(Boolean).length, spm.tokenize("{\"city\":\"Paris\"}", false, "trimLeadingSpace").length);
});

t("after a special token the prefix comes back, as when llama.cpp tokenizes the whole text", () => {
    const eos = spm.tokens.eosString;
    assert.ok(eos != null);
    const segments = [user("Hi"), control(eos), user("there")];
    assert.equal(tokenizeSegments(spm, segments, {bos: true}).tokens, spm.tokenize(`Hi${eos}there`, true).length > 0
        ? [...(spm.tokens.shouldPrependBosToken ? [spm.tokens.bos!] : []), ...spm.tokenize(`Hi${eos}there`, true)]
        : []);
});

t("a byte-level BPE vocabulary tokenizes each run as it is", () => {
    const segments = [user("Hello there"), control("<|im_end|>\n"), output(" {\"a\":1}")];
    const {tokens} = tokenizeSegments(bpe, segments, {bos: false});
    assert.equal(tokens, [...bpe.tokenize("Hello there", false), ...bpe.tokenize("<|im_end|>\n", true), ...bpe.tokenize(" {\"a\":1}", false)]);
});

t.run();
