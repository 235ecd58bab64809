/**
 * Small generated GGUF models for test suites: `await createTestModel("chatml-tiny")` gives the
 * path of a llama-architecture model with random weights that node-llama-cpp loads. Models are
 * written once into os.tmpdir()/toolace-r-test-models, keyed by their parameters (and the vocab
 * file, whose cached path includes the llama.cpp commit), and reused by later runs and suites.
 * Tiny models evaluate far faster with one thread (`createContext({threads: 1})`).
 */
import {createHash} from "node:crypto";
import {rename, rm, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {initModel, type InitModelOptions} from "../../src/model/initModel.js";
import type {QuantizationType} from "../../src/model/QuantizationType.js";
import {quantizeModel} from "../../src/model/quantizeModel.js";
import {resolveVocab} from "../../src/model/vocabSource.js";

export type TestModelKind = "spm-tiny" | "chatml-tiny" | "llama3-tiny" | "default-vocab-tiny";

/** initModel's options, and the type the model is quantized to (llama.cpp's quantizer) when not F32. */
type TestModelSpec = Omit<InitModelOptions, "out"> & {quantize?: QuantizationType};

/** Bump when initModel's output changes for the same options, to regenerate cached models. */
const generatorVersion = 1;

const specs: Record<TestModelKind, TestModelSpec> = {
    /** llama-spm vocab (32000 tokens), no chat template, separate output weights: ~4.2M params, 17 MB. */
    "spm-tiny": {arch: "llama", vocab: "llama-spm", dim: 64, layers: 2, heads: 4, ffn: 128, ctx: 4096, seed: 1, template: "none", tieEmbeddings: false},
    /** qwen2 vocab (151936 tokens), ChatML template, tied embeddings: ~9.8M params, 45 MB. */
    "chatml-tiny": {arch: "llama", vocab: "qwen2", dim: 64, layers: 2, heads: 4, ffn: 128, ctx: 4096, seed: 1, template: "chatml", tieEmbeddings: true},
    /** llama-bpe vocab (128256 tokens), Llama 3 template, tied embeddings: ~8.3M params, 41 MB. */
    "llama3-tiny": {arch: "llama", vocab: "llama-bpe", dim: 64, layers: 2, heads: 4, ffn: 128, ctx: 4096, seed: 1, template: "llama3", tieEmbeddings: true},
    /**
     * The default model's own byte-level vocabulary (4096 tokens), ChatML, Q8_0 like the default model (whose batched logits
     * equal one-token ones bit for bit on the CPU; F32 weights take another matrix product in batches): ~0.6M params, a weak
     * caller whose greedy tokens the call grammar often refuses.
     */
    "default-vocab-tiny": {arch: "llama", vocab: DEFAULT_MODEL_PATH, dim: 64, layers: 2, heads: 4, ffn: 128, ctx: 4096, seed: 1, template: "chatml", tieEmbeddings: false, quantize: "q8_0"}
};

const pending = new Map<TestModelKind, Promise<string>>();

/** The options a test model kind is generated with. */
export function testModelSpec(kind: TestModelKind): TestModelSpec {
    const spec = specs[kind];
    if (spec === undefined) throw new Error(`unknown test model kind "${String(kind)}" (${Object.keys(specs).join(", ")})`);
    return {...spec};
}

/** The path of the generated model of `kind`, creating it on first use (safe across concurrent processes). */
export function createTestModel(kind: TestModelKind): Promise<string> {
    let promise = pending.get(kind);
    if (promise === undefined) {
        promise = create(kind);
        pending.set(kind, promise);
        promise.catch(() => pending.delete(kind));
    }
    return promise;
}

async function create(kind: TestModelKind): Promise<string> {
    const spec = testModelSpec(kind);
    const vocab = await resolveVocab(spec.vocab);
    // the vocab's cached path is <cache>/<llama.cpp commit>/ggml-vocab-NAME.gguf: key on commit and name, not on the cache folder
    // (a vocabulary taken from a model file is keyed on its size as well: the file may be replaced)
    const vocabId = `${path.basename(path.dirname(vocab.path))}/${path.basename(vocab.path)}${vocab.source === "file" ? `:${(await stat(vocab.path)).size}` : ""}`;
    const key = createHash("sha256").update(JSON.stringify({generatorVersion, spec, vocabId})).digest("hex").slice(0, 16);
    const out = path.join(os.tmpdir(), "toolace-r-test-models", `${kind}-${key}.gguf`);
    try {
        if ((await stat(out)).isFile()) return out;
    } catch {
        // not generated yet
    }
    const {quantize, ...init} = spec;
    if (quantize === undefined || quantize === "f32") {
        await initModel({...init, vocab: vocab.path, out});
        return out;
    }
    const f32 = `${out}.${process.pid}.f32.gguf`;
    const partial = `${out}.${process.pid}.partial`;
    try {
        await initModel({...init, vocab: vocab.path, out: f32});
        await quantizeModel({input: f32, output: partial, type: quantize, threads: 1});
        await rename(partial, out);
    } finally {
        await rm(f32, {force: true});
        await rm(partial, {force: true});
    }
    return out;
}
