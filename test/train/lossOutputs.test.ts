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
import {loadTrainerAddon, type TrainerAddon} from "../../src/train/nativeAddon.js";
import type {Datapoint} from "../../src/train/trainData.js";
import {gradientDifferences, promptAnswerPoint} from "../helpers/gradients.js";
import {isCi} from "../helpers/sharedData.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("loss outputs only");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-loss-outputs-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const modelPath = await createTestModel("spm-tiny");
const contextSize = 256;

function datapoint(): Datapoint {
    return promptAnswerPoint(60, 30, contextSize);
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
        const differences = await gradientDifferences(modelPath, every.file, only.file, 1);
        for (const {name, largest, difference} of differences) {
            // (with several physical batches, K and V get no gradient through the cache in either run)
            assert.ok(difference <= 1e-4 * largest + 1e-8, `${name}: gradients differ by ${difference} (largest ${largest})`);
        }
        const compared = differences.filter((d) => d.largest > 0).length;
        assert.ok(compared >= differences.length / 2, `only ${compared} of ${differences.length} tensors were trained`);
    });
}

t.run();
