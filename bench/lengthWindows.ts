/**
 * What length windows buy training on tool-calling data:
 *   npm run bench -- lengthWindows [--json] [--steps N] [--threads N] [--seed N] [--repeat N]
 *
 * The default model (models/default.gguf, dequantized to F32 once into os.tmpdir()) trains on the
 * first `steps` train items of a `synth` run (generated tools, rendered as `train iterate` renders
 * them: loss on the assistant turn), one optimizer step per item, twice from the same weights:
 * - one window: every step in a window of the smallest multiple of 256 holding the longest item
 *   (what `train iterate` and `train sft` do without --length-windows);
 * - length windows: each item in the smallest multiple of 256 that holds it (--length-windows),
 *   the window switches (checkpoint, reload) included in its time.
 * Reported: wall seconds, steps/s, context positions computed and their padding share, and the
 * mean step loss of each run (the same items in another order: it should stay close).
 * The two runs alternate `repeat` times (default 2), the order swapped each time so that neither
 * always runs first (on a warm or a cold machine); windowsSpeedup = the median of the per-pair
 * ratios one-window seconds / length-window seconds, with every pair reported.
 */
import {mkdir, mkdtemp, rename, rm, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {DEFAULT_MODEL_PATH} from "../src/engine/resolveModelPath.js";
import {quantizeModel} from "../src/model/quantizeModel.js";
import {synthesize} from "../src/synth/synthesize.js";
import {toolPool} from "../src/synth/toolPool.js";
import {renderSynthSamples} from "../src/train/renderSynthSamples.js";
import {train, type TrainResult} from "../src/train/train.js";
import {countByWindow, windowFor, windowsUpTo, type TrainSample} from "../src/train/trainData.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {formatTable} from "./support/formatTable.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";
import {median} from "./support/median.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const steps = args.number("steps", 64, 2);
const threads = args.number("threads", Math.min(2, os.availableParallelism()), 1);
const seed = args.number("seed", 1, 0);
const repeat = args.number("repeat", 2, 1);
const log = (line: string): void => {
    process.stderr.write(`bench lengthWindows: ${line}\n`);
};

/** The default model in F32 (training needs it), written once beside the other generated bench models. */
async function defaultModelF32(): Promise<string> {
    const dir = path.join(os.tmpdir(), "toolace-r-bench-models");
    const out = path.join(dir, `default-${(await stat(DEFAULT_MODEL_PATH)).size}.f32.gguf`);
    if (await stat(out).then((info) => info.isFile(), () => false)) return out;
    await mkdir(dir, {recursive: true});
    const partial = `${out}.${process.pid}.partial`;
    await quantizeModel({input: DEFAULT_MODEL_PATH, output: partial, type: "f32", threads: 1});
    await rename(partial, out);
    return out;
}

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const model = await defaultModelF32();
const items = synthesize(toolPool({seed}), {count: Math.ceil(steps * 1.3) + 20, seed}).items.train.slice(0, steps);
if (items.length < steps) throw new Error(`synth gave ${items.length} train items, fewer than --steps ${steps}`);
const samples: TrainSample[] = await renderSynthSamples(llama, model, items, "last");
const longest = samples.reduce((most, sample) => Math.max(most, sample.tokens.length), 2);
const contextSize = 256 * Math.ceil((longest - 1) / 256);
const windows = windowsUpTo(contextSize);
const used = samples.reduce((sum, sample) => sum + sample.tokens.length - 1, 0);
const perWindow = countByWindow(samples, windows);
log(`${samples.length} items, ${used} positions of data, longest ${longest} tokens → context ${contextSize}; per window ${JSON.stringify(perWindow)}`);

type Run = {seconds: number, stepsPerSecond: number, positions: number, paddingShare: number, meanLoss: number, windowSwitches: number};

const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-r-bench-windows-"));
async function run(name: string, lengthWindows: boolean, pass: number): Promise<Run> {
    log(`training ${name} (pass ${pass + 1}/${repeat})`);
    const begin = performance.now();
    const result: TrainResult = await train({
        model, out: path.join(dir, `${name}-${pass}.gguf`), samples, epochs: 1, learningRate: 1e-4, contextSize, batchSize: contextSize,
        ...(lengthWindows ? {windows} : {}), threads, validationSplit: 0, seed, checkpointEvery: 0, checkpointDir: path.join(dir, `${name}-${pass}.checkpoint`), llama
    });
    const seconds = (performance.now() - begin) / 1000;
    const positions = samples.reduce((sum, sample) => sum + (lengthWindows ? windowFor(sample.tokens.length, windows)! : contextSize), 0);
    return {
        seconds: roundTo(seconds, 1), stepsPerSecond: roundTo(result.steps / seconds, 2), positions, paddingShare: roundTo(1 - used / positions, 3),
        meanLoss: roundTo(result.trainLoss.reduce((sum, loss) => sum + loss, 0) / result.trainLoss.length, 4), windowSwitches: result.windowSwitches
    };
}

try {
    const pairs: {oneWindow: Run, lengthWindows: Run, speedup: number, firstRun: string}[] = [];
    for (let pass = 0; pass < repeat; pass++) {
        // Alternate which run goes first.
        const windowsFirst = pass % 2 === 1;
        const first = await run(windowsFirst ? "length-windows" : "one-window", windowsFirst, pass);
        const second = await run(windowsFirst ? "one-window" : "length-windows", !windowsFirst, pass);
        const [one, windowed] = windowsFirst ? [second, first] : [first, second];
        pairs.push({oneWindow: one, lengthWindows: windowed, speedup: roundTo(one.seconds / windowed.seconds, 2), firstRun: windowsFirst ? "length windows" : "one window"});
    }
    const speedup = roundTo(median(pairs.map((pair) => pair.oneWindow.seconds / pair.lengthWindows.seconds)), 2);
    const one = pairs[0]!.oneWindow;
    const windowed = pairs[0]!.lengthWindows;
    const report = [
        `lengthWindows: default model (F32), ${samples.length} synth train items (seed ${seed}), ${threads} thread${threads === 1 ? "" : "s"}, context ${contextSize}, ${repeat} alternating pairs`,
        formatTable(["pass", "first", "run", "seconds", "steps/s", "positions", "padding", "mean loss", "switches"], pairs.flatMap((pair, pass) => [
            [pass + 1, pair.firstRun, "one window", pair.oneWindow.seconds, pair.oneWindow.stepsPerSecond, pair.oneWindow.positions, pair.oneWindow.paddingShare, pair.oneWindow.meanLoss, pair.oneWindow.windowSwitches],
            [pass + 1, pair.firstRun, "length windows", pair.lengthWindows.seconds, pair.lengthWindows.stepsPerSecond, pair.lengthWindows.positions, pair.lengthWindows.paddingShare, pair.lengthWindows.meanLoss, pair.lengthWindows.windowSwitches]
        ])),
        `windowsSpeedup ${speedup}x (median over ${pairs.length} pairs of one-window seconds / length-window seconds: ${pairs.map((pair) => pair.speedup).join(", ")}); per window ${JSON.stringify(perWindow)}`
    ].join("\n");
    printBenchResult(report, {
        bench: "lengthWindows", model: DEFAULT_MODEL_PATH, items: samples.length, threads, contextSize, perWindow, repeat,
        oneWindow: one, lengthWindows: windowed, pairs, windowsSpeedup: speedup
    }, json);
} finally {
    await rm(dir, {recursive: true, force: true});
}
