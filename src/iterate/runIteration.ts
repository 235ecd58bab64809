import {existsSync} from "node:fs";
import {appendFile, mkdir, readFile, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import type {Llama} from "node-llama-cpp";
import type {ToolCallEngine} from "../engine/ToolCallEngine.js";
import type {ChatFormatName} from "../protocol/ChatFormat.js";
import {resolveChatFormat} from "../protocol/resolveChatFormat.js";
import {fnv1a} from "../synth/fnv1a.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {readCheckpointState, writeFileAtomic} from "../train/checkpoint.js";
import {renderTrainingSample} from "../train/renderTrainingSample.js";
import {train} from "../train/train.js";
import {type TrainSample, windowsUpTo} from "../train/trainData.js";
import {TrainCancelledError, TrainError} from "../train/TrainError.js";
import {TrainingLog, type TrainingLogLine} from "../train/TrainingLog.js";
import {buildRefinementCorpus, type CorpusEntry, type CorpusKind, corpusKinds} from "./buildRefinementCorpus.js";
import {evalDev} from "./evalDev.js";
import type {CorpusSummary, IterationReport, IterationStop, SamplingSummary, TrainingSummary} from "./IterationReport.js";
import {meanPassAtK} from "./passAtK.js";
import {type ItemSamples, sampleItems} from "./sampleItems.js";
import {selectItems, type Selection, type SelectionRule} from "./selectItems.js";
import {sharedPromptFigures} from "./sharedPromptFigures.js";

/** The settings every iteration runs with (validated by trainIterate). */
export interface IterationSettings {
    readonly k: number;
    readonly temperature: number;
    readonly select: SelectionRule;
    readonly solvedShare: number;
    readonly maxKindShare?: number;
    readonly refinementCorpus: boolean;
    readonly maxFixes: number;
    readonly chains: boolean;
    readonly epochs: number;
    readonly learningRate: number;
    readonly minLearningRate?: number;
    /** Training positions per step (default: the smallest multiple of 256 that holds the longest conversation). */
    readonly contextSize?: number;
    /** Length windows in training (absent: one window of contextSize). */
    readonly lengthWindows?: true;
    readonly threads: number;
    /** Threads of the training steps (sampling and evaluation use `threads`). */
    readonly trainThreads: number;
    /** Contexts for sampling and evaluation (items in parallel, one per context). */
    readonly contexts: number;
    readonly seed: number;
    readonly checkpointEvery: number;
    readonly maxRounds: number;
    readonly maxTokens: number;
    readonly chatFormat?: ChatFormatName;
}

export interface IterationContext {
    readonly settings: IterationSettings;
    readonly pool: readonly SynthItem[];
    readonly dev: readonly SynthItem[];
    readonly llama: Llama;
    /** The engine of a model (loaded once and kept until another model is asked for or `release`). */
    readonly engine: (model: string) => Promise<ToolCallEngine>;
    /** Disposes the engine held, if any (before training, to free its memory). */
    readonly release: () => Promise<void>;
    readonly log: (line: string) => void;
    readonly signal?: AbortSignal;
}

/** The files of iteration `n` inside the run folder. */
export function iterationFiles(outDir: string, iteration: number): {
    dir: string, report: string, samples: string, partialSamples: string, selection: string, corpus: string, model: string, checkpoint: string, trainLog: string, dev: string
} {
    const dir = path.join(outDir, `iter-${iteration}`);
    return {
        dir,
        report: path.join(dir, "iteration.json"),
        samples: path.join(dir, "samples.jsonl"),
        partialSamples: path.join(dir, "samples.partial.jsonl"),
        selection: path.join(dir, "selection.json"),
        corpus: path.join(dir, "corpus.jsonl"),
        model: path.join(dir, "model.gguf"),
        checkpoint: path.join(dir, "model.gguf.checkpoint"),
        trainLog: path.join(dir, "train-log.jsonl"),
        dev: path.join(dir, "dev")
    };
}

/** The finished report of iteration `n`, or undefined when it has not finished. */
export async function readIterationReport(outDir: string, iteration: number): Promise<IterationReport | undefined> {
    const file = iterationFiles(outDir, iteration).report;
    if (!existsSync(file)) return undefined;
    try {
        return JSON.parse(await readFile(file, "utf8")) as IterationReport;
    } catch (error) {
        throw new TrainError("train_io", `${file} is not a readable iteration report (${(error as Error).message}); remove it to run the iteration again`, {file}, {cause: error});
    }
}

/** Iteration 0: the base model's dev scores, the reference the trained models are compared with. */
export async function runBaseEvaluation(ctx: IterationContext, outDir: string, model: string): Promise<IterationReport> {
    const files = iterationFiles(outDir, 0);
    await mkdir(files.dir, {recursive: true});
    ctx.log(`iteration 0: dev evaluation of the base model ${model} (${ctx.dev.length} items)`);
    const dev = await evalDev({engine: await ctx.engine(model), items: ctx.dev, outDir: files.dev, maxRounds: ctx.settings.maxRounds, maxTokens: ctx.settings.maxTokens, signal: ctx.signal, log: ctx.log});
    const report: IterationReport = {iteration: 0, model, out: null, sampling: null, selection: null, corpus: null, training: null, dev, stop: null};
    await writeFileAtomic(files.report, `${JSON.stringify(report, null, 2)}\n`);
    return report;
}

/**
 * Runs (or finishes) iteration `n` ≥ 1 from `model`: samples the pool k times per item, selects
 * the training items by the rule, builds the corpus (with the self-refinement conversations when
 * enabled), fine-tunes `model` on it and evaluates the result on the dev items. Every stage writes
 * its output atomically into `iter-n/` and is skipped when that output exists (sampling appends
 * each item as it is done, training checkpoints), so a killed run continues where it stopped.
 * When the selection is empty, or (model-aware) did not grow over `previousSelected`, the
 * iteration stops before training and its report says why.
 */
export async function runIteration(ctx: IterationContext, outDir: string, iteration: number, model: string, previousSelected: number | null): Promise<IterationReport> {
    const {settings} = ctx;
    const files = iterationFiles(outDir, iteration);
    await mkdir(files.dir, {recursive: true});

    const records = await sampleStage(ctx, files, iteration, model);
    const sampling = samplingSummary(records, settings);
    const kinds = new Map(ctx.pool.map((item) => [item.id, item.kind]));
    const selection = selectItems(records.map((record) => ({id: record.id, n: record.samples.length, c: record.correct, kind: kinds.get(record.id)})),
        {rule: settings.select, solvedShare: settings.solvedShare, seed: fnv1a(`select ${settings.seed} ${iteration}`),
            ...(settings.maxKindShare === undefined ? {} : {maxKindShare: settings.maxKindShare})});
    await writeFileAtomic(files.selection, `${JSON.stringify(selection, null, 2)}\n`);
    const selectionSummary = {rule: selection.rule, selected: selection.ids.length, previous: previousSelected, byDifficulty: selection.selected};
    ctx.log(`iteration ${iteration}: pass@1 ${(sampling.passAt1 * 100).toFixed(1)}%, pass@${settings.k} ${(sampling.passAtK * 100).toFixed(1)}%; `
        + `unsolved/learnable/solved ${sampling.difficulty.unsolved}/${sampling.difficulty.learnable}/${sampling.difficulty.solved}; ${selection.ids.length} items selected (${selection.rule})`);

    const stop = stopReason(selection, previousSelected, settings);
    if (stop !== undefined) {
        ctx.log(`iteration ${iteration}: stop: ${stop.message}`);
        const report: IterationReport = {iteration, model, out: null, sampling, selection: selectionSummary, corpus: null, training: null, dev: null, stop};
        await writeFileAtomic(files.report, `${JSON.stringify(report, null, 2)}\n`);
        return report;
    }

    const byId = new Map(records.map((record) => [record.id, record]));
    const selected = new Set(selection.ids);
    const entries = ctx.pool.filter((item) => selected.has(item.id)).flatMap((item) => buildRefinementCorpus(item, byId.get(item.id)!.samples,
        {refinement: settings.refinementCorpus, maxFixes: settings.maxFixes, chains: settings.chains}));
    if (!existsSync(files.corpus)) await writeFileAtomic(files.corpus, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(""));

    const {samples, corpus} = await renderCorpus(ctx, model, entries);
    let training: TrainingSummary;
    if (!existsSync(files.model)) {
        await ctx.release();
        training = await trainStage(ctx, files, iteration, model, samples, corpus.contextSize);
    } else {
        training = await trainingFromLog(files.trainLog);
    }

    ctx.log(`iteration ${iteration}: dev evaluation of ${files.model} (${ctx.dev.length} items)`);
    const dev = await evalDev({engine: await ctx.engine(files.model), items: ctx.dev, outDir: files.dev, maxRounds: settings.maxRounds, maxTokens: settings.maxTokens, signal: ctx.signal, log: ctx.log});
    const report: IterationReport = {iteration, model, out: files.model, sampling, selection: selectionSummary, corpus, training, dev, stop: null};
    await writeFileAtomic(files.report, `${JSON.stringify(report, null, 2)}\n`);
    return report;
}

function stopReason(selection: Selection, previousSelected: number | null, settings: IterationSettings): IterationStop | undefined {
    if (selection.ids.length === 0) {
        return {
            reason: "no_selection",
            message: settings.select === "model-aware" || settings.select === "random"
                ? `no pool item was solved in ${settings.k} samples (${selection.pool.unsolved} never solved): the model is too weak for model-aware selection; start from an SFT model or use --select all`
                : "the selection rule selected no item"
        };
    }
    if (settings.select === "model-aware" && previousSelected !== null && selection.ids.length <= previousSelected) {
        return {reason: "selection_stopped_growing", message: `the model-aware selection stopped growing (${selection.ids.length} items, ${previousSelected} in the previous iteration)`};
    }
    return undefined;
}

/** Reads a JSON Lines file of records; a partial last line (a killed append) is dropped. */
async function readRecords(file: string): Promise<ItemSamples[]> {
    if (!existsSync(file)) return [];
    const text = await readFile(file, "utf8");
    const lines = text.split("\n");
    const records: ItemSamples[] = [];
    for (const [index, line] of lines.entries()) {
        if (line.trim() === "") continue;
        try {
            records.push(JSON.parse(line) as ItemSamples);
        } catch (error) {
            if (index === lines.length - 1) break;
            throw new TrainError("train_io", `${file}:${index + 1} is not a sample record (${(error as Error).message}); remove the file to sample again`, {file, line: index + 1}, {cause: error});
        }
    }
    return records;
}

async function sampleStage(ctx: IterationContext, files: ReturnType<typeof iterationFiles>, iteration: number, model: string): Promise<ItemSamples[]> {
    const {settings} = ctx;
    if (existsSync(files.samples)) return readRecords(files.samples);
    const done = await readRecords(files.partialSamples);
    // Rewrite the partial file without a torn last line before appending to it.
    await writeFile(files.partialSamples, done.map((record) => `${JSON.stringify(record)}\n`).join(""));
    const ids = new Set(done.map((record) => record.id));
    ctx.log(`iteration ${iteration}: sampling ${ctx.pool.length} items × ${settings.k} with ${model}${ids.size > 0 ? ` (${ids.size} already sampled)` : ""}`);
    let count = ids.size;
    let solved = done.filter((record) => record.correct > 0).length;
    const fresh = await sampleItems({
        engine: await ctx.engine(model), items: ctx.pool, k: settings.k, temperature: settings.temperature, seed: fnv1a(`sample ${settings.seed} ${iteration}`),
        maxTokens: settings.maxTokens, skip: ids, signal: ctx.signal,
        onItem: async (record) => {
            await appendFile(files.partialSamples, `${JSON.stringify(record)}\n`);
            count++;
            if (record.correct > 0) solved++;
            if (count % 25 === 0 || count === ctx.pool.length) ctx.log(`sampling: ${count}/${ctx.pool.length} items, ${solved} solved at least once`);
        }
    });
    if (ctx.signal?.aborted && done.length + fresh.length < ctx.pool.length) {
        throw new TrainCancelledError(`sampling was cancelled after ${done.length + fresh.length} of ${ctx.pool.length} items; run the same command again to continue`,
            {checkpoint: files.partialSamples, step: done.length + fresh.length, totalSteps: ctx.pool.length});
    }
    const byId = new Map([...done, ...fresh].map((record) => [record.id, record]));
    const records = ctx.pool.map((item) => byId.get(item.id)!);
    await writeFileAtomic(files.samples, records.map((record) => `${JSON.stringify(record)}\n`).join(""));
    await rm(files.partialSamples, {force: true});
    return records;
}

function samplingSummary(records: readonly ItemSamples[], settings: IterationSettings): SamplingSummary {
    const difficulty = {unsolved: 0, learnable: 0, solved: 0};
    for (const record of records) difficulty[record.correct === 0 ? "unsolved" : record.correct >= record.samples.length ? "solved" : "learnable"]++;
    const counts = records.map((record) => ({n: record.samples.length, c: record.correct}));
    const round = (value: number): number => Math.round(value * 10000) / 10000;
    return {
        items: records.length, k: settings.k, temperature: settings.temperature,
        passAt1: round(meanPassAtK(counts, 1)), passAtK: round(meanPassAtK(counts, settings.k)), difficulty,
        errors: records.reduce((sum, record) => sum + record.samples.filter((sample) => sample.error !== undefined).length, 0),
        tokens: sharedPromptFigures(records),
        seconds: Math.round(records.reduce((sum, record) => sum + record.samples.reduce((ms, sample) => ms + sample.ms, 0), 0) / 100) / 10
    };
}

/** Tokenizes the corpus with the model's vocabulary in its chat format, loss on the last assistant turn; drops what does not fit the context. */
async function renderCorpus(ctx: IterationContext, model: string, entries: readonly CorpusEntry[]): Promise<{samples: TrainSample[], corpus: CorpusSummary}> {
    const vocab = await ctx.llama.loadModel({modelPath: model, vocabOnly: true}).catch((error: unknown) => {
        throw new TrainError("train_model_unsupported", `cannot load the model ${model}: ${(error as Error).message}`, {model}, {cause: error});
    });
    let rendered: TrainSample[];
    try {
        const {format} = resolveChatFormat(vocab, ctx.settings.chatFormat);
        rendered = entries.map((entry) => {
            try {
                return renderTrainingSample(vocab, format, entry, {lossOn: "last"});
            } catch (error) {
                if (!(error instanceof TrainError)) throw error;
                throw new TrainError("train_invalid_sample", `corpus conversation ${entry.id}: ${error.message}`, {...error.context, id: entry.id}, {cause: error});
            }
        });
    } finally {
        await vocab.dispose();
    }
    const longest = rendered.reduce((most, sample) => Math.max(most, sample.tokens.length), 1);
    const contextSize = ctx.settings.contextSize ?? 256 * Math.max(1, Math.ceil((longest - 1) / 256));
    const samples = rendered.filter((sample) => sample.tokens.length - 1 <= contextSize);
    const byKind = Object.fromEntries(corpusKinds.map((kind) => [kind, 0])) as Record<CorpusKind, number>;
    for (const entry of entries) byKind[entry.kind]++;
    return {samples, corpus: {conversations: entries.length, byKind, dropped: rendered.length - samples.length, contextSize}};
}

async function trainStage(ctx: IterationContext, files: ReturnType<typeof iterationFiles>, iteration: number, model: string, samples: readonly TrainSample[], contextSize: number): Promise<TrainingSummary> {
    const {settings} = ctx;
    if (samples.length === 0) {
        throw new TrainError("train_no_samples", `iteration ${iteration}: every corpus conversation is longer than the training context of ${contextSize} positions; raise --ctx`, {contextSize});
    }
    const resuming = (await readCheckpointState(files.checkpoint)) !== undefined;
    ctx.log(`iteration ${iteration}: training ${model} → ${files.model} on ${samples.length} conversations × ${settings.epochs} epoch${settings.epochs === 1 ? "" : "s"}, context ${contextSize}${settings.lengthWindows === true ? " (length windows)" : ""}${resuming ? " (resuming from the checkpoint)" : ""}`);
    const log = TrainingLog.open(files.trainLog, {append: resuming});
    let recent: number[] = [];
    try {
        await train({
            model, out: files.model, samples, epochs: settings.epochs, learningRate: settings.learningRate,
            lrSchedule: settings.minLearningRate === undefined ? {type: "constant"} : {type: "cosine", minLearningRate: settings.minLearningRate},
            contextSize, batchSize: contextSize, ...(settings.lengthWindows === true ? {windows: windowsUpTo(contextSize)} : {}), threads: settings.trainThreads, validationSplit: 0, seed: (settings.seed + iteration) >>> 0,
            checkpointEvery: settings.checkpointEvery, checkpointDir: files.checkpoint, resume: true, llama: ctx.llama,
            ...(ctx.signal === undefined ? {} : {signal: ctx.signal}),
            onFrozenTensors: (_frozen, message) => ctx.log(`iteration ${iteration}: warning: ${message}`),
            onProgress: (progress) => {
                log.record(progress);
                if (progress.phase !== "train") return;
                recent.push(progress.loss);
                if (progress.step % 25 === 0 || progress.step === progress.totalSteps) {
                    ctx.log(`training: step ${progress.step}/${progress.totalSteps} loss ${(recent.reduce((sum, loss) => sum + loss, 0) / recent.length).toFixed(4)}`);
                    recent = [];
                }
            }
        });
    } finally {
        log.close();
    }
    return trainingFromLog(files.trainLog);
}

/** The training summary from the JSON Lines log (a step run again after a resume counts once, its last run). */
async function trainingFromLog(file: string): Promise<TrainingSummary> {
    const losses = new Map<number, number>();
    if (existsSync(file)) {
        for (const line of (await readFile(file, "utf8")).split("\n")) {
            if (line.trim() === "") continue;
            try {
                const entry = JSON.parse(line) as TrainingLogLine;
                if (typeof entry.loss === "number") losses.set(entry.step, entry.loss);
            } catch {
                // a torn last line of a killed run
            }
        }
    }
    const steps = [...losses.keys()].sort((a, b) => a - b);
    const last = steps.slice(-10).map((step) => losses.get(step)!);
    const round = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value * 10000) / 10000);
    return {
        steps: steps.length === 0 ? 0 : steps[steps.length - 1]!,
        firstLoss: round(steps.length === 0 ? undefined : losses.get(steps[0]!)),
        lastLoss: round(steps.length === 0 ? undefined : losses.get(steps[steps.length - 1]!)),
        finalLoss: round(last.length === 0 ? undefined : last.reduce((sum, loss) => sum + loss, 0) / last.length)
    };
}
