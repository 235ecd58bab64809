/**
 * quantizeModel (llama.cpp's llama_model_quantize through the native addon): a Q8_0 copy of the tiny
 * model loads and generates in node-llama-cpp, dequantizing it gives an F32 model close to the
 * original that trains, and failures leave no output behind.
 */
import {access, mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel, type Token} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {QuantizeError} from "../../src/model/QuantizeError.js";
import {quantizeModel} from "../../src/model/quantizeModel.js";
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {train} from "../../src/train/train.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("quantizeModel");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-quantize-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const modelPath = await createTestModel("spm-tiny");

async function generate(file: string, prompt: number[], count: number): Promise<Token[]> {
    const model = await llama.loadModel({modelPath: file});
    try {
        const context = await model.createContext({contextSize: 256, threads: 1});
        const out: Token[] = [];
        for await (const token of context.getSequence().evaluate(prompt as Token[])) {
            out.push(token);
            if (out.length >= count) break;
        }
        await context.dispose();
        return out;
    } finally {
        await model.dispose();
    }
}

const cycle = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000];
/** Samples cycling through `tokens`, each starting at another phase. */
function cycleSamples(tokens: number[], count: number): {tokens: number[], trainMask: boolean[]}[] {
    return Array.from({length: count}, (_, s) => {
        const sample = [1];
        for (let i = 0; i < 40; i++) sample.push(tokens[(i + s) % tokens.length]!);
        return {tokens: sample, trainMask: sample.map((_, i) => i > 2)};
    });
}

/** The tiny model fine-tuned on `cycle` (a random model's flat logits would make any rounding change its greedy tokens). */
let cycleModel: Promise<string> | undefined;
function learnedModel(): Promise<string> {
    cycleModel ??= train({
        model: modelPath, out: path.join(dir, "cycle.gguf"), samples: cycleSamples(cycle, 4), epochs: 6, learningRate: 3e-3, contextSize: 256,
        batchSize: 256, threads: 2, validationSplit: 0, seed: 1, checkpointEvery: 0, llama
    }).then((result) => result.out);
    return cycleModel;
}

async function floats(file: string, name: string): Promise<Float32Array> {
    const bytes = await readGgufTensorData(await readGguf(file), name);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

t("q8_0: the 2D weights become Q8_0, the file is a third of the size, and node-llama-cpp generates with it", async () => {
    const learned = await learnedModel();
    const out = path.join(dir, "q8.gguf");
    const result = await quantizeModel({input: learned, output: out, type: "q8_0", llama});
    assert.equal(result.tensorTypes, {Q8_0: 16, F32: 5}, "norms stay F32");
    assert.ok(result.outputBytes < result.inputBytes / 3, `${result.outputBytes} vs ${result.inputBytes}`);
    const gguf = await readGguf(out);
    assert.is(gguf.getNumber("general.file_type"), 7, "LLAMA_FTYPE_MOSTLY_Q8_0");
    assert.is(gguf.getNumber("llama.context_length"), 4096);
    const tokens = await generate(out, [1, 3000, 4000], 8);
    assert.is(tokens[0], 5000, `the Q8_0 model continues the cycle: ${tokens}`);
    assert.ok(tokens.filter((token) => cycle.includes(token)).length >= 6, `the Q8_0 model stays in the cycle: ${tokens}`);
    assert.equal(tokens, await generate(learned, [1, 3000, 4000], 8), "the same greedy tokens as the F32 model");
    assert.equal((await readdir(dir)).filter((name) => name.endsWith(".tmp")), [], "no temporary file is left");
});

t("every type loads in node-llama-cpp", async () => {
    for (const type of ["q4_0", "q4_k_m", "f16"] as const) {
        const out = path.join(dir, `${type}.gguf`);
        const result = await quantizeModel({input: modelPath, output: out, type, llama});
        assert.ok(result.outputBytes < result.inputBytes, type);
        assert.is((await generate(out, [1, 450, 4996], 2)).length, 2, type);
    }
});

t("dequantizing Q8_0 gives F32 weights within Q8_0's rounding of the original, and that model trains", async () => {
    const learned = await learnedModel();
    const q8 = path.join(dir, "q8-for-f32.gguf");
    await quantizeModel({input: learned, output: q8, type: "q8_0", llama});
    const f32 = path.join(dir, "dequantized.gguf");
    const result = await quantizeModel({input: q8, output: f32, type: "f32", llama});
    assert.equal(result.tensorTypes, {F32: 21});
    assert.is((await readGguf(f32)).getNumber("general.file_type"), 0, "LLAMA_FTYPE_ALL_F32");
    const original = await floats(learned, "blk.0.ffn_up.weight");
    const restored = await floats(f32, "blk.0.ffn_up.weight");
    let maxError = 0;
    let maxValue = 0;
    for (let i = 0; i < original.length; i++) {
        maxError = Math.max(maxError, Math.abs(original[i]! - restored[i]!));
        maxValue = Math.max(maxValue, Math.abs(original[i]!));
    }
    assert.ok(maxError > 0, "the values went through Q8_0");
    assert.ok(maxError <= maxValue / 127, `error ${maxError} within half a Q8_0 step of the largest value ${maxValue}`);

    // Continue training from the dequantized model on another cycle.
    const trained = await train({
        model: f32, out: path.join(dir, "trained.gguf"), samples: cycleSamples([9100, 9200, 9300, 9400, 9500], 3), epochs: 2, learningRate: 1e-2,
        contextSize: 256, batchSize: 256, threads: 2, validationSplit: 0, seed: 1, checkpointEvery: 0, llama
    });
    assert.ok(trained.trainLoss[trained.trainLoss.length - 1]! < trained.trainLoss[0]! - 1, `loss ${trained.trainLoss.map((loss) => loss.toFixed(2)).join(" ")}`);
});

t("failures leave no output: requantizing needs allowRequantize, bad inputs and types are refused", async () => {
    const q8 = path.join(dir, "q8-again.gguf");
    await quantizeModel({input: modelPath, output: q8, type: "q8_0", llama});
    const code = async (options: Parameters<typeof quantizeModel>[0]): Promise<string | undefined> => {
        try {
            await quantizeModel(options);
        } catch (error) {
            assert.instance(error, QuantizeError);
            return (error as QuantizeError).code;
        }
        return undefined;
    };
    const out = path.join(dir, "refused.gguf");
    assert.is(await code({input: q8, output: out, type: "q4_0", llama}), "quantize_failed");
    await access(out).then(() => assert.unreachable("an output was written"), () => undefined);
    assert.is(await code({input: q8, output: out, type: "q4_0", allowRequantize: true, llama}), undefined);
    const text = path.join(dir, "not-a-model.gguf");
    await writeFile(text, "hello");
    assert.is(await code({input: text, output: path.join(dir, "x.gguf"), type: "q8_0", llama}), "quantize_input");
    assert.is(await code({input: modelPath, output: path.join(dir, "y.gguf"), type: "q3" as never, llama}), "quantize_invalid_options");
    assert.is(await code({input: modelPath, output: modelPath, type: "q8_0", llama}), "quantize_invalid_options");
    assert.equal((await readdir(dir)).filter((name) => name.endsWith(".tmp")), []);
});

t.run();
