/**
 * The backward-GEMM patch (native/patches/llama-backward-gemm.diff): mul_mat's gradients computed as
 * tiled matrix products of transposed copies instead of ggml_out_prod. The same sums in another
 * order, so one SGD step (w1 = w0 - rate·g) must give the same loss and the same gradient of every
 * tensor as ggml_out_prod does (TOOLACE_BACKWARD_OUT_PROD=1), up to float rounding.
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

const t = suite("backward GEMM");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-backward-gemm-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const modelPath = await createTestModel("spm-tiny");
const contextSize = 256;

function datapoint(): Datapoint {
    return promptAnswerPoint(30, 40, contextSize);
}

/** One SGD step at `rate` on a fresh copy of the model, with ggml_out_prod or the patch's products; the saved file and the step's loss. */
async function oneStep(addon: TrainerAddon, outProd: boolean, rate: number): Promise<{file: string, loss: number}> {
    const previous = process.env.TOOLACE_BACKWARD_OUT_PROD;
    if (outProd) process.env.TOOLACE_BACKWARD_OUT_PROD = "1";
    else delete process.env.TOOLACE_BACKWARD_OUT_PROD;
    const model = await addon.Model.load(modelPath);
    try {
        const trainer = await addon.Trainer.create(model, {contextSize, batchSize: contextSize, threads: 2, optimizer: "sgd"});
        let loss: number;
        try {
            loss = (await trainer.step({...datapoint(), learningRate: rate, iteration: 1})).loss;
        } finally {
            trainer.dispose();
        }
        const file = path.join(dir, `${outProd ? "out-prod" : "gemm"}.gguf`);
        await model.save(file);
        return {file, loss};
    } finally {
        model.dispose();
        if (previous === undefined) delete process.env.TOOLACE_BACKWARD_OUT_PROD;
        else process.env.TOOLACE_BACKWARD_OUT_PROD = previous;
    }
}

t("same loss and the same gradient of every tensor as ggml_out_prod, up to rounding", async () => {
    const addon = await loadTrainerAddon(llama);
    if (addon.backwardGemmPatch === 0) {
        console.log(`NOTICE: backward GEMM: ${addon.libraryPath} lacks the patch (prebuilt llama.cpp); ${isCi() ? "failing (CI=true)" : "skipping"}`);
        assert.not.ok(isCi(), "CI=true expects the local llama.cpp build with native/patches");
        return;
    }
    const rate = 1;
    const old = await oneStep(addon, true, rate);
    const gemm = await oneStep(addon, false, rate);
    assert.is(gemm.loss, old.loss, "the forward pass is untouched");
    const differences = await gradientDifferences(modelPath, old.file, gemm.file, rate);
    let compared = 0;
    let worst = 0;
    let differing = 0;
    for (const {name, largest, difference} of differences) {
        if (largest === 0) continue;
        compared++;
        worst = Math.max(worst, difference / largest);
        if (difference > 0) differing++;
        // float32 weights near 0.02 carry about 2e-9 of rounding; the gradients differ by summation order only
        assert.ok(difference <= 1e-4 * largest + 1e-8, `${name}: gradients differ by ${difference} (largest ${largest})`);
    }
    assert.ok(compared >= differences.length - 2, `compared ${compared} of ${differences.length} tensors`);
    // The two paths really differ (another summation order), or the switch did nothing.
    assert.ok(differing > 0, "no gradient changed at all: TOOLACE_BACKWARD_OUT_PROD had no effect");
    console.log(`  ${compared} tensors, ${differing} with rounding differences, largest ${worst.toExponential(2)} of the tensor's largest gradient`);
});

t.run();
