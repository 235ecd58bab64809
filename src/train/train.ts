/**
 * Full fine-tuning of an F32 GGUF model on token samples with a per-token loss mask, through the
 * native trainer (llama.cpp's llama_opt_* API; see native/ and nativeAddon.ts).
 *
 * One optimizer step = one sample, laid out in one context window of `contextSize` positions
 * (padding masked out), evaluated in physical batches of `batchSize` positions. With length windows
 * (`windows`), each sample trains in the smallest window that holds it: every block of
 * `windowBlock` steps of an epoch runs its samples window by window, shortest first, and a window
 * change reloads the model from a checkpoint into a trainer of the new size with the AdamW moments
 * carried over, so only the padding work changes, not the optimizer's state. The loss of a step is
 * the mean cross-entropy over the sample's trainable positions, and only those positions contribute
 * to the gradient (exact masking, done by the native hook on llama.cpp's unpatched libraries).
 * Every step runs on a libuv pool thread; the JavaScript thread stays free.
 */
import {createHash} from "node:crypto";
import {mkdir} from "node:fs/promises";
import path from "node:path";
import type {Llama} from "node-llama-cpp";
import type {GgufFile} from "../model/GgufFile.js";
import {readGguf} from "../model/readGguf.js";
import {readCheckpointState, removeCheckpoint, removeStaleTemporaries, saveModelAtomic, writeCheckpoint, type CheckpointState} from "./checkpoint.js";
import {GELU_ARCHITECTURES} from "./geluArchitectures.js";
import {graphCapacityAdapter} from "./graphCapacity.js";
import {loadTrainerAddon, type NativeModel, type NativeStepResult, type NativeTrainer, type TrainerAddon} from "./nativeAddon.js";
import {
    checkSample, checkSchedule, epochOrder, learningRateAt, orderByWindow, samplesDigest, splitSamples, toDatapoint, windowFor, type LrSchedule, type TrainSample
} from "./trainData.js";
import {TrainCancelledError, TrainError} from "./TrainError.js";

export type {LrSchedule, TrainSample} from "./trainData.js";

export interface TrainProgress {
    phase: "train" | "validate" | "checkpoint";
    /** 0-based epoch of the step (or of the validation). */
    epoch: number;
    /** Optimizer steps done. */
    step: number;
    totalSteps: number;
    /** Train: the step's loss (before its update); validate: the validation loss; checkpoint: NaN. */
    loss: number;
    learningRate: number;
    /** Trainable tokens of the step, or of the validation set. */
    tokens: number;
    /** Context positions processed per second by this run's training steps so far. */
    tokensPerSecond: number;
    elapsedMs: number;
}

export interface TrainOptions {
    /** The F32 GGUF model to start from. */
    model: string;
    /** Where the fine-tuned model is written (atomically). */
    out: string;
    samples: readonly TrainSample[];
    epochs: number;
    learningRate: number;
    lrSchedule?: LrSchedule;
    /** Positions per step, a multiple of 256 (llama.cpp pads contexts to 256); each sample must fit (length - 1 <= contextSize). */
    contextSize: number;
    /** Positions per physical batch, a divisor of contextSize (memory/speed only: the step's gradient is the same). */
    batchSize: number;
    /**
     * Length windows (length buckets): ascending multiples of 256 up to contextSize (which is added
     * when missing). A sample trains in the smallest window that holds it; every physical batch is
     * then its whole window, so batchSize must equal contextSize. Default: contextSize only.
     */
    windows?: readonly number[];
    /**
     * With windows: the epoch's shuffled order is cut into blocks of this many steps, each trained
     * window by window (orderByWindow), so long and short samples stay mixed; a block costs up to
     * one trainer switch per window. Default 256.
     */
    windowBlock?: number;
    threads: number;
    /** Fraction of the samples held out for a validation loss after each epoch, in [0, 1). */
    validationSplit: number;
    /** Seeds the validation split and the per-epoch sample order. */
    seed: number;
    /** Write a checkpoint every this many steps (0: only when cancelled). */
    checkpointEvery: number;
    onProgress?: (progress: TrainProgress) => void;
    /** Aborting stops after the running step, writes a checkpoint and rejects with TrainCancelledError. */
    signal?: AbortSignal;
    /** Default `${out}.checkpoint`. */
    checkpointDir?: string;
    /** Default true: continue from the checkpoint in checkpointDir when there is one (it must be of the same run). */
    resume?: boolean;
    optimizer?: "adamw" | "sgd";
    /** Decoupled weight decay of the optimizer, default 0. */
    weightDecay?: number;
    /** The node-llama-cpp instance whose llama.cpp is used; default getLlama(). */
    llama?: Llama;
    /** Token used to pad windows (masked out); default 0. */
    padToken?: number;
    /** Called once, after the first training step, when some weight tensors got no update (see TrainResult.frozenTensors). */
    onFrozenTensors?: (frozen: readonly string[], message: string) => void;
}

export interface TrainResult {
    /** Optimizer steps done in total (including those before a resume). */
    steps: number;
    /** Loss of every step, in order. */
    trainLoss: number[];
    /** Validation loss after each epoch, when there is a validation set. */
    valLoss?: number[];
    out: string;
    /** Samples without any trainable token, not used. */
    skippedSamples: number;
    /** Step the run resumed from, if it did. */
    resumedFrom?: number;
    /** Context positions per second of this run's training steps. */
    tokensPerSecond: number;
    /**
     * Tensors of the model whose gradient was all zero in the first step (empty when every one
     * trains): weight decay alone changes them. On a llama.cpp without toolace-r's training patch
     * these are token_embd and every attn_k / attn_v.
     */
    frozenTensors: string[];
    /** Times this run moved to a trainer of another length window (0 with one window). */
    windowSwitches: number;
}

interface Config {
    epochs: number;
    learningRate: number;
    schedule: LrSchedule;
    contextSize: number;
    batchSize: number;
    /** Ascending; the last is contextSize. */
    windows: number[];
    windowBlock: number;
    threads: number;
    validationSplit: number;
    seed: number;
    checkpointEvery: number;
    optimizer: "adamw" | "sgd";
    weightDecay: number;
    padToken: number;
}

function validate(options: TrainOptions): Config {
    const fail = (option: string, problem: string): never => {
        throw new TrainError("train_invalid_options", `${option}: ${problem}`, {option});
    };
    const integer = (option: string, value: unknown, min: number): number => {
        if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) fail(option, `must be an integer >= ${min}, got ${String(value)}`);
        return value as number;
    };
    if (typeof options.model !== "string" || options.model === "") fail("model", "a model path is needed");
    if (typeof options.out !== "string" || options.out === "") fail("out", "an output path is needed");
    if (!Array.isArray(options.samples)) fail("samples", "must be an array");
    const epochs = integer("epochs", options.epochs, 1);
    if (typeof options.learningRate !== "number" || !(options.learningRate > 0) || !Number.isFinite(options.learningRate)) {
        fail("learningRate", `must be a positive number, got ${String(options.learningRate)}`);
    }
    const contextSize = integer("contextSize", options.contextSize, 256);
    if (contextSize % 256 !== 0) fail("contextSize", `must be a multiple of 256 (llama.cpp pads contexts to 256), got ${contextSize}`);
    const batchSize = integer("batchSize", options.batchSize, 1);
    if (contextSize % batchSize !== 0) fail("batchSize", `must divide contextSize ${contextSize}, got ${batchSize}`);
    const windows = checkWindows(options.windows, contextSize, batchSize, fail);
    const windowBlock = integer("windowBlock", options.windowBlock ?? 256, 1);
    const threads = integer("threads", options.threads, 1);
    if (typeof options.validationSplit !== "number" || !(options.validationSplit >= 0 && options.validationSplit < 1)) {
        fail("validationSplit", `must be in [0, 1), got ${String(options.validationSplit)}`);
    }
    const seed = integer("seed", options.seed, 0);
    const checkpointEvery = integer("checkpointEvery", options.checkpointEvery, 0);
    const optimizer = options.optimizer ?? "adamw";
    if (optimizer !== "adamw" && optimizer !== "sgd") fail("optimizer", `must be "adamw" or "sgd", got ${String(optimizer)}`);
    const weightDecay = options.weightDecay ?? 0;
    if (!(weightDecay >= 0 && weightDecay <= 1)) fail("weightDecay", `must be in [0, 1], got ${weightDecay}`);
    const padToken = integer("padToken", options.padToken ?? 0, 0);
    const schedule = options.lrSchedule ?? {type: "constant"};
    checkSchedule(schedule, options.learningRate);
    return {
        epochs, learningRate: options.learningRate, schedule, contextSize, batchSize, windows, windowBlock, threads,
        validationSplit: options.validationSplit, seed, checkpointEvery, optimizer, weightDecay, padToken
    };
}

function checkWindows(windows: readonly number[] | undefined, contextSize: number, batchSize: number, fail: (option: string, problem: string) => never): number[] {
    if (windows === undefined) return [contextSize];
    if (!Array.isArray(windows)) fail("windows", "must be an array of context sizes");
    windows.forEach((window, index) => {
        if (!Number.isSafeInteger(window) || window < 256 || window % 256 !== 0 || window > contextSize) {
            fail("windows", `each window must be a multiple of 256 from 256 to contextSize ${contextSize}, got ${String(window)}`);
        }
        if (index > 0 && window <= windows[index - 1]!) fail("windows", `must ascend, got ${windows.join(", ")}`);
    });
    const all = windows.at(-1) === contextSize ? [...windows] : [...windows, contextSize];
    if (all.length > 1 && batchSize !== contextSize) {
        fail("batchSize", `length windows train each window in one physical batch, so batchSize must equal contextSize ${contextSize}, got ${batchSize}`);
    }
    return all;
}

function fingerprint(options: TrainOptions, config: Config): string {
    // One window is the layout of runs before length windows existed: their checkpoints still resume.
    const {threads: _threads, checkpointEvery: _every, windows, windowBlock, ...rest} = config;
    const settings = windows.length > 1 ? {...rest, windows, windowBlock} : rest;
    return createHash("sha256").update(JSON.stringify({
        model: path.resolve(options.model), samples: samplesDigest(options.samples), ...settings
    })).digest("hex");
}

/**
 * The base model must be F32 everywhere (ggml's training ops need it) and of an architecture
 * llama.cpp can differentiate (not GELU_ARCHITECTURES).
 */
export async function checkBaseModel(file: string, llama?: Llama): Promise<GgufFile> {
    let gguf: GgufFile;
    try {
        gguf = await readGguf(file);
    } catch (error) {
        throw new TrainError("train_model_unsupported", `cannot read the model ${file}: ${(error as Error).message}`, {model: file}, {cause: error});
    }
    const architecture = gguf.architecture ?? "";
    if (GELU_ARCHITECTURES.has(architecture) && (await loadTrainerAddon(llama)).geluBackwardPatch === 0) {
        throw new TrainError(
            "train_model_unsupported",
            `${file} is a ${architecture} model: its feed-forward uses GELU, for which this llama.cpp build's training has no backward pass ` +
                "(llama.cpp would abort the process on the first step; the local build of `npm install` adds one, native/patches/llama-gelu-backward.diff); " +
                "models with SwiGLU feed-forwards (llama, mistral, qwen2, smollm, granite, ...) train",
            {model: file, architecture}
        );
    }
    const nonF32 = gguf.tensors.filter((tensor) => tensor.typeName !== "F32");
    if (nonF32.length > 0) {
        throw new TrainError(
            "train_model_unsupported",
            `${file} has ${nonF32.length} tensors that are not F32 (${nonF32.slice(0, 3).map((tensor) => `${tensor.name}: ${tensor.typeName}`).join(", ")}${nonF32.length > 3 ? ", ..." : ""}); full fine-tuning needs an F32 model`,
            {model: file, nonF32: nonF32.length}
        );
    }
    return gguf;
}

function nativeError(action: string, error: unknown): TrainError {
    if (error instanceof TrainError) return error;
    return new TrainError("train_native", `${action}: ${(error as Error).message}`, {}, {cause: error});
}

/**
 * Fine-tunes `options.model` on `options.samples` and writes the result to `options.out`.
 * Resolves with the step losses; rejects with TrainCancelledError when `signal` aborts (after writing
 * a checkpoint that a later call with the same options resumes from), or with TrainError.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
    const config = validate(options);
    const out = path.resolve(options.out);
    const checkpointDir = path.resolve(options.checkpointDir ?? `${out}.checkpoint`);
    // A run killed while writing the model or a checkpoint left a temporary file: clean it up.
    await removeStaleTemporaries(path.dirname(out), path.basename(out));
    await removeStaleTemporaries(checkpointDir);
    const runFingerprint = fingerprint(options, config);
    const resumeFrom = options.resume === false ? undefined : await readCheckpointState(checkpointDir);
    if (resumeFrom !== undefined && resumeFrom.fingerprint !== runFingerprint) {
        throw new TrainError(
            "train_checkpoint_mismatch",
            `the checkpoint in ${checkpointDir} belongs to another run (different samples, model or options): remove it or pass resume: false`,
            {checkpoint: checkpointDir}
        );
    }
    const baseGguf = await checkBaseModel(options.model, options.llama);
    const capacity = await graphCapacityAdapter(baseGguf);
    if (options.signal?.aborted) {
        throw new TrainCancelledError("training was cancelled before it started", {checkpoint: checkpointDir, step: resumeFrom?.step ?? 0, totalSteps: 0});
    }

    const addon = await loadTrainerAddon(options.llama);
    const modelFile = resumeFrom === undefined ? options.model : path.join(checkpointDir, resumeFrom.model);
    const holder = new TrainerHolder(addon, config, capacity);
    try {
        // The first load reads the vocabulary size and context length every sample is checked against.
        const first = await holder.loadModel(modelFile);
        const contextLength = resumeFrom?.contextLength ?? first.contextLength;
        const trainable = options.samples.map((sample, index) => checkSample(sample, index, config.contextSize, first.vocabSize));
        if (config.padToken >= first.vocabSize) {
            throw new TrainError("train_invalid_options", `padToken: ${config.padToken} is outside the vocabulary of ${first.vocabSize}`, {option: "padToken"});
        }
        const usable = trainable.flatMap((count, index) => (count > 0 ? [index] : []));
        if (usable.length === 0) throw new TrainError("train_no_samples", "no sample has a trainable token", {samples: options.samples.length});
        const split = splitSamples(usable, config.validationSplit, config.seed);
        const stepsPerEpoch = split.train.length;
        const totalSteps = stepsPerEpoch * config.epochs;
        if (resumeFrom !== undefined && (resumeFrom.step > totalSteps || resumeFrom.totalSteps !== totalSteps)) {
            throw new TrainError("train_checkpoint_invalid", `the checkpoint in ${checkpointDir} is at step ${resumeFrom.step} of ${resumeFrom.totalSteps}, this run has ${totalSteps}`,
                {checkpoint: checkpointDir});
        }
        return await run({
            options, config, holder, out, checkpointDir, runFingerprint, contextLength, split, stepsPerEpoch, totalSteps,
            resumeFrom, skippedSamples: options.samples.length - usable.length,
            tensorNames: baseGguf.tensors.map((tensor) => tensor.name), trainingPatch: addon.trainingPatch
        });
    } finally {
        holder.dispose();
    }
}

/**
 * The loaded model and its trainer, for one window at a time. llama_opt_init changes a model for
 * good, so a trainer of another window needs the model loaded again: from the checkpoint that the
 * run writes at the switch, with the optimizer moments of that checkpoint.
 */
class TrainerHolder {
    model: NativeModel | undefined;
    trainer: NativeTrainer | undefined;
    window: number | undefined;

    constructor(private readonly addon: TrainerAddon, private readonly config: Config, private readonly capacity: Awaited<ReturnType<typeof graphCapacityAdapter>>) {}

    async loadModel(file: string): Promise<NativeModel> {
        this.dispose();
        try {
            this.model = await this.addon.Model.load(file);
        } catch (error) {
            throw nativeError(`cannot load ${file}`, error);
        }
        return this.model;
    }

    /** A trainer of `window` positions on the loaded model (which must not have had one), with the moments of `optimizerState` when given. */
    async createTrainer(window: number, optimizerState: string | undefined): Promise<NativeTrainer> {
        if (this.model === undefined) throw new TrainError("train_native", "no model is loaded", {});
        try {
            this.trainer = await this.addon.Trainer.create(this.model, {
                contextSize: window, batchSize: window === this.config.contextSize ? this.config.batchSize : window, threads: this.config.threads,
                optimizer: this.config.optimizer, weightDecay: this.config.weightDecay,
                ...(this.capacity === undefined ? {} : {capacityAdapter: this.capacity.path, capacityAdapterCopies: this.capacity.copies})
            });
        } catch (error) {
            throw nativeError("cannot prepare training", error);
        }
        this.window = window;
        if (optimizerState !== undefined) {
            await this.trainer.loadOptimizerState(optimizerState)
                .catch((error: unknown) => { throw nativeError(`cannot load the optimizer state ${optimizerState}`, error); });
        }
        return this.trainer;
    }

    dispose(): void {
        this.trainer?.dispose();
        this.model?.dispose();
        this.trainer = undefined;
        this.model = undefined;
        this.window = undefined;
    }
}

interface Run {
    options: TrainOptions;
    config: Config;
    /** The model is loaded (from the start model or the resumed checkpoint); no trainer yet. */
    holder: TrainerHolder;
    out: string;
    checkpointDir: string;
    runFingerprint: string;
    contextLength: number;
    split: {train: number[], validation: number[]};
    stepsPerEpoch: number;
    totalSteps: number;
    resumeFrom: CheckpointState | undefined;
    skippedSamples: number;
    /** Every tensor of the model, to name those the optimizer leaves alone. */
    tensorNames: readonly string[];
    trainingPatch: number;
}

/**
 * Names `frozen` compactly (`blk.*.attn_k.weight (6)` for a tensor frozen in 6 layers) and says why:
 * a llama.cpp without our training patch, or a physical batch smaller than the context (the patched
 * attention reads K/V of the batch only when the batch is the whole context).
 */
export function describeFrozenTensors(frozen: readonly string[], trainingPatch: number, batchSize: number, contextSize: number): string {
    const groups = new Map<string, number>();
    for (const name of frozen) {
        const key = name.replace(/^blk\.\d+\./, "blk.*.");
        groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const names = [...groups].map(([key, count]) => (count > 1 ? `${key} (${count})` : key)).join(", ");
    const kv = frozen.some((name) => /\.attn_[kv]\.weight$/.test(name));
    const why = trainingPatch > 0
        ? (kv && batchSize < contextSize
            ? `attention K/V train only when one physical batch is the whole context (batchSize ${batchSize} < contextSize ${contextSize})`
            : "the loss does not reach them")
        : "this llama.cpp lacks toolace-r's training patch (the KV-cache store has no backward pass and llama_opt_init skips token_embd): run `node scripts/build-llama.mjs` to build it";
    return `${frozen.length} weight tensors get no gradient and stay as they are: ${names}; ${why}`;
}

async function run(r: Run): Promise<TrainResult> {
    const {options, config, holder, totalSteps, stepsPerEpoch} = r;
    const trainLoss = [...(r.resumeFrom?.trainLoss ?? [])];
    let frozenTensors: string[] = [];
    let frozenChecked = false;
    const valLoss = [...(r.resumeFrom?.valLoss ?? [])];
    let step = r.resumeFrom?.step ?? 0;
    const started = Date.now();
    let trainingMs = 0;
    let trainedPositions = 0;
    let windowSwitches = 0;
    let order: {epoch: number, samples: number[]} | undefined;
    const speed = (): number => (trainingMs > 0 ? trainedPositions / (trainingMs / 1000) : 0);
    const progress = (event: Omit<TrainProgress, "step" | "totalSteps" | "tokensPerSecond" | "elapsedMs">): void => {
        options.onProgress?.({...event, step, totalSteps, tokensPerSecond: speed(), elapsedMs: Date.now() - started});
    };
    // Every sample fits contextSize (checkSample), the last window.
    const sampleWindows = options.samples.map((sample) => windowFor(sample.tokens.length, config.windows) ?? config.contextSize);
    const windowOf = (sample: number): number => sampleWindows[sample]!;
    /** The sample of global step `at` (its epoch's order, window by window). */
    const sampleAt = (at: number): number => {
        const epoch = Math.floor(at / stepsPerEpoch);
        if (order?.epoch !== epoch) order = {epoch, samples: orderByWindow(epochOrder(r.split.train, config.seed, epoch), windowOf, config.windowBlock)};
        return order.samples[at % stepsPerEpoch]!;
    };
    let lastCheckpoint = r.resumeFrom?.step;
    const checkpoint = async (): Promise<void> => {
        if (lastCheckpoint === step) return;
        lastCheckpoint = step;
        await writeCheckpoint(r.checkpointDir, holder.model!, holder.trainer!, {
            fingerprint: r.runFingerprint, step, totalSteps, trainLoss, valLoss, contextLength: r.contextLength
        });
        progress({phase: "checkpoint", epoch: Math.floor(Math.max(0, step - 1) / stepsPerEpoch), loss: Number.NaN, learningRate: 0, tokens: 0});
    };
    /**
     * The trainer of `window`: the current one, or (another window) a new one on the model reloaded
     * from a checkpoint written now, with that checkpoint's optimizer moments. A checkpoint is only
     * written after a training step on the current trainer, so its moments are the applied ones.
     */
    let pendingMoments = r.resumeFrom === undefined ? undefined : path.join(r.checkpointDir, r.resumeFrom.optimizer);
    const trainerFor = async (window: number): Promise<NativeTrainer> => {
        if (holder.trainer !== undefined && holder.window === window) return holder.trainer;
        if (holder.trainer !== undefined) {
            await checkpoint();
            const state = await readCheckpointState(r.checkpointDir);
            if (state === undefined || state.step !== step) {
                throw new TrainError("train_checkpoint_invalid", `the checkpoint of step ${step} in ${r.checkpointDir} is missing`, {checkpoint: r.checkpointDir});
            }
            await holder.loadModel(path.join(r.checkpointDir, state.model));
            pendingMoments = path.join(r.checkpointDir, state.optimizer);
            windowSwitches++;
        }
        const trainer = await holder.createTrainer(window, pendingMoments);
        pendingMoments = undefined;
        return trainer;
    };
    const cancel = async (): Promise<never> => {
        await checkpoint();
        throw new TrainCancelledError(`training was cancelled at step ${step} of ${totalSteps}; resume from ${r.checkpointDir}`,
            {checkpoint: r.checkpointDir, step, totalSteps});
    };
    const step1 = async (trainer: NativeTrainer, input: Parameters<NativeTrainer["step"]>[0]): Promise<NativeStepResult> => {
        try {
            return await trainer.step(input);
        } catch (error) {
            throw nativeError(`training step ${step + 1} failed`, error);
        }
    };
    // Validation after every finished epoch (also one a checkpoint was written before validating),
    // window by window from the longest (where an epoch ends).
    const validateDue = async (): Promise<void> => {
        while (r.split.validation.length > 0 && valLoss.length < Math.floor(step / stepsPerEpoch)) {
            let sum = 0;
            let tokens = 0;
            for (const window of [...config.windows].reverse()) {
                const members = r.split.validation.filter((index) => windowOf(index) === window);
                if (members.length === 0) continue;
                const trainer = await trainerFor(window);
                for (const index of members) {
                    if (options.signal?.aborted) await cancel();
                    const datapoint = toDatapoint(options.samples[index]!, window, config.padToken);
                    const result = await step1(trainer, {tokens: datapoint.tokens, labels: datapoint.labels, mask: datapoint.mask, train: false});
                    sum += result.lossSum;
                    tokens += result.tokens;
                }
            }
            valLoss.push(sum / tokens);
            progress({phase: "validate", epoch: valLoss.length - 1, loss: sum / tokens, learningRate: 0, tokens});
        }
    };

    // A trainer from the start, so that a cancel before the first step has one to checkpoint.
    await trainerFor(step < totalSteps ? windowOf(sampleAt(step)) : config.contextSize);
    await validateDue();
    while (step < totalSteps) {
        if (options.signal?.aborted) await cancel();
        const epoch = Math.floor(step / stepsPerEpoch);
        const sample = sampleAt(step);
        const window = windowOf(sample);
        const trainer = await trainerFor(window);
        const datapoint = toDatapoint(options.samples[sample]!, window, config.padToken);
        const learningRate = learningRateAt(step, totalSteps, config.learningRate, config.schedule);
        const before = Date.now();
        const result = await step1(trainer, {
            tokens: datapoint.tokens, labels: datapoint.labels, mask: datapoint.mask, train: true, learningRate, iteration: step + 1
        });
        trainingMs += Date.now() - before;
        trainedPositions += window;
        step++;
        trainLoss.push(result.loss);
        if (!frozenChecked) {
            frozenChecked = true;
            const trained = new Set(trainer.trainedTensors);
            frozenTensors = r.tensorNames.filter((name) => !trained.has(name));
            if (frozenTensors.length > 0) options.onFrozenTensors?.(frozenTensors, describeFrozenTensors(frozenTensors, r.trainingPatch, trainer.batchSize, window));
        }
        progress({phase: "train", epoch, loss: result.loss, learningRate, tokens: result.tokens});
        await validateDue();
        if (config.checkpointEvery > 0 && step % config.checkpointEvery === 0 && step < totalSteps) await checkpoint();
    }

    await mkdir(path.dirname(r.out), {recursive: true});
    await saveModelAtomic(holder.model!, r.out, r.contextLength);
    await removeCheckpoint(r.checkpointDir);
    return {
        steps: step, trainLoss, ...(r.split.validation.length > 0 ? {valLoss} : {}), out: r.out, skippedSamples: r.skippedSamples,
        ...(r.resumeFrom !== undefined ? {resumedFrom: r.resumeFrom.step} : {}), tokensPerSecond: speed(), frozenTensors, windowSwitches
    };
}
