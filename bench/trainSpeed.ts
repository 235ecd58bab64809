/**
 * Training throughput of the native trainer on generated F32 llama models:
 *   node dist/bench/trainSpeed.js [--threads N] [--steps N] [--context N] [--batch N] [--sizes tiny,small,medium]
 * Prints, per model, positions (tokens) per second of full training steps (forward, backward, AdamW),
 * the share of the native masking hook, and which llama.cpp build ran (prebuilt or local build).
 */
import {mkdir} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {initModel} from "../src/model/initModel.js";
import {readGguf} from "../src/model/readGguf.js";
import {graphCapacityAdapter} from "../src/train/graphCapacity.js";
import {loadTrainerAddon} from "../src/train/nativeAddon.js";

const sizes = {
    tiny: {dim: 64, layers: 2, heads: 4, ffn: 128},
    small: {dim: 256, layers: 4, heads: 4, ffn: 768},
    medium: {dim: 512, layers: 8, heads: 8, ffn: 1536}
} as const;

function argument(name: string, fallback: string): string {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] ?? fallback : fallback;
}

const threads = Number(argument("threads", String(os.availableParallelism())));
const steps = Number(argument("steps", "5"));
const contextSize = Number(argument("context", "512"));
const batchSize = Number(argument("batch", String(contextSize)));
const chosen = argument("sizes", "tiny,small,medium").split(",") as (keyof typeof sizes)[];

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const addon = await loadTrainerAddon(llama);
console.log(`llama.cpp: ${addon.buildType} (${addon.libraryPath}), threads ${threads}, context ${contextSize}, batch ${batchSize}`);
const dir = path.join(os.tmpdir(), "toolace-r-bench-models");
await mkdir(dir, {recursive: true});

for (const name of chosen) {
    const size = sizes[name];
    const file = path.join(dir, `${name}.gguf`);
    const info = await initModel({arch: "llama", vocab: "llama-spm", ...size, ctx: 4096, out: file, seed: 1, template: "none"});
    const capacity = await graphCapacityAdapter(await readGguf(file));
    const model = await addon.Model.load(file);
    const trainer = await addon.Trainer.create(model, {
        contextSize, batchSize, threads, ...(capacity === undefined ? {} : {capacityAdapter: capacity.path, capacityAdapterCopies: capacity.copies})
    });
    const tokens = new Int32Array(contextSize).map((_, i) => 100 + ((i * 7) % 500));
    const labels = new Int32Array(contextSize).map((_, i) => 100 + (((i + 1) * 7) % 500));
    const mask = new Uint8Array(contextSize).fill(1);
    await trainer.step({tokens, labels, mask, learningRate: 1e-4, iteration: 1}); // warm-up (graph allocation)
    let hookMs = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < steps; i++) hookMs += (await trainer.step({tokens, labels, mask, learningRate: 1e-4, iteration: i + 2})).hookMs;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const evalStart = process.hrtime.bigint();
    for (let i = 0; i < steps; i++) await trainer.step({tokens, labels, mask, train: false});
    const evalMs = Number(process.hrtime.bigint() - evalStart) / 1e6;
    console.log(
        `${name.padEnd(6)} ${(info.params / 1e6).toFixed(1).padStart(6)}M params: train ${(steps * contextSize / (ms / 1000)).toFixed(0).padStart(6)} tok/s `
        + `(${(ms / steps).toFixed(0)} ms/step, hook ${(100 * hookMs / ms).toFixed(1)}%), forward only ${(steps * contextSize / (evalMs / 1000)).toFixed(0)} tok/s`
    );
    trainer.dispose();
    model.dispose();
}
