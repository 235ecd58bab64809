/**
 * The trainer's gradient on real backbones, checked to first order: one SGD step of rate ε moves the
 * weights by Δw = -ε·g, so the loss should fall by about Σ Δw²/ε (= ε·|g|²) when g is the gradient.
 * SmolLM2-135M (SwiGLU: the backward-GEMM and loss-outputs patches on a real model) must agree within
 * 5 %. Gemma 3 270M (GEGLU) trains only with the GELU backward patch; its loss falls, but by 8–32 %
 * more than its gradient predicts (a part of Gemma's backward pass is still inexact: docs/training.md),
 * so its check is looser and says so.
 */
import {mkdtemp, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {quantizeModel} from "../../src/model/quantizeModel.js";
import {readGguf} from "../../src/model/readGguf.js";
import {graphCapacityAdapter} from "../../src/train/graphCapacity.js";
import {loadTrainerAddon} from "../../src/train/nativeAddon.js";
import {tensorValues} from "../helpers/gradients.js";
import {isCi} from "../helpers/sharedData.js";
import {realModel, withRealModel} from "../helpers/realModels.js";

const t = suite("real models: gradient");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-real-gradient-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});

type Check = {before: number, after: number, actual: number, predicted: number};

/** One SGD step of rate `rate` on an F32 copy of `source`: the loss before and after, and the predicted fall. */
async function firstOrderCheck(source: string, rate: number): Promise<Check> {
    const file = path.join(dir, `${path.basename(source, ".gguf")}.f32.gguf`);
    await quantizeModel({input: source, output: file, type: "f32", llama});
    const addon = await loadTrainerAddon(llama);
    const gguf = await readGguf(file);
    const capacity = await graphCapacityAdapter(gguf);
    const model = await addon.Model.load(file);
    const contextSize = 256;
    const tokens = new Int32Array(contextSize).map((_, i) => (i < 64 ? 100 + ((i * 7919) % 5000) : 0));
    const labels = new Int32Array(contextSize).map((_, i) => tokens[(i + 1) % contextSize]!);
    const mask = new Uint8Array(contextSize).map((_, i) => (i >= 40 && i < 63 ? 1 : 0));
    const saved = path.join(dir, "stepped.gguf");
    let before: number;
    let after: number;
    try {
        const trainer = await addon.Trainer.create(model, {contextSize, threads: 2, optimizer: "sgd",
            ...(capacity === undefined ? {} : {capacityAdapter: capacity.path, capacityAdapterCopies: capacity.copies})});
        try {
            before = (await trainer.step({tokens, labels, mask, train: false})).loss;
            await trainer.step({tokens, labels, mask, learningRate: rate, iteration: 1});
            after = (await trainer.step({tokens, labels, mask, train: false})).loss;
        } finally {
            trainer.dispose();
        }
        await model.save(saved);
    } finally {
        model.dispose();
    }
    let squares = 0;
    for (const info of gguf.tensors) {
        const w0 = await tensorValues(file, info.name);
        const w1 = await tensorValues(saved, info.name);
        for (let i = 0; i < w0.length; i++) squares += (w0[i]! - w1[i]!) ** 2;
    }
    await rm(file, {force: true});
    await rm(saved, {force: true});
    return {before, after, actual: before - after, predicted: squares / rate};
}

const smol = await realModel("smollm2-135m-instruct");
withRealModel(t, smol, "smollm2-135m-instruct")("SmolLM2-135M: the loss falls as its gradient predicts (within 5 %)", async () => {
    const check = await firstOrderCheck(smol!, 1e-4);
    const ratio = check.actual / check.predicted;
    console.log(`  SmolLM2: loss ${check.before.toFixed(4)} → ${check.after.toFixed(4)}, fall ${check.actual.toFixed(5)}, predicted ${check.predicted.toFixed(5)} (${ratio.toFixed(3)})`);
    assert.ok(check.actual > 0 && Math.abs(ratio - 1) < 0.05, `fall ${check.actual} against ${check.predicted}`);
});

const gemma = await realModel("gemma-3-270m");
withRealModel(t, gemma, "gemma-3-270m")("Gemma 3 270M (GEGLU) trains with the GELU backward patch; its loss falls within 0.9-1.5x of the prediction", async () => {
    const addon = await loadTrainerAddon(llama);
    if (addon.geluBackwardPatch === 0) {
        console.log(`  NOTICE: ${addon.libraryPath} lacks the GELU backward patch; ${isCi() ? "failing (CI=true)" : "skipping"}`);
        assert.not.ok(isCi(), "CI=true expects the local llama.cpp build with native/patches");
        return;
    }
    const check = await firstOrderCheck(gemma!, 3e-5);
    const ratio = check.actual / check.predicted;
    console.log(`  Gemma 3: loss ${check.before.toFixed(4)} → ${check.after.toFixed(4)}, fall ${check.actual.toFixed(5)}, predicted ${check.predicted.toFixed(5)} (${ratio.toFixed(3)})`);
    assert.ok(check.actual > 0 && ratio > 0.9 && ratio < 1.5, `fall ${check.actual} against ${check.predicted}`);
});

t.run();
