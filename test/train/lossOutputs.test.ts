/**
 * The outputs patch (native/patches/llama-opt-outputs.diff): a training step computes the output
 * layer, logits and loss only at the positions that carry loss. Their gradient through the masked
 * positions was exactly zero, so one SGD step (w1 = w0 - rate·g) must give the same loss and the
 * same gradient of every tensor as computing every position (lossOutputsOnly: false), up to
 * rounding; also when a physical batch carries no loss (it then outputs one masked position).
 */
import {mkdtemp, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {loadTrainerAddon, type TrainerAddon} from "../../src/train/nativeAddon.js";
import {toDatapoint, type Datapoint} from "../../src/train/trainData.js";
import {isCi} from "../helpers/sharedData.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("loss outputs only");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-loss-outputs-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const modelPath = await createTestModel("spm-tiny");
const contextSize = 256;

/** 60 prompt positions (masked), 30 answer positions (trained), the rest padding. */
function datapoint(): Datapoint {
    const tokens = [1];
    const trainMask = [false];
    for (let i = 0; i < 60; i++) { tokens.push(300 + ((i * 13) % 97)); trainMask.push(false); }
    for (let i = 0; i < 30; i++) { tokens.push(900 + ((i * 7) % 31)); trainMask.push(true); }
    return toDatapoint({tokens, trainMask}, contextSize, 0);
}

async function oneStep(addon: TrainerAddon, lossOutputsOnly: boolean, batchSize: number): Promise<{file: string, loss: number, tokens: number, outputs: number}> {
    const model = await addon.Model.load(modelPath);
    try {
        const trainer = await addon.Trainer.create(model, {contextSize, batchSize, threads: 2, optimizer: "sgd", lossOutputsOnly});
        let step;
        try {
            step = await trainer.step({...datapoint(), learningRate: 1, iteration: 1});
        } finally {
            trainer.dispose();
        }
        const file = path.join(dir, `${lossOutputsOnly ? "loss-only" : "every"}-${batchSize}.gguf`);
        await model.save(file);
        return {file, loss: step.loss, tokens: step.tokens, outputs: step.outputs};
    } finally {
        model.dispose();
    }
}

async function tensor(file: string, name: string): Promise<Float32Array> {
    const bytes = await readGgufTensorData(await readGguf(file), name);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

for (const batchSize of [contextSize, 64]) {
    t(`same loss and gradients as computing every position (physical batches of ${batchSize})`, async () => {
        const addon = await loadTrainerAddon(llama);
        if (!addon.outputsPatch) {
            console.log(`NOTICE: loss outputs only: ${addon.libraryPath} lacks the outputs patch (prebuilt llama.cpp); ${isCi() ? "failing (CI=true)" : "skipping"}`);
            assert.not.ok(isCi(), "CI=true expects the local llama.cpp build with native/patches");
            return;
        }
        const every = await oneStep(addon, false, batchSize);
        const only = await oneStep(addon, true, batchSize);
        assert.is(only.tokens, every.tokens);
        assert.is(only.tokens, 30);
        assert.is(every.outputs, contextSize);
        // the 30 answer positions, plus one masked position in each physical batch without any
        assert.is(only.outputs, 30 + (batchSize === contextSize ? 0 : contextSize / batchSize - 2));
        assert.ok(Math.abs(only.loss - every.loss) <= 1e-5 * every.loss, `loss ${only.loss} vs ${every.loss}`);
        const gguf = await readGguf(modelPath);
        let compared = 0;
        for (const info of gguf.tensors) {
            const w0 = await tensor(modelPath, info.name);
            const a = await tensor(every.file, info.name);
            const b = await tensor(only.file, info.name);
            let scale = 0;
            let error = 0;
            for (let i = 0; i < w0.length; i++) {
                const gEvery = w0[i]! - a[i]!;
                scale = Math.max(scale, Math.abs(gEvery));
                error = Math.max(error, Math.abs((w0[i]! - b[i]!) - gEvery));
            }
            // (with several physical batches, K and V get no gradient through the cache in either run)
            assert.ok(error <= 1e-4 * scale + 1e-8, `${info.name}: gradients differ by ${error} (largest ${scale})`);
            if (scale > 0) compared++;
        }
        assert.ok(compared >= gguf.tensors.length / 2, `only ${compared} of ${gguf.tensors.length} tensors were trained`);
    });
}

t.run();
