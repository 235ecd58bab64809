import {getLlama, LlamaLogLevel, type LlamaModel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GrammarSampler} from "../../src/engine/GrammarSampler.js";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {compileGrammar, grammarAccepts} from "../tools/llamaGrammar.js";

const t = suite("GrammarSampler");
let model: LlamaModel;

t.before(async () => {
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    model = await llama.loadModel({modelPath: DEFAULT_MODEL_PATH, vocabOnly: true});
});
t.after(async () => {
    await model?.dispose();
});

const grammar = String.raw`root ::= "{" "\"k\":" ("true" | "false" | num | str) ("," "\"list\":[" (num ("," num)*)? "]")? "}"
num ::= "-"? [0-9]+
str ::= "\"" [^"\\]* "\""
`;

t("draws texts the grammar accepts, reproducibly from a seed, and varied", async () => {
    const sampler = GrammarSampler.create(model);
    const texts = sampler.sample(model.llama, grammar, 50, {seed: 5});
    const judge = await compileGrammar(grammar);
    for (const text of texts) assert.ok(grammarAccepts(judge, text), text);
    assert.equal(sampler.sample(model.llama, grammar, 50, {seed: 5}), texts);
    assert.not.equal(sampler.sample(model.llama, grammar, 50, {seed: 6}), texts);
    assert.ok(new Set(texts).size > 20, `${new Set(texts).size} distinct texts`);
    for (const shape of [/"k":true/, /"k":false/, /"k":-?\d/, /"k":"/, /"list":\[\d/]) assert.ok(texts.some((text) => shape.test(text)), String(shape));
});

t("characters no single token spells are reached through longer tokens; a walk that cannot end is an error", () => {
    const sampler = GrammarSampler.create(model);
    const [text] = sampler.sample(model.llama, `root ::= "ü" [a-z]{2}\n`, 1, {seed: 1});
    assert.match(text!, /^ü[a-z]{2}$/);
    assert.throws(() => sampler.sample(model.llama, `root ::= "a" root\n`, 1, {seed: 1, hardLimit: 300}), (error: Error) => error instanceof ToolaceError && /without ending/.test(error.message));
});

t.run();
