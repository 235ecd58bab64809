import {mkdir} from "node:fs/promises";
import path from "node:path";
import {chatTemplates} from "./chatTemplates.js";
import type {GgufFile} from "./GgufFile.js";
import {GgufValue} from "./GgufValue.js";
import {inductionCircuitTensorNames, plantInductionCircuit} from "./inductionCircuit.js";
import {ModelInitError} from "./ModelInitError.js";
import {readGguf} from "./readGguf.js";
import {SeededRandom} from "./SeededRandom.js";
import {resolveVocab, type VocabSourceOptions} from "./vocabSource.js";
import {writeGguf, type GgufTensorInput} from "./writeGguf.js";

export type InitModelTemplate = "chatml" | "llama3" | "none" | "vocab";

export interface InitModelOptions {
    /** Only "llama" (llama.cpp's LLM_ARCH_LLAMA) is supported. */
    arch: "llama";
    /** Vocabulary: a GGUF path or a llama.cpp vocab name (`llama-spm`, `qwen2`, `llama-bpe`...), see `resolveVocab`. */
    vocab: string;
    /** Embedding width (`embedding_length`). */
    dim: number;
    layers: number;
    /** Attention heads; `dim / heads` is the head size and must be even (RoPE). */
    heads: number;
    /** Key/value heads (grouped-query attention), a divisor of `heads`; default `heads`. */
    kvHeads?: number;
    /** Feed-forward width (`feed_forward_length`). */
    ffn: number;
    /** Training context length (`context_length`). */
    ctx: number;
    /** The GGUF file to write (parent folders are created). */
    out: string;
    /** Seed of the weights; the same options give the same file. Default 0. */
    seed?: number;
    /**
     * `tokenizer.chat_template`: "vocab" (default) keeps the vocabulary's, "none" removes it,
     * "chatml" / "llama3" set a standard template (the vocabulary must have its special tokens).
     */
    template?: InitModelTemplate;
    /** A Jinja chat template's text for `tokenizer.chat_template` (overrides `template`; checked by the caller). */
    chatTemplateSource?: string;
    /** Omit `output.weight`: llama.cpp then uses `token_embd.weight` for the output projection. */
    tieEmbeddings?: boolean;
    /** `general.name`; default `random-llama-<dim>x<layers>`. */
    name?: string;
    /** `rope.freq_base`, default 10000. */
    ropeFreqBase?: number;
    /** `attention.layer_norm_rms_epsilon`, default 1e-5. */
    rmsEps?: number;
    /** Where vocab names are looked up and cached. */
    vocabSource?: VocabSourceOptions;
    /**
     * Plant an induction circuit (copying) into the random weights: see `plantInductionCircuit`.
     * Needs an untied output, no grouped-query attention, ≥ 2 layers and heads, a head size ≥ 32, dim ≥ 3·head + 1.
     */
    induction?: boolean;
}

export interface InitModelResult {
    path: string;
    arch: "llama";
    name: string;
    /** Number of parameters (tensor elements). */
    params: number;
    /** File size in bytes. */
    bytes: number;
    tensors: number;
    dim: number;
    layers: number;
    heads: number;
    kvHeads: number;
    headDim: number;
    ffn: number;
    ctx: number;
    seed: number;
    tieEmbeddings: boolean;
    template: InitModelTemplate;
    induction: boolean;
    /** Whether the written file has a `tokenizer.chat_template`. */
    hasChatTemplate: boolean;
    vocab: {name: string, path: string, source: "file" | "bundle", tokenizer: string, size: number};
}

/** Standard deviation of the weights; residual output projections are scaled by 1/sqrt(2 * layers). */
const weightStd = 0.02;
/** Elements generated per chunk while streaming a tensor to disk. */
const chunkElements = 1 << 20;

/**
 * Writes a new llama-architecture GGUF with random F32 weights that llama.cpp loads and runs:
 * every `tokenizer.*` key of the vocabulary, llama hyper-parameters, and the tensors of
 * LLM_ARCH_LLAMA (shapes in ggml order, e.g. `attn_q` is `[dim, heads * headDim]`). Weights are
 * normal(0, 0.02) from `seed` (per tensor, by name), residual projections (`attn_output`,
 * `ffn_down`) scaled down by sqrt(2 * layers), norms 1. Tensors are generated while being written.
 * Throws `ModelInitError`, `VocabSourceError` or `GgufError`.
 */
export async function initModel(options: InitModelOptions): Promise<InitModelResult> {
    const config = validate(options);
    const vocabSource = await resolveVocab(options.vocab, options.vocabSource);
    const vocab = await readGguf(vocabSource.path);
    const tokens = vocab.getStringArray("tokenizer.ggml.tokens");
    const tokenizer = vocab.getString("tokenizer.ggml.model");
    if (tokens === undefined || tokens.length === 0 || tokenizer === undefined) {
        throw new ModelInitError(
            "model_vocab_unusable",
            `vocab ${vocabSource.path} has no tokenizer (tokenizer.ggml.model and tokenizer.ggml.tokens are needed)`,
            {vocab: vocabSource.path}
        );
    }
    const nVocab = tokens.length;
    const template = options.template ?? "vocab";
    if (template === "chatml" || template === "llama3") checkTemplateTokens(vocab, vocabSource.path, template);

    const {dim, layers, heads, kvHeads, ffn, ctx, seed} = config;
    const headDim = dim / heads;
    const name = options.name ?? `random-llama-${dim}x${layers}`;
    const metadata = new Map<string, GgufValue>([
        ["general.architecture", GgufValue.string("llama")],
        ["general.name", GgufValue.string(name)],
        ["general.file_type", GgufValue.uint32(0)],
        ["llama.context_length", GgufValue.uint32(ctx)],
        ["llama.embedding_length", GgufValue.uint32(dim)],
        ["llama.block_count", GgufValue.uint32(layers)],
        ["llama.feed_forward_length", GgufValue.uint32(ffn)],
        ["llama.attention.head_count", GgufValue.uint32(heads)],
        ["llama.attention.head_count_kv", GgufValue.uint32(kvHeads)],
        ["llama.attention.layer_norm_rms_epsilon", GgufValue.float32(options.rmsEps ?? 1e-5)],
        ["llama.rope.dimension_count", GgufValue.uint32(headDim)],
        ["llama.rope.freq_base", GgufValue.float32(options.ropeFreqBase ?? 10000)],
        ["llama.vocab_size", GgufValue.uint32(nVocab)]
    ]);
    for (const [key, value] of vocab.metadata) {
        if (!key.startsWith("tokenizer.")) continue;
        const isTemplate = key === "tokenizer.chat_template" || key.startsWith("tokenizer.chat_template.");
        if (isTemplate && (template !== "vocab" || options.chatTemplateSource !== undefined)) continue;
        metadata.set(key, value);
    }
    if (options.chatTemplateSource !== undefined) metadata.set("tokenizer.chat_template", GgufValue.string(options.chatTemplateSource));
    else if (template === "chatml" || template === "llama3") metadata.set("tokenizer.chat_template", GgufValue.string(chatTemplates[template].template));

    const residualStd = weightStd / Math.sqrt(2 * layers);
    const tensors: GgufTensorInput[] = [];
    const add = (tensorName: string, shape: number[], std: number | "ones"): void => {
        tensors.push({name: tensorName, shape, data: () => generate(shape[0]! * (shape[1] ?? 1), std, seed, tensorName)});
    };
    add("token_embd.weight", [dim, nVocab], weightStd);
    for (let i = 0; i < layers; i++) {
        add(`blk.${i}.attn_norm.weight`, [dim], "ones");
        add(`blk.${i}.attn_q.weight`, [dim, heads * headDim], weightStd);
        add(`blk.${i}.attn_k.weight`, [dim, kvHeads * headDim], weightStd);
        add(`blk.${i}.attn_v.weight`, [dim, kvHeads * headDim], weightStd);
        add(`blk.${i}.attn_output.weight`, [heads * headDim, dim], residualStd);
        add(`blk.${i}.ffn_norm.weight`, [dim], "ones");
        add(`blk.${i}.ffn_gate.weight`, [dim, ffn], weightStd);
        add(`blk.${i}.ffn_up.weight`, [dim, ffn], weightStd);
        add(`blk.${i}.ffn_down.weight`, [ffn, dim], residualStd);
    }
    add("output_norm.weight", [dim], "ones");
    const tieEmbeddings = options.tieEmbeddings ?? false;
    if (!tieEmbeddings) add("output.weight", [dim, nVocab], weightStd);
    const induction = options.induction ?? false;
    if (induction) {
        if (tieEmbeddings) throw new ModelInitError("model_invalid_options", "induction: needs an untied output (tieEmbeddings false)", {option: "induction"});
        const planted = new Map<string, Float32Array>();
        const names = new Set(inductionCircuitTensorNames());
        for (const tensor of tensors) {
            if (!names.has(tensor.name)) continue;
            const data = new Float32Array(tensor.shape[0]! * (tensor.shape[1] ?? 1));
            let offset = 0;
            for await (const chunk of tensor.data instanceof Float32Array ? [tensor.data] : tensor.data()) {
                data.set(chunk, offset);
                offset += chunk.length;
            }
            planted.set(tensor.name, data);
            tensor.data = data;
        }
        plantInductionCircuit(planted, {dim, layers, heads, kvHeads, nVocab, ropeFreqBase: options.ropeFreqBase ?? 10000, ctx, seed});
    }

    const out = path.resolve(options.out);
    await mkdir(path.dirname(out), {recursive: true});
    const {bytes} = await writeGguf(out, {metadata, tensors});
    return {
        path: out, arch: "llama", name,
        params: tensors.reduce((sum, tensor) => sum + tensor.shape.reduce((product, size) => product * size, 1), 0),
        bytes, tensors: tensors.length, dim, layers, heads, kvHeads, headDim, ffn, ctx, seed, tieEmbeddings, template, induction,
        hasChatTemplate: metadata.has("tokenizer.chat_template"),
        vocab: {name: vocabSource.name, path: vocabSource.path, source: vocabSource.source, tokenizer, size: nVocab}
    };
}

function* generate(count: number, std: number | "ones", seed: number, key: string): Generator<Float32Array> {
    const random = SeededRandom.forKey(seed, key);
    const chunk = new Float32Array(Math.min(count, chunkElements));
    for (let done = 0; done < count; done += chunk.length) {
        const part = count - done >= chunk.length ? chunk : chunk.subarray(0, count - done);
        if (std === "ones") part.fill(1);
        else random.fillNormal(part, std);
        yield part;
    }
}

function validate(options: InitModelOptions): {dim: number, layers: number, heads: number, kvHeads: number, ffn: number, ctx: number, seed: number} {
    const fail = (option: string, problem: string): never => {
        throw new ModelInitError("model_invalid_options", `${option}: ${problem}`, {option});
    };
    if (options.arch !== "llama") fail("arch", `unsupported architecture "${String(options.arch)}" (supported: llama)`);
    const positive = (option: string, value: number | undefined): number => {
        if (value === undefined || !Number.isSafeInteger(value) || value < 1) fail(option, `must be a positive integer, got ${String(value)}`);
        return value as number;
    };
    const dim = positive("dim", options.dim);
    const layers = positive("layers", options.layers);
    const heads = positive("heads", options.heads);
    const kvHeads = positive("kvHeads", options.kvHeads ?? options.heads);
    const ffn = positive("ffn", options.ffn);
    const ctx = positive("ctx", options.ctx);
    if (ctx > 0xffffffff) fail("ctx", "must fit in a uint32");
    const seed = options.seed ?? 0;
    if (!Number.isSafeInteger(seed) || seed < 0) fail("seed", `must be a non-negative integer, got ${seed}`);
    if (dim % heads !== 0) fail("heads", `dim ${dim} is not divisible by ${heads} heads`);
    if ((dim / heads) % 2 !== 0) fail("heads", `the head size dim/heads = ${dim / heads} must be even (RoPE rotates pairs)`);
    if (heads % kvHeads !== 0) fail("kvHeads", `${heads} heads are not divisible by ${kvHeads} key/value heads`);
    if (options.template !== undefined && !["chatml", "llama3", "none", "vocab"].includes(options.template)) {
        fail("template", `unknown template "${String(options.template)}" (chatml, llama3, none, vocab)`);
    }
    if (options.out === undefined || options.out === "") fail("out", "an output file is needed");
    return {dim, layers, heads, kvHeads, ffn, ctx, seed};
}

/** The template's special tokens must each be one control (3) or user-defined (4) token of the vocab. */
function checkTemplateTokens(vocab: GgufFile, vocabPath: string, template: "chatml" | "llama3"): void {
    const tokens = vocab.getStringArray("tokenizer.ggml.tokens") ?? [];
    const types = vocab.get("tokenizer.ggml.token_type");
    const index = new Map<string, number>();
    const required = new Set<string>(chatTemplates[template].requiredTokens);
    tokens.forEach((token, i) => { if (required.has(token) && !index.has(token)) index.set(token, i); });
    const missing = [...required].filter((token) => {
        const i = index.get(token);
        if (i === undefined) return true;
        if (types?.type !== "array" || types.itemType !== "int32") return false;
        const type = types.value[i];
        return type !== 3 && type !== 4;
    });
    if (missing.length > 0) {
        throw new ModelInitError(
            "model_vocab_unusable",
            `template ${template} needs the special tokens ${missing.join(" ")}, which vocab ${vocabPath} does not have as special tokens`
                + (template === "chatml" ? " (the qwen2 vocab has them)" : " (the llama-bpe vocab has them)"),
            {vocab: vocabPath, template, missingTokens: missing}
        );
    }
}
