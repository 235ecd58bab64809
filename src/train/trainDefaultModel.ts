/**
 * The whole pipeline of the embedded default model, restartable at any point: synthetic data →
 * our tokenizer → random init → SFT (loss on the assistant turn only) in context-length phases →
 * ToolACE-R's refinement stages (trainIterate, when the recipe has them) → models/default.gguf (Q8_0) → round-0 accuracy on the held-out synthetic test split. Every stage writes
 * its output atomically into the work folder and is skipped when that output exists; training
 * checkpoints regularly and resumes from its checkpoint, so killing the process at any moment and
 * running it again continues where it stopped. A time budget pauses training (with a checkpoint)
 * and ships the latest weights.
 */
import {copyFile, mkdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import path from "node:path";
import {getLlama, LlamaLogLevel, type Llama} from "node-llama-cpp";
import {trainIterate} from "../iterate/trainIterate.js";
import {initModel} from "../model/initModel.js";
import {quantizeModel} from "../model/quantizeModel.js";
import {QuantizeError} from "../model/QuantizeError.js";
import {runSynth} from "../synth/runSynth.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {readSynthItems} from "../tokenizer/readSynthItems.js";
import {trainTokenizer} from "../tokenizer/trainTokenizer.js";
import {readCheckpointState, temporaryPath} from "./checkpoint.js";
import {defaultModelRecipe, type DefaultModelRecipe} from "./defaultModelRecipe.js";
import {copyCurriculumSamples} from "./copyCurriculumSamples.js";
import {copyCurriculumTokens} from "./copyCurriculumTokens.js";
import {evalSynthCalls, type SynthEvalResult} from "./evalSynthCalls.js";
import {phaseLearningRate} from "./phaseLearningRate.js";
import {renderSynthSamples} from "./renderSynthSamples.js";
import {refineStagesOf, sameRunRecipe} from "./sameRunRecipe.js";
import {train} from "./train.js";
import type {TrainSample} from "./trainData.js";
import {TrainCancelledError, TrainError} from "./TrainError.js";

export interface TrainDefaultModelOptions {
    /** Work folder (data, vocabulary, checkpoints, logs of evaluations); keep it outside the repository. */
    workDir: string;
    /** Where the shipped model goes (models/default.gguf), written atomically. */
    modelOut: string;
    /** Training time of this invocation in hours; default: until the schedule is done. */
    hours?: number;
    /** Training and evaluation threads (default 1). */
    threads?: number;
    /** Test items evaluated after shipping (default 200; 0: no evaluation). */
    evalItems?: number;
    /** Training sources for `synth` (default: generated tools only). */
    sourcesDir?: string;
    /** Optimizer steps between checkpoints (default 100). */
    checkpointEvery?: number;
    /** Stops training (with a checkpoint) like the time budget does. */
    signal?: AbortSignal;
    recipe?: DefaultModelRecipe;
    log?: (line: string) => void;
}

export interface TrainDefaultModelResult {
    /** "done": every phase trained; "paused": stopped by the budget or the signal, resumable. */
    state: "done" | "paused";
    /** Global optimizer steps done and planned. */
    step: number;
    totalSteps: number;
    /** The shipped file and what it holds, or undefined when there were no trained weights yet. */
    shipped?: {path: string, source: string, bytes: number, quantization: "Q8_0" | "F32"};
    evaluation?: SynthEvalResult;
}

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

async function readItems(file: string, limit = Infinity): Promise<SynthItem[]> {
    const items: SynthItem[] = [];
    for await (const item of readSynthItems(file, limit)) items.push(item);
    return items;
}

/** Copies `source` to `target` through a temporary file in the target's folder and a rename. */
async function copyAtomic(source: string, target: string): Promise<void> {
    await mkdir(path.dirname(target), {recursive: true});
    const temp = temporaryPath(target);
    try {
        await copyFile(source, temp);
        await rename(temp, target);
    } finally {
        await rm(temp, {force: true});
    }
}

interface Phase {
    index: number;
    /** Pass over the data (0: `synth/`, P: `synth-pass-P/`). */
    pass: number;
    window: number;
    samples: TrainSample[];
    /** Global step range [start, end), and that of its pass. */
    start: number;
    end: number;
    passStart: number;
    passEnd: number;
    out: string;
    checkpointDir: string;
}

/** Runs (or continues) the pipeline; see the module comment. Throws TrainError, TokenizerError, GgufError... */
export async function trainDefaultModel(options: TrainDefaultModelOptions): Promise<TrainDefaultModelResult> {
    const recipe = options.recipe ?? defaultModelRecipe;
    const work = path.resolve(options.workDir);
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const threads = options.threads ?? 1;
    const started = Date.now();
    const deadline = options.hours === undefined ? Infinity : started + options.hours * 3600_000;
    const peaks = recipe.train.passPeaks;
    if (peaks !== undefined && (peaks.length !== recipe.train.passes || peaks.some((peak) => !(peak > 0)))) {
        throw new TrainError("train_invalid_options", `recipe.train.passPeaks must hold one positive learning rate per pass (${recipe.train.passes}), got ${JSON.stringify(peaks)}`, {passPeaks: peaks});
    }
    await mkdir(work, {recursive: true});

    // 0. The recipe of the work folder: resuming with another recipe would mix two runs. A recipe may
    // add refinement stages, and its last stored stage may change its iteration count (sameRunRecipe).
    const recipeFile = path.join(work, "recipe.json");
    const recipeText = `${JSON.stringify(recipe, null, 2)}\n`;
    if (await exists(recipeFile)) {
        const stored = await readFile(recipeFile, "utf8");
        if (stored !== recipeText) {
            const storedRecipe = JSON.parse(stored) as DefaultModelRecipe;
            if (!sameRunRecipe(storedRecipe, recipe)) {
                throw new TrainError("train_recipe_mismatch", `${work} holds a run of another recipe (${recipeFile}); use another work folder or remove it`, {workDir: work});
            }
            const before = refineStagesOf(storedRecipe);
            const now = refineStagesOf(recipe);
            const last = before.length - 1;
            if (last >= 0 && before[last]!.iterations !== now[last]!.iterations) {
                log(`recipe: refinement iterations ${before[last]!.iterations} → ${now[last]!.iterations} (the refinement stage continues from its last finished iteration)`);
            }
            if (now.length > before.length) log(`recipe: refinement stages ${before.length} → ${now.length} (the new stages start from the last finished model)`);
            await writeFile(recipeFile, recipeText);
        }
    } else {
        await writeFile(recipeFile, recipeText);
    }

    // 1. Data.
    // Pass 0 trains on `synth/`; every later pass on fresh items over the same tools and split (`synth-pass-P/`).
    /** `synth` into `dir` (atomically) unless it is there. */
    const synthOnce = async (dir: string, label: string, count: number, firstIndex: number): Promise<void> => {
        if (await exists(path.join(dir, "stats.json"))) return;
        const temp = `${dir}.partial`;
        await rm(temp, {recursive: true, force: true});
        log(`synth${label}: ${count} items, seed ${recipe.synth.seed}${firstIndex === 0 ? "" : `, first index ${firstIndex}`}`);
        runSynth({out: temp, count, seed: recipe.synth.seed, firstIndex, sourcesDir: options.sourcesDir});
        await rm(dir, {recursive: true, force: true});
        await rename(temp, dir);
    };
    const synthDirs: string[] = [];
    for (let pass = 0; pass < recipe.train.passes; pass++) {
        const dir = path.join(work, pass === 0 ? "synth" : `synth-pass-${pass}`);
        synthDirs.push(dir);
        await synthOnce(dir, pass === 0 ? "" : ` (pass ${pass})`, recipe.synth.count, pass * recipe.synth.count);
    }
    const synthDir = synthDirs[0]!;
    const vocab = path.join(work, "vocab.gguf");
    if (!await exists(vocab)) {
        const result = await trainTokenizer({corpus: synthDir, size: recipe.tokenizer.size, out: vocab});
        log(`tokenizer: ${result.size} tokens, ${result.merges} merges from ${result.items} items (${result.ms} ms)`);
    }
    // 3. Random init.
    const base = path.join(work, "base.gguf");
    if (!await exists(base)) {
        const result = await initModel({arch: "llama", vocab, ...recipe.model, out: base, template: "vocab", tieEmbeddings: false, name: "toolace-r-default"});
        log(`init: ${result.params} parameters, ${result.bytes} bytes`);
    }

    const llama: Llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    // 4. Samples, bucketed by window.
    const windows = [...recipe.train.windows];
    const phases: Phase[] = [];
    let totalSteps = 0;
    let renderedSamples = 0;
    let dropped = 0;
    const copy = recipe.train.copyCurriculum;
    const copyTokens = copy === undefined ? undefined : await copyCurriculumTokens(llama, base);
    for (const [pass, dir] of synthDirs.entries()) {
        const trainItems = await readItems(path.join(dir, "train.jsonl"));
        const samples = await renderSynthSamples(llama, base, trainItems, recipe.train.lossOn);
        if (copy !== undefined && copyTokens !== undefined && pass >= copy.fromPass) {
            const extra = copyCurriculumSamples({
                ...copyTokens, count: Math.round(copy.share * trainItems.length), maxLength: copy.length, seed: recipe.train.seed + pass
            });
            log(`copy curriculum (pass ${pass}): ${extra.length} samples, ${extra.reduce((sum, sample) => sum + sample.trainMask.filter(Boolean).length, 0)} trained tokens`);
            samples.push(...extra);
        }
        renderedSamples += samples.length;
        const buckets: TrainSample[][] = windows.map(() => []);
        for (const sample of samples) {
            const bucket = windows.findIndex((window) => sample.tokens.length - 1 <= window);
            if (bucket < 0) dropped++;
            else buckets[bucket]!.push(sample);
        }
        const prefix = pass === 0 ? "" : `pass-${pass}-`;
        const passStart = totalSteps;
        const passEnd = passStart + buckets.reduce((sum, bucket) => sum + bucket.length * recipe.train.epochs, 0);
        buckets.forEach((bucketSamples, index) => {
            if (bucketSamples.length === 0) return;
            const steps = bucketSamples.length * recipe.train.epochs;
            phases.push({
                index: phases.length, pass, window: windows[index]!, samples: bucketSamples, start: totalSteps, end: totalSteps + steps, passStart, passEnd,
                out: path.join(work, `${prefix}phase-${index}-${windows[index]}.gguf`), checkpointDir: path.join(work, `${prefix}phase-${index}-${windows[index]}.checkpoint`)
            });
            totalSteps += steps;
        });
    }
    log(`samples: ${renderedSamples} train items in ${synthDirs.length} pass(es), ${dropped} longer than ${windows.at(-1)} tokens dropped; phases ${phases.map((phase) => `${phase.window}:${phase.samples.length}`).join(", ")}; ${totalSteps} steps`);

    // 5. Training phases.
    const stop = new AbortController();
    const onExternal = (): void => stop.abort();
    if (options.signal?.aborted === true) stop.abort();
    options.signal?.addEventListener("abort", onExternal);
    const timer = Number.isFinite(deadline) ? setTimeout(() => stop.abort(), Math.max(0, deadline - Date.now())) : undefined;
    timer?.unref();
    let state: TrainDefaultModelResult["state"] = "done";
    let step = 0;
    let latest: string | undefined;
    try {
        let previous = base;
        for (const phase of phases) {
            if (await exists(phase.out)) {
                previous = phase.out;
                latest = phase.out;
                step = phase.end;
                continue;
            }
            if (stop.signal.aborted) {
                state = "paused";
                break;
            }
            const {learningRate, minLearningRate, warmupSteps} = phaseLearningRate(recipe.train, {...phase, totalSteps});
            let window: number[] = [];
            log(`phase ${phase.index} (pass ${phase.pass}): window ${phase.window}, ${phase.samples.length} samples, global steps ${phase.start}..${phase.end}, lr ${learningRate.toExponential(2)} → ${minLearningRate.toExponential(2)}`);
            try {
                await train({
                    model: previous, out: phase.out, samples: phase.samples, epochs: recipe.train.epochs,
                    learningRate, lrSchedule: {type: "linear", warmupSteps, minLearningRate},
                    contextSize: phase.window, batchSize: phase.window, threads, validationSplit: 0, seed: recipe.train.seed,
                    checkpointEvery: options.checkpointEvery ?? 100, checkpointDir: phase.checkpointDir, resume: true,
                    optimizer: "adamw", weightDecay: recipe.train.weightDecay, llama, signal: stop.signal,
                    onFrozenTensors: (_frozen, message) => log(`warning: ${message}`),
                    onProgress: (progress) => {
                        if (progress.phase === "checkpoint") {
                            log(`checkpoint: phase ${phase.index} step ${progress.step}/${progress.totalSteps} (global ${phase.start + progress.step}/${totalSteps})`);
                            return;
                        }
                        if (progress.phase !== "train") return;
                        window.push(progress.loss);
                        if (progress.step % 25 === 0 || progress.step === progress.totalSteps) {
                            const mean = window.reduce((sum, loss) => sum + loss, 0) / window.length;
                            log(`train: global ${phase.start + progress.step}/${totalSteps} phase ${phase.index} step ${progress.step}/${progress.totalSteps} loss ${mean.toFixed(4)} lr ${progress.learningRate.toExponential(2)} ${Math.round(progress.tokensPerSecond)} pos/s elapsed ${Math.round((Date.now() - started) / 1000)}s`);
                            window = [];
                        }
                    }
                });
                previous = phase.out;
                latest = phase.out;
                step = phase.end;
            } catch (error) {
                if (!(error instanceof TrainCancelledError)) throw error;
                state = "paused";
                const checkpoint = await readCheckpointState(phase.checkpointDir);
                step = phase.start + (checkpoint?.step ?? 0);
                if (checkpoint !== undefined) latest = path.join(phase.checkpointDir, checkpoint.model);
                log(`paused at global step ${step}/${totalSteps}: ${error.message}`);
                break;
            }
        }
        // 6. ToolACE-R's refinement stages on the finished SFT model (recipe.refine), each from the best of the one before.
        const stages = refineStagesOf(recipe);
        const firstPool = stages[0]?.pool;
        for (const [index, stage] of stages.entries()) {
            if (state !== "done" || latest === undefined) break;
            // Stages on stage 1's pool share its folder; another pool gets its own.
            const samePool = stage.pool.count === firstPool?.count && stage.pool.firstIndex === firstPool.firstIndex;
            const poolDir = path.join(work, samePool ? "refine-pool" : `refine-pool-${index + 1}`);
            const label = index === 0 ? "refine" : `refine-${index + 1}`;
            await synthOnce(poolDir, ` (refinement pool${samePool ? "" : ` of stage ${index + 1}`})`, stage.pool.count, stage.pool.firstIndex);
            log(`${label}: stage ${index + 1} of ${stages.length} from ${latest}; one thread per context for sampling and evaluation (a model this small generates fastest on one thread), ${threads} context${threads === 1 ? "" : "s"} in parallel, ${threads} threads for training`);
            try {
                const result = await trainIterate({
                    pool: path.join(poolDir, "train.jsonl"), model: latest, out: path.join(work, label), iterations: stage.iterations,
                    k: stage.k, learningRate: stage.learningRate, poolLimit: stage.poolLimit, devLimit: stage.devLimit,
                    maxStringLength: stage.maxStringLength, maxTokens: stage.maxTokens, seed: stage.seed, refinementCorpus: stage.refinementCorpus ?? true,
                    ...(stage.select === undefined ? {} : {select: stage.select}), ...(stage.minLearningRate === undefined ? {} : {minLearningRate: stage.minLearningRate}),
                    ...(stage.lengthWindows === undefined ? {} : {lengthWindows: stage.lengthWindows}), threads: 1, contexts: threads, trainThreads: threads, llama,
                    signal: stop.signal, log: (line) => log(`${label}: ${line}`)
                });
                const best = result.report.best;
                if (result.best !== null && best !== null) {
                    latest = result.best;
                    log(`${label}: best on dev is iteration ${best.iteration} (${(100 * best.accuracyAdaptive).toFixed(1)}% adaptive, ${(100 * best.accuracyOff).toFixed(1)}% round 0): ${best.model}`);
                }
            } catch (error) {
                if (!(error instanceof TrainCancelledError)) throw error;
                state = "paused";
                log(`paused in refinement stage ${index + 1} (run again to continue): ${error.message}`);
            }
        }
    } finally {
        if (timer !== undefined) clearTimeout(timer);
        options.signal?.removeEventListener("abort", onExternal);
    }
    if (state === "paused" && latest === undefined) {
        // Nothing trained in this phase yet: ship the previous phase's output, if any.
        for (const phase of [...phases].reverse()) if (await exists(phase.out)) { latest = phase.out; break; }
    }

    // 7. Ship: Q8_0 through llama.cpp's quantizer (atomic), or the F32 weights when the native quantizer is not built.
    let shipped: TrainDefaultModelResult["shipped"];
    if (latest !== undefined) {
        await mkdir(path.dirname(options.modelOut), {recursive: true});
        let quantization: "Q8_0" | "F32" = "Q8_0";
        try {
            await quantizeModel({input: latest, output: options.modelOut, type: "q8_0", threads, llama});
        } catch (error) {
            if (!(error instanceof QuantizeError) || error.code !== "quantize_unavailable") throw error;
            log(`quantizer unavailable (${error.message}); shipping F32`);
            quantization = "F32";
            await copyAtomic(latest, options.modelOut);
        }
        const bytes = (await stat(options.modelOut)).size;
        shipped = {path: options.modelOut, source: latest, bytes, quantization};
        log(`shipped ${latest} → ${options.modelOut} (${bytes} bytes, ${quantization})`);
    }

    // 8. Round-0 accuracy on the held-out test split.
    let evaluation: SynthEvalResult | undefined;
    const evalCount = options.evalItems ?? 200;
    if (shipped !== undefined && evalCount > 0) {
        const testItems = await readItems(path.join(synthDir, "test.jsonl"), evalCount);
        evaluation = await evalSynthCalls({model: options.modelOut, items: testItems, threads, llama, onItem: (done, correct) => {
            if (done % 25 === 0) log(`eval: ${correct}/${done} right so far (${Math.round((Date.now() - started) / 1000)}s)`);
        }});
        const record = {step, totalSteps, state, source: shipped.source, at: new Date().toISOString(), ...evaluation};
        await writeFile(path.join(work, `eval-step-${step}.json`), `${JSON.stringify(record, null, 2)}\n`);
        log(`eval: round-0 exact call match ${evaluation.correct}/${evaluation.items} = ${(100 * evaluation.accuracy).toFixed(1)}% ${JSON.stringify(evaluation.byKind)} errors ${JSON.stringify(evaluation.errors)}`);
    }
    return {state, step, totalSteps, ...(shipped === undefined ? {} : {shipped}), ...(evaluation === undefined ? {} : {evaluation})};
}
