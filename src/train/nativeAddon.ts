/**
 * The one module that loads the native trainer (build/Release/toolace_trainer.node, built from
 * native/ by scripts/build-native.mjs) and types its surface: training (Model, Trainer) and
 * llama.cpp's quantizer (quantize).
 *
 * The addon links no llama.cpp library. `attach()` finds the libllama that node-llama-cpp loaded
 * into this process (the prebuilt binaries of @node-llama-cpp/<platform>, or a local build under
 * node-llama-cpp/llama/localBuilds/<build>/Release after `npx --no node-llama-cpp source download`:
 * whichever `getLlama()` picked), takes it with dlopen(RTLD_NOLOAD) so no second copy can appear,
 * resolves the functions it needs, and loads the ggml CPU backends from that folder only if none is
 * registered yet. So node-llama-cpp must have loaded its binding first: `loadTrainerAddon` calls
 * `getLlama()` when no `Llama` is given.
 */
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {getLlama, type Llama} from "node-llama-cpp";
import type {QuantizationType} from "../model/QuantizationType.js";
import {TrainError} from "./TrainError.js";

export interface NativeModelLoadOptions {
    /** Layers to offload to a GPU; default 0 (training runs on the CPU). */
    gpuLayers?: number;
}

/** A llama_model loaded with writable weights (no mmap). */
export interface NativeModel {
    /** `n_ctx_train` as loaded (llama_opt_init later overwrites the model's own value). */
    readonly contextLength: number;
    readonly vocabSize: number;
    readonly parameterCount: number;
    readonly description: string;
    readonly disposed: boolean;
    /** llama_model_save_to_file (writes `context_length` = the training context; see ggufContextLength). */
    save(path: string): Promise<void>;
    dispose(): void;
}

export interface NativeTrainerOptions {
    /** Positions per step (llama.cpp n_ctx = n_batch); a multiple of 256. */
    contextSize: number;
    /** Positions per physical batch (n_ubatch), a divisor of contextSize; default contextSize. */
    batchSize?: number;
    threads?: number;
    optimizer?: "adamw" | "sgd";
    weightDecay?: number;
    /**
     * Default true: zero the loss gradient of masked positions. false leaves llama.cpp's gradient
     * (every position trained) while the reported loss still covers trainable positions only; it
     * exists to show what the mask changes.
     */
    maskGradients?: boolean;
    /**
     * Default true (with maskGradients): llama.cpp computes the output layer, logits and loss only at
     * the positions that carry loss (plus one position of a physical batch that has none), through the
     * outputs patch (`native/patches/llama-opt-outputs.diff`; without it every position). The same
     * loss and gradients up to rounding (test/train/lossOutputs.test.ts); false computes them everywhere.
     */
    lossOutputsOnly?: boolean;
    /**
     * A never-applied LoRA adapter loaded `capacityAdapterCopies` times on the model before the
     * context is created, only to raise llama.cpp's graph budget (see graphCapacity.ts).
     */
    capacityAdapter?: string;
    capacityAdapterCopies?: number;
}

export interface NativeStepInput {
    /** Input token of each position (contextSize of them). */
    tokens: Int32Array;
    /** Token each position should predict. */
    labels: Int32Array;
    /** 1 where the position's prediction counts in the loss. */
    mask: Uint8Array;
    /** Default true; false only evaluates (no gradient, no update). */
    train?: boolean;
    learningRate?: number;
    /** 1-based optimizer step number, for AdamW's bias correction. */
    iteration?: number;
}

export interface NativeStepResult {
    /** Mean cross-entropy over the masked-in positions, before the update (NaN if none). */
    loss: number;
    lossSum: number;
    /** Masked-in positions. */
    tokens: number;
    /** Physical batches evaluated. */
    batches: number;
    /** Positions whose logits the step computed: every position, or with lossOutputsOnly those that carry loss (plus one per batch without any). */
    outputs: number;
    /** ggml's own cross-entropy summed over every position, ignoring the mask (a cross-check). */
    referenceLossSum: number;
    referenceTokens: number;
    /** Milliseconds the native hook spent on its own work (loss over the mask, gradient masking). */
    hookMs: number;
}

/** A llama_context prepared with llama_opt_init; one step = one context window = one optimizer step. */
export interface NativeTrainer {
    readonly contextSize: number;
    readonly batchSize: number;
    readonly optimizer: "adamw" | "sgd";
    /** Names of the tensors whose gradient was not all zero in the first training step (empty before it). */
    readonly trainedTensors: readonly string[];
    step(input: NativeStepInput): Promise<NativeStepResult>;
    /** Writes the AdamW moments (fsynced) to `path`. */
    saveOptimizerState(path: string): Promise<{tensors: number}>;
    /** Reads moments written by saveOptimizerState; they are applied at the next training step. */
    loadOptimizerState(path: string): Promise<{tensors: number}>;
    dispose(): void;
}

export interface NativeQuantizeOptions {
    /** f32 dequantizes every tensor; the others are llama.cpp's LLAMA_FTYPE_MOSTLY_* file types. */
    type: QuantizationType;
    /** 0 (default): every core. */
    threads?: number;
    /** Let llama.cpp quantize tensors that are already quantized (default false; needed to dequantize). */
    allowRequantize?: boolean;
}

export interface TrainerAddon {
    /** The libllama in use (the one node-llama-cpp loaded). */
    readonly libraryPath: string;
    /** Whether the addon had to load the ggml backends itself. */
    readonly loadedBackends: boolean;
    readonly addonPath: string;
    /** node-llama-cpp's build kind: "prebuilt" or "localBuild". */
    readonly buildType: string;
    /**
     * Version of toolace-r's llama.cpp training patch in that library (`native/patches`, applied by
     * `scripts/build-llama.mjs` to the local build), 0 without it. Without it attn_k, attn_v and
     * token_embd get no gradient: the KV-cache store has no backward pass and llama_opt_init skips
     * the token embeddings.
     */
    readonly trainingPatch: number;
    /**
     * Version of the backward-GEMM patch (`native/patches/llama-backward-gemm.diff`), 0 without it:
     * mul_mat's gradients then come from ggml_out_prod, whose CPU kernel is several times slower
     * than the tiled matrix product the patch uses (`npm run bench -- trainSpeed`).
     */
    readonly backwardGemmPatch: number;
    /** Whether the library has the outputs patch (lossOutputsOnly works; without it every position has logits). */
    readonly outputsPatch: boolean;
    /** Version of the GELU backward patch (`native/patches/llama-gelu-backward.diff`), 0 without it: GELU models (GELU_ARCHITECTURES) cannot train. */
    readonly geluBackwardPatch: number;
    readonly llama: Llama;
    readonly Model: {load(path: string, options?: NativeModelLoadOptions): Promise<NativeModel>};
    readonly Trainer: {create(model: NativeModel, options: NativeTrainerOptions): Promise<NativeTrainer>};
    /** llama_model_quantize of `input` into `output` (written directly: callers write to a temporary name). */
    quantize(input: string, output: string, options: NativeQuantizeOptions): Promise<void>;
    /**
     * Times `repeats` F32 products C[m×n] = A[k×m]ᵀ·B[k×n] (2·m·n·k operations each, after an untimed
     * warm-up) on ggml's CPU backend with `threads` threads: the rate this machine gives the trainer's
     * matrix products.
     */
    measureGemm(options: {m: number, n: number, k: number, threads: number, repeats?: number}): Promise<{flops: number, ms: number[]}>;
}

interface RawAddon {
    attach(libraryPath?: string): {libraryPath: string, loadedBackends: boolean, trainingPatch: number, backwardGemmPatch: number, outputsPatch: boolean, geluBackwardPatch: number};
    Model: TrainerAddon["Model"];
    Trainer: TrainerAddon["Trainer"];
    quantize: TrainerAddon["quantize"];
    measureGemm: TrainerAddon["measureGemm"];
}

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const require = createRequire(import.meta.url);

/** Where the addon is expected: $TOOLACE_TRAINER_ADDON, else build/Release/toolace_trainer.node of the package. */
export function trainerAddonPath(): string {
    return process.env.TOOLACE_TRAINER_ADDON ?? path.join(packageRoot, "build", "Release", "toolace_trainer.node");
}

let loaded: {promise: Promise<TrainerAddon>, llama: Llama | undefined} | undefined;

/**
 * Loads the addon once per process and attaches it to node-llama-cpp's libllama. Pass the app's
 * `Llama` (from getLlama) so both use the same build; without one, `getLlama()` is called.
 * Throws TrainError (`train_addon_missing`, `train_addon_load_failed`, `train_addon_attach_failed`).
 */
export function loadTrainerAddon(llama?: Llama): Promise<TrainerAddon> {
    if (loaded !== undefined && (llama === undefined || loaded.llama === undefined || loaded.llama === llama)) return loaded.promise;
    const promise = load(llama);
    loaded = {promise, llama};
    promise.catch(() => {
        if (loaded?.promise === promise) loaded = undefined;
    });
    return promise;
}

async function load(given: Llama | undefined): Promise<TrainerAddon> {
    const addonPath = trainerAddonPath();
    if (!existsSync(addonPath)) {
        throw new TrainError(
            "train_addon_missing",
            `the native trainer is not built (${addonPath} is missing): run \`node scripts/build-native.mjs\` (needs git, python3, make and a C++ compiler)`,
            {addonPath}
        );
    }
    // node-llama-cpp must have loaded its binding (and with it libllama) before the addon attaches.
    const llama = given ?? await getLlama();
    let raw: RawAddon;
    try {
        raw = require(addonPath) as RawAddon;
    } catch (error) {
        throw new TrainError("train_addon_load_failed", `cannot load ${addonPath}: ${(error as Error).message}; rebuild it with \`node scripts/build-native.mjs\``,
            {addonPath}, {cause: error});
    }
    let attached: ReturnType<RawAddon["attach"]>;
    try {
        attached = raw.attach();
    } catch (error) {
        throw new TrainError("train_addon_attach_failed", `the native trainer cannot use node-llama-cpp's llama.cpp: ${(error as Error).message}`,
            {addonPath}, {cause: error});
    }
    return {
        libraryPath: attached.libraryPath,
        loadedBackends: attached.loadedBackends,
        trainingPatch: attached.trainingPatch,
        backwardGemmPatch: attached.backwardGemmPatch,
        outputsPatch: attached.outputsPatch,
        geluBackwardPatch: attached.geluBackwardPatch,
        addonPath,
        buildType: llama.buildType,
        llama,
        Model: raw.Model,
        Trainer: raw.Trainer,
        quantize: (input, output, options) => raw.quantize(input, output, options),
        measureGemm: (options) => raw.measureGemm(options)
    };
}
