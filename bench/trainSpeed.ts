/**
 * Training throughput of the native trainer against this machine's physical limit, in one run:
 *   npm run bench -- trainSpeed [--json] [--model PATH|CATALOG_NAME] [--sizes tiny,small,medium] [--threads N]
 *                               [--context N] [--steps N] [--repeat N] [--gemm N]
 *
 * Models: `--model` (an F32 GGUF, or a catalog name such as smollm2-135m-instruct, dequantized to F32
 * once into the model cache) and/or generated F32 llama models of `--sizes` (default: the model only
 * when one is named, else tiny,small,medium). Each is trained with full steps (forward, backward,
 * AdamW) of `--context` positions (the loss on the last tenth, as an answer) on `--threads` threads,
 * in `--repeat` alternating pairs of `--steps` steps on two trainers (two copies of the model):
 * "before", the trainer as it was (logits at every position, mul_mat's gradients from ggml_out_prod:
 * TOOLACE_BACKWARD_OUT_PROD=1, lossOutputsOnly false), and "now" (the backward-GEMM and outputs
 * patches, native/patches; the same loss and gradients up to rounding: test/train/backwardGemm.test.ts,
 * test/train/lossOutputs.test.ts). A switch costs one untimed step. Ratio = median tokens/s now / before.
 *
 * Peak: the best rate of ggml's F32 matrix product (measureGemm, `--gemm` N×N×N, on `--threads`
 * threads) — the physical limit the trainer's matrix products meet on this machine. A trained token
 * costs about 6 × parameters operations (forward 2, backward 4), so fractionOfPeak = 6 × parameters ×
 * tokens/s / peak. JSON on the last line with --json.
 */
import {existsSync} from "node:fs";
import {mkdir} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {findCatalogModel} from "../src/catalog/modelCatalog.js";
import {modelCacheDir} from "../src/catalog/modelCacheDir.js";
import {resolveModelPath} from "../src/engine/resolveModelPath.js";
import {initModel} from "../src/model/initModel.js";
import {quantizeModel} from "../src/model/quantizeModel.js";
import {readGguf} from "../src/model/readGguf.js";
import {graphCapacityAdapter} from "../src/train/graphCapacity.js";
import {loadTrainerAddon} from "../src/train/nativeAddon.js";
import {checkBaseModel} from "../src/train/train.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const SIZES = {
    tiny: {dim: 64, layers: 2, heads: 4, ffn: 128},
    small: {dim: 256, layers: 4, heads: 4, ffn: 768},
    medium: {dim: 512, layers: 8, heads: 8, ffn: 1536}
} as const;
type SizeName = keyof typeof SIZES;

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const threads = args.number("threads", os.availableParallelism(), 1);
const steps = args.number("steps", 3, 1);
const repeat = args.number("repeat", 2, 1);
const contextSize = args.number("context", 512, 256);
if (contextSize % 256 !== 0) throw new Error(`--context must be a multiple of 256 (got ${contextSize})`);
const gemmSize = args.number("gemm", 1024, 64);
const modelArg = args.string("model");
const sizeNames = args.string("sizes", modelArg === undefined ? "tiny,small,medium" : "").split(",").map((s) => s.trim()).filter((s) => s !== "");
for (const name of sizeNames) if (!(name in SIZES)) throw new Error(`--sizes: unknown size ${name} (${Object.keys(SIZES).join(", ")})`);
const log = (line: string): void => {
    process.stderr.write(`bench trainSpeed: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const addon = await loadTrainerAddon(llama);
const started = performance.now();

/** An F32 file for `--model`: the path itself when it is F32, else a dequantized copy in the model cache. */
async function f32Model(name: string): Promise<{label: string, file: string}> {
    const source = await resolveModelPath(name);
    const label = findCatalogModel(name)?.name ?? path.basename(source, ".gguf");
    const gguf = await readGguf(source);
    if (gguf.tensors.every((tensor) => tensor.typeName === "F32")) return {label, file: source};
    const file = path.join(modelCacheDir(), `${path.basename(source, ".gguf")}.f32.gguf`);
    if (!existsSync(file)) {
        log(`dequantizing ${source} to ${file}`);
        await quantizeModel({input: source, output: file, type: "f32", llama});
    }
    return {label, file};
}

/** A generated F32 llama model of `size`. */
async function generatedModel(name: SizeName): Promise<{label: string, file: string}> {
    const dir = path.join(os.tmpdir(), "toolace-r-bench-models");
    await mkdir(dir, {recursive: true});
    const file = path.join(dir, `${name}.gguf`);
    await initModel({arch: "llama", vocab: "llama-spm", ...SIZES[name], ctx: 4096, out: file, seed: 1, template: "none"});
    return {label: name, file};
}

function setOutProd(on: boolean): void {
    if (on) process.env.TOOLACE_BACKWARD_OUT_PROD = "1";
    else delete process.env.TOOLACE_BACKWARD_OUT_PROD;
}

type ModelResult = {model: string, file: string, parameters: number, vocabulary: number, beforeTokensPerSecond: number, nowTokensPerSecond: number,
    ratio: number, fractionOfPeakBefore: number, fractionOfPeakNow: number, pairs: {before: number, now: number}[], hookShare: number};

async function measure(label: string, file: string, peakFlops: number): Promise<ModelResult> {
    const gguf = await checkBaseModel(file, llama);
    const capacity = await graphCapacityAdapter(gguf);
    // Two copies of the model (a trainer changes its model for good): "before" computes every position's
    // logits with ggml_out_prod gradients, "now" only the loss positions' with the backward GEMM.
    const models = [await addon.Model.load(file), await addon.Model.load(file)];
    const trainers = await Promise.all(models.map((model, i) => addon.Trainer.create(model, {
        contextSize, threads, lossOutputsOnly: i === 1, ...(capacity === undefined ? {} : {capacityAdapter: capacity.path, capacityAdapterCopies: capacity.copies})
    })));
    const vocabulary = models[0]!.vocabSize;
    // A sample of the sizes training sees: tokens spread over the vocabulary, the loss on the last tenth (an answer).
    const tokens = new Int32Array(contextSize).map((_, i) => 10 + ((i * 7919) % Math.max(1, vocabulary - 20)));
    const labels = new Int32Array(contextSize).map((_, i) => tokens[(i + 1) % contextSize]!);
    const mask = new Uint8Array(contextSize).map((_, i) => i >= contextSize * 0.9 ? 1 : 0);
    const iterations = [1, 1];
    let hookMs = 0;
    let timedMs = 0;
    const run = async (now: boolean): Promise<number> => {
        setOutProd(!now);
        const at = now ? 1 : 0;
        const trainer = trainers[at]!;
        await trainer.step({tokens, labels, mask, learningRate: 1e-6, iteration: iterations[at]!++}); // untimed: the switch re-plans the graphs
        const begin = performance.now();
        for (let i = 0; i < steps; i++) hookMs += (await trainer.step({tokens, labels, mask, learningRate: 1e-6, iteration: iterations[at]!++})).hookMs;
        const ms = performance.now() - begin;
        timedMs += ms;
        return (steps * contextSize) / (ms / 1000);
    };
    const pairs: {before: number, now: number}[] = [];
    try {
        for (let r = 0; r < repeat; r++) {
            const nowFirst = r % 2 === 1;
            const a = await run(nowFirst);
            const b = await run(!nowFirst);
            pairs.push(nowFirst ? {before: b, now: a} : {before: a, now: b});
            log(`${label}: pair ${r + 1}/${repeat}: before ${pairs.at(-1)!.before.toFixed(1)} tokens/s, now ${pairs.at(-1)!.now.toFixed(1)}`);
        }
    } finally {
        setOutProd(false);
        for (const trainer of trainers) trainer.dispose();
    }
    const parameters = models[0]!.parameterCount;
    for (const model of models) model.dispose();
    const before = median(pairs.map((p) => p.before));
    const now = median(pairs.map((p) => p.now));
    return {
        model: label, file, parameters, vocabulary, beforeTokensPerSecond: roundTo(before, 1), nowTokensPerSecond: roundTo(now, 1),
        ratio: roundTo(median(pairs.map((p) => p.now / p.before)), 3),
        fractionOfPeakBefore: roundTo((6 * parameters * before) / peakFlops, 4), fractionOfPeakNow: roundTo((6 * parameters * now) / peakFlops, 4),
        pairs: pairs.map((p) => ({before: roundTo(p.before, 1), now: roundTo(p.now, 1)})), hookShare: roundTo(hookMs / timedMs, 4)
    };
}

const gemm = await addon.measureGemm({m: gemmSize, n: gemmSize, k: gemmSize, threads, repeats: 5});
const peakFlops = gemm.flops / (Math.min(...gemm.ms) / 1000);
log(`peak: ${(peakFlops / 1e9).toFixed(1)} GFLOP/s (F32 ${gemmSize}³ product, ${threads} threads)`);
if (addon.backwardGemmPatch === 0 || !addon.outputsPatch) log(`warning: ${addon.libraryPath} lacks the backward-GEMM or outputs patch: "before" and "now" differ less or not at all`);

const models = [...(modelArg === undefined ? [] : [await f32Model(modelArg)]), ...await Promise.all(sizeNames.map((name) => generatedModel(name as SizeName)))];
const results: ModelResult[] = [];
for (const model of models) results.push(await measure(model.label, model.file, peakFlops));

const lines = [
    `llama.cpp ${llama.buildType} (${addon.libraryPath}), backward-GEMM patch ${addon.backwardGemmPatch}, outputs patch ${addon.outputsPatch}, ${threads} threads, ${contextSize} positions per step, loss on the last tenth`,
    `peak F32 matrix product: ${(peakFlops / 1e9).toFixed(1)} GFLOP/s (${gemmSize}×${gemmSize}×${gemmSize}, best of 5)`,
    formatTable(["model", "parameters", "before tokens/s", "now tokens/s", "now/before", "of peak before", "of peak now"], results.map((r) => [
        r.model, `${(r.parameters / 1e6).toFixed(1)}M`, r.beforeTokensPerSecond, r.nowTokensPerSecond, r.ratio,
        `${(100 * r.fractionOfPeakBefore).toFixed(1)}%`, `${(100 * r.fractionOfPeakNow).toFixed(1)}%`]))
];
printBenchResult(lines.join("\n"), {
    benchmark: "trainSpeed", threads, contextSize, steps, repeat, buildType: llama.buildType, backwardGemmPatch: addon.backwardGemmPatch, outputsPatch: addon.outputsPatch, trainingPatch: addon.trainingPatch,
    peakGflops: roundTo(peakFlops / 1e9, 2), gemmSize, gemmMs: gemm.ms.map((ms) => roundTo(ms, 2)),
    ratio: results.length > 0 ? results[0]!.ratio : null, models: results,
    seconds: roundTo((performance.now() - started) / 1000, 1), node: process.version, cores: os.availableParallelism()
}, json);
