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
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {loadTrainerAddon, type TrainerAddon} from "../../src/train/nativeAddon.js";
import {toDatapoint, type Datapoint} from "../../src/train/trainData.js";
import {isCi} from "../helpers/sharedData.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("backward GEMM");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-backward-gemm-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const modelPath = await createTestModel("spm-tiny");
const contextSize = 256;

function datapoint(): Datapoint {
    const tokens = [1];
    const trainMask = [false];
    for (let i = 0; i < 30; i++) { tokens.push(300 + ((i * 13) % 97)); trainMask.push(false); }
    for (let i = 0; i < 40; i++) { tokens.push(900 + ((i * 7) % 31)); trainMask.push(true); }
    return toDatapoint({tokens, trainMask}, contextSize, 0);
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

async function tensor(file: string, name: string): Promise<Float32Array> {
    const bytes = await readGgufTensorData(await readGguf(file), name);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
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
    const gguf = await readGguf(modelPath);
    let compared = 0;
    let worst = 0;
    let differing = 0;
    for (const info of gguf.tensors) {
        const w0 = await tensor(modelPath, info.name);
        const a = await tensor(old.file, info.name);
        const b = await tensor(gemm.file, info.name);
        let scale = 0;
        let error = 0;
        for (let i = 0; i < w0.length; i++) {
            const gOld = (w0[i]! - a[i]!) / rate;
            const gNew = (w0[i]! - b[i]!) / rate;
            scale = Math.max(scale, Math.abs(gOld));
            error = Math.max(error, Math.abs(gNew - gOld));
        }
        if (scale === 0) continue;
        compared++;
        worst = Math.max(worst, error / scale);
        if (error > 0) differing++;
        // float32 weights near 0.02 carry about 2e-9 of rounding; the gradients differ by summation order only
        assert.ok(error <= 1e-4 * scale + 1e-8, `${info.name}: gradients differ by ${error} (largest ${scale})`);
    }
    assert.ok(compared >= gguf.tensors.length - 2, `compared ${compared} of ${gguf.tensors.length} tensors`);
    // The two paths really differ (another summation order), or the switch did nothing.
    assert.ok(differing > 0, "no gradient changed at all: TOOLACE_BACKWARD_OUT_PROD had no effect");
    console.log(`  ${compared} tensors, ${differing} with rounding differences, largest ${worst.toExponential(2)} of the tensor's largest gradient`);
});

t.run();
