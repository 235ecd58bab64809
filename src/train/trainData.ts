/**
 * Pure parts of training: turning a token sample into one context window (inputs, next-token
 * labels, loss mask), the train/validation split and per-epoch order, and the learning rate schedule.
 */
import {createHash} from "node:crypto";
import {SeededRandom} from "../model/SeededRandom.js";
import {TrainError} from "./TrainError.js";

/**
 * One training sequence. `trainMask[i]` says whether predicting `tokens[i]` from the tokens before it
 * counts in the loss (assistant tokens: true; system/user/tool tokens: false); `trainMask[0]` is
 * ignored since nothing predicts the first token.
 */
export interface TrainSample {
    readonly tokens: readonly number[];
    readonly trainMask: readonly boolean[];
}

/** One context window: position p reads `tokens[p]` and is trained to predict `labels[p]` where `mask[p]` is 1. */
export interface Datapoint {
    tokens: Int32Array;
    labels: Int32Array;
    mask: Uint8Array;
    /** Positions with mask 1. */
    trainable: number;
    /** Positions holding the sample (sample length - 1); the rest is padding. */
    used: number;
}

export type LrSchedule =
    | {type: "constant", warmupSteps?: number}
    | {type: "linear", warmupSteps?: number, minLearningRate?: number}
    | {type: "cosine", warmupSteps?: number, minLearningRate?: number};

/**
 * Checks a sample against the context and vocabulary; returns its trainable position count (0:
 * nothing to learn, the trainer skips it). Throws `train_invalid_sample` / `train_sample_too_long`.
 */
export function checkSample(sample: TrainSample, index: number, contextSize: number, vocabSize: number): number {
    const {tokens, trainMask} = sample;
    const fail = (message: string): never => {
        throw new TrainError("train_invalid_sample", `sample ${index}: ${message}`, {sample: index});
    };
    if (!Array.isArray(tokens) || !Array.isArray(trainMask)) fail("tokens and trainMask must be arrays");
    if (tokens.length !== trainMask.length) fail(`${tokens.length} tokens but ${trainMask.length} trainMask entries`);
    if (tokens.length < 2) fail("a sample needs at least 2 tokens");
    if (tokens.length - 1 > contextSize) {
        throw new TrainError(
            "train_sample_too_long",
            `sample ${index} has ${tokens.length} tokens; a context of ${contextSize} positions holds at most ${contextSize + 1}`,
            {sample: index, tokens: tokens.length, contextSize}
        );
    }
    let trainable = 0;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (!Number.isInteger(token) || token < 0 || token >= vocabSize) fail(`token ${String(token)} at ${i} is outside the vocabulary of ${vocabSize}`);
        if (typeof trainMask[i] !== "boolean") fail(`trainMask[${i}] is not a boolean`);
        if (i > 0 && trainMask[i] === true) trainable++;
    }
    return trainable;
}

/** The context window of a (checked) sample, padded with `padToken` (masked out, so any valid token). */
export function toDatapoint(sample: TrainSample, contextSize: number, padToken: number): Datapoint {
    const tokens = new Int32Array(contextSize).fill(padToken);
    const labels = new Int32Array(contextSize).fill(padToken);
    const mask = new Uint8Array(contextSize);
    const used = sample.tokens.length - 1;
    let trainable = 0;
    for (let p = 0; p < used; p++) {
        tokens[p] = sample.tokens[p]!;
        labels[p] = sample.tokens[p + 1]!;
        if (sample.trainMask[p + 1] === true) {
            mask[p] = 1;
            trainable++;
        }
    }
    return {tokens, labels, mask, trainable, used};
}

function shuffle<T>(items: T[], random: SeededRandom): T[] {
    for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random.nextFloat() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
}

/**
 * Splits sample indices (those with something to learn) into training and validation, reproducibly
 * from `seed`: round(count * validationSplit) samples, at least 1 when the split is above 0.
 */
export function splitSamples(indices: readonly number[], validationSplit: number, seed: number): {train: number[], validation: number[]} {
    const shuffled = shuffle([...indices], SeededRandom.forKey(seed, "validation-split"));
    const validationCount = validationSplit > 0 ? Math.max(1, Math.round(indices.length * validationSplit)) : 0;
    if (validationCount >= indices.length) {
        throw new TrainError(
            "train_invalid_options",
            `validationSplit ${validationSplit} leaves no training sample out of ${indices.length}`,
            {option: "validationSplit", samples: indices.length}
        );
    }
    const validation = shuffled.slice(0, validationCount).sort((a, b) => a - b);
    const train = shuffled.slice(validationCount).sort((a, b) => a - b);
    return {train, validation};
}

/** The order of the training samples in `epoch` (a seeded shuffle per epoch). */
export function epochOrder(train: readonly number[], seed: number, epoch: number): number[] {
    return shuffle([...train], SeededRandom.forKey(seed, `epoch-${epoch}`));
}

/**
 * The smallest of `windows` (ascending context sizes) that holds a sample of `length` tokens
 * (length - 1 positions), or undefined when none does.
 */
export function windowFor(length: number, windows: readonly number[]): number | undefined {
    return windows.find((window) => length - 1 <= window);
}

/** How many samples each window takes (window → count, every window listed); samples longer than the last are left out. */
export function countByWindow(samples: readonly TrainSample[], windows: readonly number[]): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(windows.map((window) => [window, 0]));
    for (const sample of samples) {
        const window = windowFor(sample.tokens.length, windows);
        if (window !== undefined) counts[window]!++;
    }
    return counts;
}

/** Every multiple of 256 up to `contextSize` (a multiple of 256): the length windows of a run. */
export function windowsUpTo(contextSize: number): number[] {
    return Array.from({length: Math.max(1, Math.floor(contextSize / 256))}, (_, index) => 256 * (index + 1));
}

/**
 * An epoch's order arranged window by window within consecutive blocks of `block` steps: each
 * block keeps the samples it drew from the shuffled order, shortest window first, in their order
 * within a window. So the data stays mixed at the scale of a block (an epoch-long block would train
 * every long sample last) while a block costs at most one trainer switch per window. With one
 * window it is `order` itself.
 */
export function orderByWindow(order: readonly number[], windowOf: (sample: number) => number, block = order.length): number[] {
    if (!Number.isSafeInteger(block) || block < 1) throw new RangeError(`block must be a positive integer, got ${block}`);
    return order.map((sample, position) => ({sample, position, block: Math.floor(position / block), window: windowOf(sample)}))
        .sort((a, b) => a.block - b.block || a.window - b.window || a.position - b.position)
        .map((entry) => entry.sample);
}

/**
 * The learning rate of optimizer step `step` (0-based) out of `totalSteps`: linear warmup over
 * `warmupSteps`, then constant, linear or cosine decay towards `minLearningRate` (default 0). The
 * decay never reaches its end inside the run, so the rate stays above 0 (ggml requires it).
 */
export function learningRateAt(step: number, totalSteps: number, learningRate: number, schedule: LrSchedule = {type: "constant"}): number {
    const warmup = Math.min(schedule.warmupSteps ?? 0, totalSteps);
    if (step < warmup) return learningRate * (step + 1) / warmup;
    if (schedule.type === "constant") return learningRate;
    const min = schedule.minLearningRate ?? 0;
    const progress = (step - warmup) / Math.max(1, totalSteps - warmup);
    const factor = schedule.type === "linear" ? 1 - progress : 0.5 * (1 + Math.cos(Math.PI * progress));
    return min + (learningRate - min) * factor;
}

/** Throws `train_invalid_options` unless the schedule is well formed. */
export function checkSchedule(schedule: LrSchedule, learningRate: number): void {
    const fail = (message: string): never => {
        throw new TrainError("train_invalid_options", `lrSchedule: ${message}`, {option: "lrSchedule"});
    };
    if (!["constant", "linear", "cosine"].includes(schedule.type)) fail(`unknown type "${String(schedule.type)}" (constant, linear, cosine)`);
    if (schedule.warmupSteps !== undefined && (!Number.isSafeInteger(schedule.warmupSteps) || schedule.warmupSteps < 0)) {
        fail("warmupSteps must be a non-negative integer");
    }
    if (schedule.type !== "constant" && schedule.minLearningRate !== undefined) {
        const min = schedule.minLearningRate;
        if (!(min >= 0 && min <= learningRate)) fail(`minLearningRate must be in [0, learningRate], got ${min}`);
    }
}

/** A digest of the samples (tokens and masks, in order). */
export function samplesDigest(samples: readonly TrainSample[]): string {
    const hash = createHash("sha256");
    for (const sample of samples) {
        hash.update(Int32Array.from(sample.tokens));
        hash.update(Uint8Array.from(sample.trainMask, (flag) => (flag ? 1 : 0)));
        hash.update("|");
    }
    return hash.digest("hex");
}
