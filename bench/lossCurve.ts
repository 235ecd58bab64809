/**
 * The loss curve of a fixed-time training run on a generated ~20M-parameter model:
 *   npm run bench -- lossCurve [--json] [--minutes 10] [--threads 1] [--items 3000] [--lr 3e-4]
 *                              [--dim 512] [--layers 5] [--heads 8] [--ffn 1408] [--window 768]
 * Synthesises tool-calling items (`synth`, generated tools plus ../shared/data/train when present),
 * trains the project's 4,096-token BPE on them, initialises a llama model from scratch and trains it
 * with the native trainer (loss on the answer turn, AdamW, linear warm-up then constant rate) until the
 * time is up; the run then stops with a checkpoint, as Ctrl-C would. Prints the mean loss per minute,
 * throughput, and writes bench/results/lossCurve.svg (loss per step, smoothed).
 */
import {mkdir, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {initModel} from "../src/model/initModel.js";
import {runSynth} from "../src/synth/runSynth.js";
import type {SynthItem} from "../src/synth/SynthItem.js";
import {readSynthItems} from "../src/tokenizer/readSynthItems.js";
import {trainTokenizer} from "../src/tokenizer/trainTokenizer.js";
import {loadTrainerAddon} from "../src/train/nativeAddon.js";
import {renderSynthSamples} from "../src/train/renderSynthSamples.js";
import {train} from "../src/train/train.js";
import {TrainCancelledError} from "../src/train/TrainError.js";
import {renderLineChart} from "./support/renderLineChart.js";

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(`--${name}`);
    const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${process.argv[index + 1]}`);
    return value;
}

const json = process.argv.includes("--json");
const minutes = option("minutes", 10);
const threads = option("threads", 1);
const itemCount = option("items", 3000);
const learningRate = option("lr", 3e-4);
const shape = {dim: option("dim", 512), layers: option("layers", 5), heads: option("heads", 8), ffn: option("ffn", 1408)};
const window = option("window", 768);
const log = (line: string): void => {
    process.stderr.write(`bench lossCurve: ${line}\n`);
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(os.tmpdir(), "toolace-r-bench-loss-curve");
await rm(work, {recursive: true, force: true});
await mkdir(work, {recursive: true});

const synthDir = path.join(work, "synth");
runSynth({out: synthDir, count: Math.ceil(itemCount / 0.8), seed: 11, sourcesDir: process.env.TOOLACE_SOURCES ?? path.resolve(root, "../shared/data/train")});
const vocab = path.join(work, "vocab.gguf");
await trainTokenizer({corpus: synthDir, size: 4096, out: vocab});
const base = path.join(work, "base.gguf");
const init = await initModel({arch: "llama", vocab, ...shape, ctx: 2048, seed: 1, out: base, template: "vocab", tieEmbeddings: false, name: "loss-curve"});
log(`model: ${init.params} parameters (${JSON.stringify(shape)}), ${init.bytes} bytes`);

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const addon = await loadTrainerAddon(llama);
const items: SynthItem[] = [];
for await (const item of readSynthItems(path.join(synthDir, "train.jsonl"), itemCount)) items.push(item);
const samples = (await renderSynthSamples(llama, base, items, "last")).filter((sample) => sample.tokens.length - 1 <= window);
log(`${samples.length} samples of at most ${window} positions; llama.cpp ${addon.buildType}; ${threads} thread(s); ${minutes} min`);

const steps: {step: number, seconds: number, loss: number, tokens: number}[] = [];
const stop = new AbortController();
const started = performance.now();
const timer = setTimeout(() => stop.abort(), minutes * 60_000);
let positionsPerSecond = 0;
try {
    await train({
        model: base, out: path.join(work, "trained.gguf"), samples, epochs: 100, learningRate,
        lrSchedule: {type: "linear", warmupSteps: 100, minLearningRate: learningRate},
        contextSize: window, batchSize: window, threads, validationSplit: 0, seed: 1, checkpointEvery: 0,
        optimizer: "adamw", weightDecay: 0.01, llama, signal: stop.signal,
        onProgress: (progress) => {
            if (progress.phase !== "train") return;
            steps.push({step: progress.step, seconds: (performance.now() - started) / 1000, loss: progress.loss, tokens: progress.tokens});
            positionsPerSecond = progress.tokensPerSecond;
            if (progress.step % 50 === 0) log(`step ${progress.step} loss ${progress.loss.toFixed(3)} ${Math.round(progress.tokensPerSecond)} pos/s`);
        }
    });
} catch (error) {
    if (!(error instanceof TrainCancelledError)) throw error;
} finally {
    clearTimeout(timer);
}

const perMinute = Array.from({length: Math.ceil(minutes)}, (_, minute) => {
    const inMinute = steps.filter((s) => s.seconds >= minute * 60 && s.seconds < (minute + 1) * 60);
    const tokens = inMinute.reduce((sum, s) => sum + s.tokens, 0);
    return {minute: minute + 1, steps: inMinute.length, meanLoss: tokens === 0 ? null : Number((inMinute.reduce((sum, s) => sum + s.loss * s.tokens, 0) / tokens).toFixed(4))};
});
const smoothed = steps.map((_, i) => {
    const from = Math.max(0, i - 24);
    const slice = steps.slice(from, i + 1);
    return {x: steps[i]!.step, y: slice.reduce((sum, s) => sum + s.loss, 0) / slice.length};
});
const resultsDir = path.resolve(root, "bench/results");
await mkdir(resultsDir, {recursive: true});
await writeFile(path.join(resultsDir, "lossCurve.svg"), renderLineChart({
    title: `Training loss, ${(init.params / 1e6).toFixed(1)}M-parameter model, ${minutes} min on ${threads} CPU thread(s)`,
    xLabel: "optimizer step (one sample each)", yLabel: "loss per answer token (mean of 25 steps)",
    series: [{name: "loss", points: smoothed}]
}));
for (const row of perMinute) log(`minute ${row.minute}: ${row.steps} steps, mean loss ${row.meanLoss ?? "-"}`);
const result = {
    params: init.params, shape, window, threads, minutes, llamaCpp: addon.buildType, samples: samples.length,
    steps: steps.length, positionsPerSecond: Math.round(positionsPerSecond),
    firstLoss: steps[0]?.loss ?? null, lastLoss: perMinute.at(-1)?.meanLoss ?? null, perMinute,
    chart: "bench/results/lossCurve.svg"
};
await llama.dispose();
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else console.table(perMinute);
