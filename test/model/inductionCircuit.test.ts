import {mkdtemp, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel, type Token} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {inductionCircuitTensorNames, plantInductionCircuit, previousTokenPairWeights} from "../../src/model/inductionCircuit.js";
import {initModel} from "../../src/model/initModel.js";
import {ModelInitError} from "../../src/model/ModelInitError.js";
import {SeededRandom} from "../../src/model/SeededRandom.js";

const t = suite("inductionCircuit");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-induction-"));
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

t("previous-token pair weights: non-negative, sum 1, and the margin is the real minimum over every other distance", () => {
    const base = 1e7;
    const thetas = Array.from({length: 16}, (_, j) => Math.pow(base, -j / 32));
    const {weights, margin} = previousTokenPairWeights(thetas, 1024);
    assert.ok(weights.every((w) => w >= 0));
    assert.ok(Math.abs(weights.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    /** The smallest margin of distance 1 over every other distance, recomputed here. */
    const smallestMargin = (w: readonly number[]): number => {
        let min = Infinity;
        for (let d = 0; d < 1024; d++) if (d !== 1) min = Math.min(min, w.reduce((sum, x, j) => sum + x * (1 - Math.cos(thetas[j]! * (d - 1))), 0));
        return min;
    };
    const min = smallestMargin(weights);
    assert.ok(Math.abs(min - margin) < 1e-9, `${min} vs ${margin}`);
    // Better than spreading the weight evenly, and positive: distance 1 always wins.
    const evenMin = smallestMargin(thetas.map(() => 1 / thetas.length));
    assert.ok(margin > 0.2 && margin > evenMin, `margin ${margin}, even weights ${evenMin}`);
    assert.equal(previousTokenPairWeights(thetas, 1024), {weights, margin});
});

t("shapes it cannot plant into are clear errors", () => {
    const shape = {dim: 256, layers: 6, heads: 4, kvHeads: 4, nVocab: 8, ropeFreqBase: 1e7, ctx: 512, seed: 1};
    const tensors = (s: typeof shape): Map<string, Float32Array> => new Map(inductionCircuitTensorNames().map((name) => {
        const size = name === "token_embd.weight" || name === "output.weight" ? s.dim * s.nVocab : s.dim * s.dim;
        return [name, new Float32Array(size)];
    }));
    const expectError = (s: typeof shape, text: string): void => {
        try {
            plantInductionCircuit(tensors(s), s);
            assert.unreachable(`planted into ${JSON.stringify(s)}`);
        } catch (error) {
            assert.instance(error, ModelInitError);
            assert.match((error as Error).message, text);
        }
    };
    expectError({...shape, layers: 1}, "at least 2 layers");
    expectError({...shape, heads: 1}, "at least 2 heads");
    expectError({...shape, kvHeads: 2}, "key/value heads");
    expectError({...shape, dim: 128, heads: 2, kvHeads: 2}, "at least 3 × head size + 1");
    expectError({...shape, dim: 64, heads: 4, kvHeads: 4}, "at least 32");
    const missing = tensors(shape);
    missing.delete("blk.1.attn_v.weight");
    assert.throws(() => plantInductionCircuit(missing, shape), /blk\.1\.attn_v\.weight/);
    plantInductionCircuit(tensors(shape), shape);
});

/** Greedy next-token predictions over the second copy of a random sequence shown twice. */
async function repeatAccuracy(file: string): Promise<number> {
    const model = await llama.loadModel({modelPath: file});
    try {
        const context = await model.createContext({contextSize: 512, threads: 1});
        try {
            const random = SeededRandom.forKey(3, "repeat");
            const sequence = Array.from({length: 120}, () => 300 + Math.floor(random.nextFloat() * 20000) as Token);
            const input = [model.tokens.bos!, ...sequence, ...sequence];
            const results = await context.getSequence().controlledEvaluate(input.map((token) => [token, {generateNext: {token: true}}]));
            let right = 0;
            // Position p predicts input[p + 1]; the second copy's tokens after its first are predictable.
            for (let p = 1 + sequence.length; p < input.length - 1; p++) if (results[p]?.next.token === input[p + 1]) right++;
            return right / (sequence.length - 1);
        } finally {
            await context.dispose();
        }
    } finally {
        await model.dispose();
    }
}

t("a planted model copies a random sequence shown twice; the same init without the circuit does not", async () => {
    const options = {arch: "llama", vocab: "llama-spm", dim: 256, layers: 2, heads: 4, ffn: 64, ctx: 512, seed: 5, ropeFreqBase: 1e7} as const;
    const planted = await initModel({...options, out: path.join(dir, "planted.gguf"), induction: true});
    assert.is(planted.induction, true);
    const plain = await initModel({...options, out: path.join(dir, "plain.gguf")});
    assert.is(plain.induction, false);
    const withCircuit = await repeatAccuracy(planted.path);
    const without = await repeatAccuracy(plain.path);
    assert.ok(withCircuit >= 0.95, `planted model copied ${withCircuit}`);
    assert.ok(without <= 0.05, `random model copied ${without}`);
});

t("tied embeddings cannot hold the circuit's output", async () => {
    try {
        await initModel({arch: "llama", vocab: "llama-spm", dim: 256, layers: 2, heads: 4, ffn: 64, ctx: 512, out: path.join(dir, "tied.gguf"), tieEmbeddings: true, induction: true});
        assert.unreachable("tied embeddings were accepted");
    } catch (error) {
        assert.instance(error, ModelInitError);
        assert.match((error as Error).message, "untied output");
    }
});

t.run();
