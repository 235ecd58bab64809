import {mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel, resolveChatWrapper, type LlamaModel, type Token} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {chatTemplates} from "../../src/model/chatTemplates.js";
import {GgufValue} from "../../src/model/GgufValue.js";
import {initModel, type InitModelOptions} from "../../src/model/initModel.js";
import {ModelInitError} from "../../src/model/ModelInitError.js";
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {resolveVocab} from "../../src/model/vocabSource.js";
import {writeGguf} from "../../src/model/writeGguf.js";

const t = suite("initModel");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-initmodel-"));
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

const tiny = {arch: "llama", dim: 64, layers: 2, heads: 4, ffn: 128, ctx: 256} as const;

/** Loads the model, evaluates `prompt` greedily and returns the first `count` generated tokens. */
async function generate(model: LlamaModel, prompt: Token[], count: number): Promise<Token[]> {
    const context = await model.createContext({contextSize: 256, threads: 1});
    try {
        const out: Token[] = [];
        for await (const token of context.getSequence().evaluate(prompt)) {
            out.push(token);
            if (out.length >= count) break;
        }
        return out;
    } finally {
        await context.dispose();
    }
}

t("llama-spm model: llama hyper-parameters, LLM_ARCH_LLAMA tensors, loads and generates in node-llama-cpp", async () => {
    const out = path.join(dir, "spm.gguf");
    const result = await initModel({...tiny, vocab: "llama-spm", out, seed: 7});
    assert.is(result.path, out);
    assert.is(result.vocab.size, 32000);
    assert.is(result.vocab.tokenizer, "llama");
    assert.is(result.headDim, 16);
    assert.is(result.kvHeads, 4);
    const perLayer = 64 + 4 * 64 * 64 + 64 + 3 * 64 * 128;
    assert.is(result.params, 2 * 32000 * 64 + 64 + 2 * perLayer);

    const gguf = await readGguf(out);
    assert.is(result.bytes, gguf.fileSize);
    assert.is(gguf.parameterCount, result.params);
    assert.is(gguf.architecture, "llama");
    const expectedNumbers: Record<string, number> = {
        "general.file_type": 0, "llama.context_length": 256, "llama.embedding_length": 64, "llama.block_count": 2,
        "llama.feed_forward_length": 128, "llama.attention.head_count": 4, "llama.attention.head_count_kv": 4,
        "llama.rope.dimension_count": 16, "llama.rope.freq_base": 10000, "llama.vocab_size": 32000
    };
    for (const [key, value] of Object.entries(expectedNumbers)) assert.is(gguf.getNumber(key), value, key);
    assert.equal(gguf.get("llama.attention.layer_norm_rms_epsilon"), GgufValue.float32(Math.fround(1e-5)));
    assert.is(gguf.get("general.file_type")?.type, "uint32");
    assert.ok(gguf.getString("general.name"));
    const shapes = Object.fromEntries(gguf.tensors.map((tensor) => [tensor.name, tensor.shape]));
    assert.equal(shapes["token_embd.weight"], [64, 32000]);
    assert.equal(shapes["output.weight"], [64, 32000]);
    assert.equal(shapes["output_norm.weight"], [64]);
    assert.equal(shapes["blk.1.attn_q.weight"], [64, 64]);
    assert.equal(shapes["blk.1.attn_k.weight"], [64, 64]);
    assert.equal(shapes["blk.1.attn_output.weight"], [64, 64]);
    assert.equal(shapes["blk.1.ffn_gate.weight"], [64, 128]);
    assert.equal(shapes["blk.1.ffn_up.weight"], [64, 128]);
    assert.equal(shapes["blk.1.ffn_down.weight"], [128, 64]);
    assert.is(gguf.tensors.length, 3 + 2 * 9);
    assert.ok(gguf.tensors.every((tensor) => tensor.typeName === "F32"));

    // weights: norms are 1, matrices ~N(0, 0.02), residual projections smaller
    const floats = async (name: string) => {
        const bytes = await readGgufTensorData(gguf, name);
        return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    };
    assert.ok((await floats("blk.0.ffn_norm.weight")).every((value) => value === 1));
    const std = (values: Float32Array) => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0) / values.length);
    assert.ok(Math.abs(std(await floats("token_embd.weight")) - 0.02) < 0.001);
    assert.ok(Math.abs(std(await floats("blk.0.ffn_down.weight")) - 0.01) < 0.001, "0.02 / sqrt(2 * 2 layers)");

    const model = await llama.loadModel({modelPath: out});
    try {
        assert.is(model.trainContextSize, 256);
        const prompt = model.tokenize("The weather in Paris is");
        assert.ok(prompt.length > 2);
        const generated = await generate(model, prompt, 6);
        assert.is(generated.length, 6);
        assert.ok(generated.every((token) => token >= 0 && token < 32000));
        assert.type(model.detokenize(generated), "string");
    } finally {
        await model.dispose();
    }
});

t("qwen2 vocab with ChatML and tied embeddings: tokenizer copied exactly, special tokens whole, output falls back to token_embd", async () => {
    const out = path.join(dir, "chatml.gguf");
    const result = await initModel({...tiny, vocab: "qwen2", out, template: "chatml", tieEmbeddings: true});
    assert.is(result.vocab.size, 151936);
    assert.is(result.params, 151936 * 64 + 64 + 2 * (64 + 4 * 64 * 64 + 64 + 3 * 64 * 128));
    const gguf = await readGguf(out);
    assert.is(gguf.tensor("output.weight"), undefined);
    assert.is(gguf.getString("tokenizer.chat_template"), chatTemplates.chatml.template);

    const vocab = await readGguf((await resolveVocab("qwen2")).path);
    const tokenizerKeys = [...vocab.metadata.keys()].filter((key) => key.startsWith("tokenizer.") && key !== "tokenizer.chat_template");
    assert.ok(tokenizerKeys.includes("tokenizer.ggml.merges"));
    for (const key of tokenizerKeys) assert.equal(gguf.get(key), vocab.get(key), key);

    const model = await llama.loadModel({modelPath: out});
    try {
        assert.equal(model.tokenize("<|im_start|>", true), [151644 as Token]);
        assert.equal(model.tokenize("<|im_end|>", true), [151645 as Token]);
        assert.is(resolveChatWrapper(model)?.wrapperName, "ChatML", "node-llama-cpp recognizes the template");
        // With tied embeddings and small random weights, the logits are dominated by the input
        // embedding's similarity with itself, so greedy decoding repeats the last prompt token:
        // this only happens if llama.cpp projects the output with token_embd.
        const prompt = model.tokenize("Hello world");
        const generated = await generate(model, prompt, 3);
        assert.equal(generated, [prompt.at(-1), prompt.at(-1), prompt.at(-1)]);
    } finally {
        await model.dispose();
    }
});

t("llama-bpe vocab with the Llama 3 template and grouped-query attention loads", async () => {
    const out = path.join(dir, "llama3.gguf");
    const result = await initModel({...tiny, kvHeads: 2, vocab: "llama-bpe", out, template: "llama3", tieEmbeddings: true});
    assert.is(result.kvHeads, 2);
    const gguf = await readGguf(out);
    assert.equal(gguf.tensor("blk.0.attn_k.weight")?.shape, [64, 32]);
    assert.equal(gguf.tensor("blk.0.attn_v.weight")?.shape, [64, 32]);
    const model = await llama.loadModel({modelPath: out});
    try {
        assert.is(model.tokenize("<|eot_id|>", true).length, 1);
        assert.is(model.tokenize("<|start_header_id|>", true).length, 1);
        assert.is(resolveChatWrapper(model)?.wrapperName, "Llama 3");
        assert.is((await generate(model, model.tokenize("Hi there"), 3)).length, 3);
    } finally {
        await model.dispose();
    }
});

t("the same seed gives the same file, another seed other weights; templates vocab/none", async () => {
    const small = {arch: "llama", dim: 8, layers: 1, heads: 2, ffn: 16, ctx: 64, vocab: "qwen2", tieEmbeddings: true} as const;
    const a = await initModel({...small, out: path.join(dir, "a.gguf"), seed: 3});
    const b = await initModel({...small, out: path.join(dir, "b.gguf"), seed: 3});
    const c = await initModel({...small, out: path.join(dir, "c.gguf"), seed: 4, template: "none"});
    assert.ok((await readFile(a.path)).equals(await readFile(b.path)), "same seed, same bytes");
    const weights = async (file: string) => Buffer.from(await readGgufTensorData(await readGguf(file), "blk.0.attn_q.weight"));
    assert.not.ok((await weights(a.path)).equals(await weights(c.path)), "other seed, other weights");

    const vocab = await readGguf((await resolveVocab("qwen2")).path);
    assert.is((await readGguf(a.path)).getString("tokenizer.chat_template"), vocab.getString("tokenizer.chat_template"), "default keeps the vocab's template");
    assert.is(a.template, "vocab");
    assert.is(a.hasChatTemplate, true);
    assert.is((await readGguf(c.path)).get("tokenizer.chat_template"), undefined);
    assert.is(c.hasChatTemplate, false);
});

async function expectInitError(options: InitModelOptions, code: string, pattern: RegExp): Promise<void> {
    try {
        await initModel(options);
    } catch (error) {
        assert.instance(error, ModelInitError);
        assert.is((error as ModelInitError).code, code, (error as Error).message);
        assert.match((error as Error).message, pattern);
        return;
    }
    throw new Error(`initModel should fail with ${pattern}`);
}

t("invalid sizes and unusable vocabularies are clear errors", async () => {
    const base: InitModelOptions = {...tiny, vocab: "llama-spm", out: path.join(dir, "bad.gguf")};
    await expectInitError({...base, template: "chatml"}, "model_vocab_unusable", /chatml needs the special tokens <\|im_start\|> <\|im_end\|>.*qwen2/);
    await expectInitError({...base, template: "llama3"}, "model_vocab_unusable", /llama3 needs .*<\|start_header_id\|>/);
    await expectInitError({...base, heads: 5}, "model_invalid_options", /dim 64 is not divisible by 5 heads/);
    await expectInitError({...base, dim: 60, heads: 4}, "model_invalid_options", /head size dim\/heads = 15 must be even/);
    await expectInitError({...base, kvHeads: 3}, "model_invalid_options", /4 heads are not divisible by 3/);
    await expectInitError({...base, layers: 0}, "model_invalid_options", /layers: must be a positive integer/);
    await expectInitError({...base, ffn: Number.NaN}, "model_invalid_options", /ffn: must be a positive integer, got NaN/);
    await expectInitError({...base, arch: "gpt2" as "llama"}, "model_invalid_options", /unsupported architecture "gpt2"/);
    const noTokenizer = path.join(dir, "no-tokenizer.gguf");
    await writeGguf(noTokenizer, {metadata: [["general.architecture", GgufValue.string("llama")]]});
    await expectInitError({...base, vocab: noTokenizer}, "model_vocab_unusable", /has no tokenizer/);
});

t.run();
