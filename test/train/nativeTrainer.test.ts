/**
 * The native trainer addon on the tiny spm model: it uses node-llama-cpp's libllama, its loss is
 * ggml's cross-entropy restricted to trainable positions, and its gradient ignores masked positions
 * exactly (identical weights when only masked labels change; SGD updates add up per position).
 */
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {loadTrainerAddon, type NativeTrainerOptions, type TrainerAddon} from "../../src/train/nativeAddon.js";
import {toDatapoint, type Datapoint, type TrainSample} from "../../src/train/trainData.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("native trainer");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-native-trainer-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const modelPath = await createTestModel("spm-tiny");
const contextSize = 256;

/** BOS, 20 prompt tokens (masked), 20 answer tokens (trained), then `tail` (masked). */
function sample(tail: number[]): TrainSample {
    const tokens = [1];
    const trainMask = [false];
    for (let i = 0; i < 20; i++) { tokens.push(400 + i); trainMask.push(false); }
    for (let i = 0; i < 20; i++) { tokens.push(700 + ((i * 7) % 20)); trainMask.push(true); }
    for (const token of tail) { tokens.push(token); trainMask.push(false); }
    return {tokens, trainMask};
}

/** Loads a fresh copy of the model, runs `steps` on one trainer, saves, returns the saved file. */
async function trainedFile(addon: TrainerAddon, name: string, datapoints: Datapoint[], options: Partial<NativeTrainerOptions> = {}, learningRate = 1e-3): Promise<string> {
    const model = await addon.Model.load(modelPath);
    const trainer = await addon.Trainer.create(model, {contextSize, batchSize: 128, threads: 2, ...options});
    try {
        let iteration = 1;
        for (const point of datapoints) {
            await trainer.step({tokens: point.tokens, labels: point.labels, mask: point.mask, learningRate, iteration: iteration++});
        }
    } finally {
        trainer.dispose();
    }
    const file = path.join(dir, `${name}.gguf`);
    await model.save(file);
    model.dispose();
    return file;
}

async function tensor(file: string, name: string): Promise<Float32Array> {
    const bytes = await readGgufTensorData(await readGguf(file), name);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

t("attaches to the libllama node-llama-cpp loaded", async () => {
    const addon = await loadTrainerAddon(llama);
    assert.match(path.basename(addon.libraryPath), /^libllama\..*so/);
    assert.is(addon.buildType, llama.buildType);
    assert.is(addon.loadedBackends, false, "node-llama-cpp had registered the CPU backend already");
    assert.is(await loadTrainerAddon(llama), addon, "loaded once per process");
    const model = await addon.Model.load(modelPath);
    assert.is(model.vocabSize, 32000);
    assert.is(model.contextLength, 4096);
    assert.throws(() => addon.Trainer.create(model, {contextSize: 200}), /multiple of 256/);
    model.dispose();
    assert.ok(model.disposed);
});

t("the loss is ggml's cross-entropy over the trainable positions only", async () => {
    const addon = await loadTrainerAddon(llama);
    const model = await addon.Model.load(modelPath);
    // every position has logits here, so that ggml's own loss (the reference) covers them all
    const trainer = await addon.Trainer.create(model, {contextSize, batchSize: 64, threads: 2, lossOutputsOnly: false});
    try {
        const point = toDatapoint(sample([900, 901, 902]), contextSize, 0);
        const all = await trainer.step({...point, mask: new Uint8Array(contextSize).fill(1), train: false});
        assert.is(all.tokens, contextSize);
        assert.is(all.batches, contextSize / 64);
        assert.ok(Math.abs(all.loss - all.referenceLossSum / all.referenceTokens) < 1e-4, `${all.loss} vs ggml ${all.referenceLossSum / all.referenceTokens}`);
        assert.ok(Math.abs(all.loss - Math.log(32000)) < 0.5, `a random model is near uniform, loss ${all.loss}`);

        // Each position alone, then the masked mean equals the mean of the positions' losses.
        const positions = [5, 25, 30, 41];
        let sum = 0;
        for (const p of positions) {
            const mask = new Uint8Array(contextSize);
            mask[p] = 1;
            const one = await trainer.step({...point, mask, train: false});
            assert.is(one.tokens, 1);
            sum += one.loss;
        }
        const mask = new Uint8Array(contextSize);
        for (const p of positions) mask[p] = 1;
        const some = await trainer.step({...point, mask, train: false});
        assert.is(some.tokens, positions.length);
        assert.ok(Math.abs(some.loss - sum / positions.length) < 1e-9);
        assert.ok(Math.abs(some.referenceLossSum - all.referenceLossSum) < 1e-3, "ggml's own loss still covers every position");
    } finally {
        trainer.dispose();
        model.dispose();
    }
});

t("masked labels do not change the update: identical weights; without the mask they do; all-trainable equals llama.cpp", async () => {
    const addon = await loadTrainerAddon(llama);
    const a = toDatapoint(sample([900, 901, 902, 903, 904]), contextSize, 0);
    const b = toDatapoint(sample([1200, 1300, 1400, 1500, 1600]), contextSize, 0);
    const c = toDatapoint(sample([]), contextSize, 0);
    assert.not.equal(a.labels, b.labels);
    const fileA = await trainedFile(addon, "mask-a", [a, a]);
    const fileB = await trainedFile(addon, "mask-b", [b, b]);
    const fileC = await trainedFile(addon, "mask-c", [c, c]);
    const bytesA = await readFile(fileA);
    assert.ok(bytesA.equals(await readFile(fileB)), "changing masked labels changed the weights");
    assert.ok(bytesA.equals(await readFile(fileC)), "masked tail tokens vs padding changed the weights");
    const trained = await tensor(fileA, "output.weight");
    const original = await tensor(modelPath, "output.weight");
    assert.ok(trained.some((value, i) => value !== original[i]), "the steps updated the weights");

    // With every position trainable the masked gradient is llama.cpp's own (mean over positions).
    const full = {...a, mask: new Uint8Array(contextSize).fill(1)};
    const fullMasked = await trainedFile(addon, "full-masked", [full]);
    const fullPlain = await trainedFile(addon, "full-plain", [full], {maskGradients: false});
    assert.ok((await readFile(fullMasked)).equals(await readFile(fullPlain)), "all-trainable masking changed llama.cpp's gradient");

    const unmaskedA = await trainedFile(addon, "unmasked-a", [a, a], {maskGradients: false});
    const unmaskedB = await trainedFile(addon, "unmasked-b", [b, b], {maskGradients: false});
    assert.not.ok((await readFile(unmaskedA)).equals(await readFile(unmaskedB)), "llama.cpp's own gradient depends on masked labels");
});

t("SGD updates add up per trainable position (the gradient is the masked mean)", async () => {
    const addon = await loadTrainerAddon(llama);
    const point = toDatapoint(sample([]), contextSize, 0);
    const withMask = (positions: number[]): Datapoint => {
        const mask = new Uint8Array(contextSize);
        for (const p of positions) mask[p] = 1;
        return {...point, mask, trainable: positions.length};
    };
    const first = [20, 21, 22];
    const second = [30, 33, 35, 38, 39];
    const sgd = {optimizer: "sgd"} as const;
    const fileFirst = await trainedFile(addon, "sgd-first", [withMask(first)], sgd, 0.5);
    const fileSecond = await trainedFile(addon, "sgd-second", [withMask(second)], sgd, 0.5);
    const fileBoth = await trainedFile(addon, "sgd-both", [withMask([...first, ...second])], sgd, 0.5);
    for (const name of ["output.weight", "blk.1.ffn_down.weight", "blk.0.attn_q.weight"]) {
        const w0 = await tensor(modelPath, name);
        const w1 = await tensor(fileFirst, name);
        const w2 = await tensor(fileSecond, name);
        const w12 = await tensor(fileBoth, name);
        let error = 0;
        let scale = 0;
        let apart = 0;
        for (let i = 0; i < w0.length; i++) {
            const d1 = w1[i]! - w0[i]!;
            const d2 = w2[i]! - w0[i]!;
            const d12 = w12[i]! - w0[i]!;
            const expected = (first.length * d1 + second.length * d2) / (first.length + second.length);
            error = Math.max(error, Math.abs(d12 - expected));
            scale = Math.max(scale, Math.abs(d12));
            apart = Math.max(apart, Math.abs(d1 - d2));
        }
        assert.ok(apart > 0.1 * scale, `${name}: the two masks gave nearly the same update`);
        assert.ok(scale > 1e-6, `${name} was not updated`);
        assert.ok(error < 2e-3 * scale + 1e-8, `${name}: update of the union differs from the weighted mean by ${error} (updates up to ${scale})`);
    }
});

t("each optimizer step applies its own gradient, not the sum of all gradients so far", async () => {
    const addon = await loadTrainerAddon(llama);
    const point = toDatapoint(sample([]), contextSize, 0);
    const model = await addon.Model.load(modelPath);
    const trainer = await addon.Trainer.create(model, {contextSize, batchSize: 128, threads: 2, optimizer: "sgd"});
    const norms: number[] = [];
    try {
        let previous = await tensor(modelPath, "output.weight");
        for (let iteration = 1; iteration <= 3; iteration++) {
            await trainer.step({...point, learningRate: 1e-3, iteration});
            const file = path.join(dir, `sgd-step-${iteration}.gguf`);
            await model.save(file);
            const current = await tensor(file, "output.weight");
            let sum = 0;
            for (let i = 0; i < current.length; i++) sum += (current[i]! - previous[i]!) ** 2;
            norms.push(Math.sqrt(sum));
            previous = current;
        }
    } finally {
        trainer.dispose();
        model.dispose();
    }
    // With a small rate the gradient barely changes between steps, so the updates are nearly equal;
    // ggml-opt alone (accumulators never cleared) makes them grow 1x, 2x, 3x.
    assert.ok(norms[0]! > 0);
    for (const norm of norms.slice(1)) assert.ok(Math.abs(norm / norms[0]! - 1) < 0.05, `update norms ${norms}`);
});

/** The loss of `point` under the model file `file` (a fresh load: a trainer changes its model for good). */
async function evalLoss(addon: TrainerAddon, file: string, point: Datapoint): Promise<number> {
    const model = await addon.Model.load(file);
    const trainer = await addon.Trainer.create(model, {contextSize, batchSize: contextSize, threads: 2});
    try {
        return (await trainer.step({...point, train: false})).loss;
    } finally {
        trainer.dispose();
        model.dispose();
    }
}

/** A copy of the test model with `name` replaced by `values`. */
async function withTensor(name: string, values: Float32Array, out: string): Promise<string> {
    const gguf = await readGguf(modelPath);
    const info = gguf.tensor(name)!;
    const bytes = await readFile(modelPath);
    Buffer.from(values.buffer, values.byteOffset, values.byteLength).copy(bytes, gguf.dataOffset + info.offset);
    await writeFile(out, bytes);
    return out;
}

const kvEmbd = ["blk.0.attn_k.weight", "blk.1.attn_v.weight", "token_embd.weight"];

t("K, V and token embeddings: the exact gradient with the training patch, reported frozen without it", async () => {
    const addon = await loadTrainerAddon(llama);
    const point = toDatapoint(sample([]), contextSize, 0);
    // One SGD step at rate 1 without weight decay: w1 = w0 - g, so g = w0 - w1. The patched
    // attention needs the whole context in one physical batch (batchSize = contextSize).
    const model = await addon.Model.load(modelPath);
    const trainer = await addon.Trainer.create(model, {contextSize, batchSize: contextSize, threads: 2, optimizer: "sgd"});
    let trained: readonly string[];
    try {
        assert.equal(trainer.trainedTensors, [], "nothing is trained before the first step");
        await trainer.step({...point, learningRate: 1, iteration: 1});
        trained = trainer.trainedTensors;
    } finally {
        trainer.dispose();
    }
    const file = path.join(dir, "kv-sgd.gguf");
    await model.save(file);
    model.dispose();
    assert.ok(trained.includes("blk.0.attn_q.weight") && trained.includes("output.weight"), `trained: ${trained.join(", ")}`);
    if (addon.trainingPatch === 0) {
        // Stock llama.cpp: the KV-cache store has no backward pass, token_embd is skipped.
        for (const name of kvEmbd) {
            assert.not.ok(trained.includes(name), `${name} trains without the patch?`);
            assert.equal(await tensor(file, name), await tensor(modelPath, name), `${name} changed`);
        }
        return;
    }
    for (const name of kvEmbd) {
        assert.ok(trained.includes(name), `${name} is not trained: ${trained.join(", ")}`);
        const w0 = await tensor(modelPath, name);
        const w1 = await tensor(file, name);
        const g = w0.map((value, i) => value - w1[i]!);
        const norm = Math.sqrt(g.reduce((sum, value) => sum + value * value, 0));
        assert.ok(norm > 1e-6, `${name}: no gradient`);
        // Central difference of the loss along d = g/|g| equals the directional derivative |g|.
        const eps = 0.02 / norm;
        const plus = await withTensor(name, w0.map((value, i) => value + eps * g[i]! / norm), path.join(dir, "kv-plus.gguf"));
        const lossPlus = await evalLoss(addon, plus, point);
        const minus = await withTensor(name, w0.map((value, i) => value - eps * g[i]! / norm), path.join(dir, "kv-minus.gguf"));
        const lossMinus = await evalLoss(addon, minus, point);
        const numeric = (lossPlus - lossMinus) / (2 * eps);
        assert.ok(Math.abs(numeric - norm) < 0.03 * norm, `${name}: finite difference ${numeric} vs gradient norm ${norm}`);
    }
});

t.run();
