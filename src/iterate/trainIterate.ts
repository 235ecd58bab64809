/**
 * ToolACE-R's model-aware iterative training (`toolace-r train iterate`): each iteration samples
 * every pool item k times with the current model, scores the samples BFCL-exactly, selects the
 * items by how hard they are for this model (pass@k), builds the training corpus with the
 * self-refinement conversations of the shared refinement protocol, fine-tunes with the native
 * trainer, evaluates on dev items with and without adaptive refinement, and keeps the best model.
 * Everything lives in one run folder; each stage writes atomically, so running the same command
 * again continues after the last finished stage.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readFile, rename, rm} from "node:fs/promises";
import path from "node:path";
import {getLlama, type Llama, LlamaLogLevel} from "node-llama-cpp";
import {ToolCallEngine} from "../engine/ToolCallEngine.js";
import type {ChatFormatName} from "../protocol/ChatFormat.js";
import {ROUND_LIMIT} from "../refine/RefineMode.js";
import {temporaryPath, writeFileAtomic} from "../train/checkpoint.js";
import {checkBaseModel} from "../train/train.js";
import {TrainError} from "../train/TrainError.js";
import type {IterationReport, TrainIterateReport} from "./IterationReport.js";
import {readPool} from "./readPool.js";
import {renderIterationReport} from "./renderIterationReport.js";
import {type IterationContext, type IterationSettings, readIterationReport, runBaseEvaluation, runIteration} from "./runIteration.js";
import {type SelectionRule, selectionRules} from "./selectItems.js";

export interface TrainIterateOptions {
    /** JSON Lines of synthetic items to train from (`toolace-r synth`'s train.jsonl). */
    readonly pool: string;
    /** JSON Lines of synthetic dev items (default: dev.jsonl beside the pool). */
    readonly dev?: string;
    /** The F32 GGUF model to start from. */
    readonly model: string;
    /** The run folder. */
    readonly out: string;
    /** Most iterations (the run also stops when the model-aware selection stops growing). */
    readonly iterations: number;
    /** Samples per pool item (default 8). */
    readonly k?: number;
    /** Sampling temperature, > 0 (default 0.8). */
    readonly temperature?: number;
    /** Selection rule (default `model-aware`). */
    readonly select?: SelectionRule;
    /** model-aware: share of the always-solved items kept in the selection (default 0.25). */
    readonly solvedShare?: number;
    /** At most this share of a selection of one item kind, in (0, 1] (default: no cap; see selectItems). */
    readonly maxKindShare?: number;
    /** Add the self-refinement conversations to the corpus (default true). */
    readonly refinementCorpus?: boolean;
    /** Most `fix` conversations per item (default 2). */
    readonly maxFixes?: number;
    /** Add three-round refinement chains (default true). */
    readonly chains?: boolean;
    /** Training epochs per iteration (default 1). */
    readonly epochs?: number;
    readonly learningRate: number;
    /** Cosine decay to this rate within each iteration (default: constant rate). */
    readonly minLearningRate?: number;
    /** Training positions per step, a multiple of 256; longer conversations are left out (default: fits the longest). */
    readonly contextSize?: number;
    /** Train each conversation in the smallest multiple of 256 positions that holds it (length windows, see TrainOptions.windows; default false). */
    readonly lengthWindows?: boolean;
    /** Threads for sampling and evaluation (default 1). */
    readonly threads?: number;
    /** Threads for the training steps (default: `threads`); a small model samples fastest on one thread but trains faster on more. */
    readonly trainThreads?: number;
    /**
     * Contexts of `threads` threads each for sampling and evaluation (default 1): items on different
     * contexts run in parallel (one per core for a small model on one thread). Results do not depend on it.
     */
    readonly contexts?: number;
    readonly seed?: number;
    /** Training steps between checkpoints (default 50). */
    readonly checkpointEvery?: number;
    /** Most refinement rounds of the adaptive dev evaluation (default 3). */
    readonly maxRounds?: number;
    /** Only the first N pool items / dev items. */
    readonly poolLimit?: number;
    readonly devLimit?: number;
    /** Output tokens per round when sampling and evaluating (default 384). */
    readonly maxTokens?: number;
    /** Grammar cap on generated strings (default 200: keeps a weak model's strings finite). */
    readonly maxStringLength?: number;
    readonly chatFormat?: ChatFormatName;
    readonly llama?: Llama;
    /** Stops at the next safe point (between items, after a training step) with TrainCancelledError; run again to continue. */
    readonly signal?: AbortSignal;
    readonly log?: (line: string) => void;
}

export interface TrainIterateResult {
    readonly report: TrainIterateReport;
    /** `report.json` and `report.md` in the run folder. */
    readonly files: {readonly json: string, readonly markdown: string};
    /** `best.gguf`, a copy of the best model, or null when no model was evaluated. */
    readonly best: string | null;
}

function fail(option: string, problem: string): never {
    throw new TrainError("train_invalid_options", `${option}: ${problem}`, {option});
}

function integer(option: string, value: number | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const n = value ?? fallback;
    if (!Number.isSafeInteger(n) || n < min || n > max) fail(option, `must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}, got ${String(value)}`);
    return n;
}

function settingsOf(options: TrainIterateOptions): IterationSettings {
    const temperature = options.temperature ?? 0.8;
    if (typeof temperature !== "number" || !(temperature > 0 && temperature <= 5)) fail("temperature", `must be above 0 (so that the k samples differ) and at most 5, got ${String(options.temperature)}`);
    const select = options.select ?? "model-aware";
    if (!selectionRules.includes(select)) fail("select", `must be one of ${selectionRules.join(", ")}, got ${JSON.stringify(select)}`);
    const solvedShare = options.solvedShare ?? 0.25;
    if (typeof solvedShare !== "number" || !(solvedShare >= 0 && solvedShare <= 1)) fail("solved-share", `must be in [0, 1], got ${String(solvedShare)}`);
    if (options.maxKindShare !== undefined && (typeof options.maxKindShare !== "number" || !(options.maxKindShare > 0 && options.maxKindShare <= 1))) {
        fail("max-kind-share", `must be in (0, 1], got ${String(options.maxKindShare)}`);
    }
    if (typeof options.learningRate !== "number" || !(options.learningRate > 0) || !Number.isFinite(options.learningRate)) fail("lr", `must be a positive number, got ${String(options.learningRate)}`);
    if (options.minLearningRate !== undefined && !(options.minLearningRate >= 0 && options.minLearningRate <= options.learningRate)) {
        fail("lr-min", `must be in [0, lr], got ${String(options.minLearningRate)}`);
    }
    if (options.contextSize !== undefined && (integer("ctx", options.contextSize, 0, 256) % 256 !== 0)) fail("ctx", `must be a multiple of 256, got ${options.contextSize}`);
    return {
        k: integer("k", options.k, 8, 1, 1024),
        temperature,
        select,
        solvedShare,
        ...(options.maxKindShare === undefined ? {} : {maxKindShare: options.maxKindShare}),
        refinementCorpus: options.refinementCorpus ?? true,
        maxFixes: integer("max-fixes", options.maxFixes, 2, 0, 64),
        chains: options.chains ?? true,
        epochs: integer("epochs", options.epochs, 1, 1),
        learningRate: options.learningRate,
        ...(options.minLearningRate === undefined ? {} : {minLearningRate: options.minLearningRate}),
        ...(options.contextSize === undefined ? {} : {contextSize: options.contextSize}),
        ...(options.lengthWindows === true ? {lengthWindows: true} : {}),
        threads: integer("threads", options.threads, 1, 1, 1024),
        trainThreads: integer("train-threads", options.trainThreads, options.threads ?? 1, 1, 1024),
        contexts: integer("contexts", options.contexts, 1, 1, 1024),
        seed: integer("seed", options.seed, 0, 0, 0xffffffff),
        checkpointEvery: integer("checkpoint-every", options.checkpointEvery, 50, 0),
        maxRounds: integer("max-rounds", options.maxRounds, 3, 1, ROUND_LIMIT),
        maxTokens: integer("max-tokens", options.maxTokens, 384, 16, 32768),
        ...(options.chatFormat === undefined ? {} : {chatFormat: options.chatFormat})
    };
}

async function digest(file: string): Promise<string> {
    return createHash("sha256").update(await readFile(file)).digest("hex");
}

/**
 * Writes `config.json` of a new run, or checks that the run folder holds a run of the same
 * settings (only `iterations`, `threads`, `trainThreads`, `contexts` and `checkpointEvery` may change when continuing).
 */
async function checkRunConfig(out: string, config: Record<string, unknown>): Promise<void> {
    const file = path.join(out, "config.json");
    if (existsSync(file)) {
        let previous: Record<string, unknown>;
        try {
            previous = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
        } catch (error) {
            throw new TrainError("train_iterate_mismatch", `${file} is not valid JSON; use another --out folder`, {file}, {cause: error});
        }
        const keys = [...new Set([...Object.keys(previous), ...Object.keys(config)])];
        const differing = keys.filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(config[key]));
        if (differing.length > 0) {
            const list = differing.map((key) => `${key}: ${JSON.stringify(previous[key])} there, ${JSON.stringify(config[key])} now`).join("; ");
            throw new TrainError("train_iterate_mismatch", `${out} holds a run made with other settings or data (${list}); use another --out folder or the same settings`, {out, differing});
        }
        return;
    }
    await writeFileAtomic(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** The best evaluated model: highest adaptive dev accuracy, then accuracy without refinement, then the earlier iteration. */
function bestOf(iterations: readonly IterationReport[]): TrainIterateReport["best"] {
    let best: TrainIterateReport["best"] = null;
    for (const it of iterations) {
        if (it.dev === null) continue;
        const model = it.out ?? it.model;
        if (best === null || it.dev.accuracyAdaptive > best.accuracyAdaptive
            || (it.dev.accuracyAdaptive === best.accuracyAdaptive && it.dev.accuracyOff > best.accuracyOff)) {
            best = {iteration: it.iteration, model, accuracyAdaptive: it.dev.accuracyAdaptive, accuracyOff: it.dev.accuracyOff};
        }
    }
    return best;
}

/** Copies the best model to `best.gguf` (atomically) when `best.json` does not already name it. */
async function keepBest(out: string, best: NonNullable<TrainIterateReport["best"]>): Promise<string> {
    const target = path.join(out, "best.gguf");
    const marker = path.join(out, "best.json");
    const current = existsSync(marker) ? (JSON.parse(await readFile(marker, "utf8")) as {model?: string}).model : undefined;
    if (current === best.model && existsSync(target)) return target;
    const temp = temporaryPath(target);
    try {
        await copyFile(best.model, temp);
        await rename(temp, target);
    } finally {
        await rm(temp, {force: true});
    }
    await writeFileAtomic(marker, `${JSON.stringify(best, null, 2)}\n`);
    return target;
}

/**
 * Runs (or continues) `train iterate` in `options.out`: iteration 0 evaluates the base model on
 * the dev items; iterations 1..N each sample, select, build the corpus, train and evaluate
 * (runIteration), starting from the previous iteration's model. The run stops early when an
 * iteration's selection is empty or, with the model-aware rule, does not grow. After every
 * iteration `report.json` and `report.md` are rewritten and the best model so far is copied to
 * `best.gguf`. Throws TrainError (`train_invalid_options`, `train_pool_invalid`,
 * `train_iterate_mismatch`, the trainer's codes) and TrainCancelledError when `signal` aborts.
 */
export async function trainIterate(options: TrainIterateOptions): Promise<TrainIterateResult> {
    const settings = settingsOf(options);
    const iterations = integer("iterations", options.iterations, 1, 1, 1000);
    const out = path.resolve(options.out);
    const poolFile = path.resolve(options.pool);
    const devFile = path.resolve(options.dev ?? path.join(path.dirname(poolFile), "dev.jsonl"));
    const base = path.resolve(options.model);
    const maxStringLength = integer("max-string-length", options.maxStringLength, 200, 1, 100000);
    const pool = await readPool(poolFile, options.poolLimit === undefined ? Infinity : integer("pool-limit", options.poolLimit, 0, 1));
    const dev = await readPool(devFile, options.devLimit === undefined ? Infinity : integer("dev-limit", options.devLimit, 0, 1));
    await checkBaseModel(base, options.llama);
    await mkdir(out, {recursive: true});
    const {threads: _threads, trainThreads: _trainThreads, contexts: _contexts, checkpointEvery: _every, ...fingerprinted} = settings;
    await checkRunConfig(out, {
        base, pool: poolFile, poolDigest: await digest(poolFile), poolLimit: options.poolLimit ?? null,
        dev: devFile, devDigest: await digest(devFile), devLimit: options.devLimit ?? null, maxStringLength, ...fingerprinted
    });

    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const llama = options.llama ?? await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    let held: {model: string, engine: ToolCallEngine} | undefined;
    const release = async (): Promise<void> => {
        const engine = held?.engine;
        held = undefined;
        await engine?.dispose();
    };
    const ctx: IterationContext = {
        settings, pool, dev, llama, release, log, ...(options.signal === undefined ? {} : {signal: options.signal}),
        engine: async (model) => {
            if (held?.model === model) return held.engine;
            await release();
            const engine = await ToolCallEngine.load({
                model, llama, threads: settings.threads, contexts: settings.contexts, maxTokens: settings.maxTokens,
                grammar: {maxStringLength, maxArrayItems: 16},
                // Sampling lays conversations out as the training data does: a hand-written format.
                chatFormat: settings.chatFormat ?? "builtin"
            });
            held = {model, engine};
            return engine;
        }
    };
    const reportSettings = {...settings, iterations, maxStringLength};
    const reports: IterationReport[] = [];
    let bestFile: string | null = null;
    const files = {json: path.join(out, "report.json"), markdown: path.join(out, "report.md")};
    const publish = async (state: TrainIterateReport["state"]): Promise<TrainIterateReport> => {
        const best = bestOf(reports);
        if (best !== null) bestFile = await keepBest(out, best);
        const report: TrainIterateReport = {
            out, base, pool: {file: poolFile, items: pool.length}, dev: {file: devFile, items: dev.length}, settings: reportSettings, iterations: [...reports], best, state
        };
        await writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`);
        await writeFileAtomic(files.markdown, renderIterationReport(report));
        return report;
    };

    try {
        reports.push(await readIterationReport(out, 0) ?? await runBaseEvaluation(ctx, out, base));
        await publish("running");
        let model = base;
        let previousSelected: number | null = null;
        let state: TrainIterateReport["state"] = "iterations";
        for (let iteration = 1; iteration <= iterations; iteration++) {
            const report: IterationReport = await readIterationReport(out, iteration) ?? await runIteration(ctx, out, iteration, model, previousSelected);
            reports.push(report);
            if (report.stop !== null) {
                state = report.stop.reason;
                break;
            }
            await publish(iteration === iterations ? "iterations" : "running");
            if (report.dev !== null) log(`iteration ${iteration}: dev ${(report.dev.accuracyOff * 100).toFixed(1)}% without refinement, ${(report.dev.accuracyAdaptive * 100).toFixed(1)}% adaptive`);
            model = report.out!;
            previousSelected = report.selection!.selected;
        }
        const report = await publish(state);
        return {report, files, best: bestFile};
    } finally {
        await release();
    }
}
