import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {readGgufFileInfo} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GgufError} from "../../src/model/GgufError.js";
import {GgufValue} from "../../src/model/GgufValue.js";
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {writeGguf, type GgufWriteInput} from "../../src/model/writeGguf.js";

const t = suite("writeGguf");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-writegguf-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

async function expectWriteError(input: GgufWriteInput, pattern: RegExp, file = path.join(dir, "refused.gguf")): Promise<void> {
    try {
        await writeGguf(file, input);
    } catch (error) {
        assert.instance(error, GgufError);
        assert.is((error as GgufError).code, "gguf_invalid_value", (error as Error).message);
        assert.match((error as Error).message, pattern);
        return;
    }
    assert.unreachable(`should refuse: ${pattern}`);
}

t("an independent parser (node-llama-cpp's) reads the written file", async () => {
    const file = path.join(dir, "independent.gguf");
    await writeGguf(file, {
        metadata: [
            ["general.architecture", GgufValue.string("llama")],
            ["llama.block_count", GgufValue.uint32(2)],
            ["llama.rope.freq_base", GgufValue.float32(10000)],
            ["x.int64", GgufValue.int64(-5n)],
            ["x.flag", GgufValue.bool(true)],
            ["tokenizer.ggml.tokens", GgufValue.array("string", ["<s>", "héllo", "\uFEFF"])],
            ["tokenizer.ggml.scores", GgufValue.array("float32", Float32Array.of(0.5, -1, 2))]
        ],
        tensors: [{name: "token_embd.weight", shape: [8, 3], data: new Float32Array(24).fill(0.25)}, {name: "norm", shape: [8], data: new Float32Array(8)}]
    });
    const info = await readGgufFileInfo(file, {logWarnings: false});
    const raw = info.metadata as unknown as Record<string, Record<string, unknown>>;
    assert.is(raw.general?.architecture, "llama");
    assert.is((raw.llama?.block_count as number), 2);
    assert.is((raw.llama?.rope as {freq_base: number}).freq_base, 10000);
    assert.equal((raw.tokenizer as {ggml: {tokens: string[]}}).ggml.tokens, ["<s>", "héllo", "\uFEFF"]);
    assert.equal(info.tensorInfo?.map((tensor) => [tensor.name, tensor.dimensions.map(Number), Number(tensor.offset)]), [
        ["token_embd.weight", [8, 3], 0],
        ["norm", [8], 96]
    ]);
});

t("tensor data streams from reused chunks without building the model in memory", async () => {
    const file = path.join(dir, "streamed.gguf");
    const elements = 24 * 1024 * 1024; // 96 MiB of F32
    const chunkLength = 1024 * 1024;
    const before = process.memoryUsage().rss;
    let peak = before;
    await writeGguf(file, {
        metadata: [["general.architecture", GgufValue.string("test")]],
        tensors: [{
            name: "big", shape: [1024, elements / 1024], data: function* () {
                const chunk = new Float32Array(chunkLength); // the same array every time
                for (let start = 0; start < elements; start += chunkLength) {
                    chunk.fill(start / chunkLength);
                    peak = Math.max(peak, process.memoryUsage().rss);
                    yield chunk;
                }
            }
        }]
    });
    assert.ok(peak - before < 48 * 1024 * 1024, `memory grew by ${Math.round((peak - before) / 1048576)} MiB while writing 96 MiB`);
    const gguf = await readGguf(file);
    assert.is(gguf.tensors[0]?.elements, elements);
    const data = await readGgufTensorData(gguf, "big");
    const floats = new Float32Array(data.buffer, data.byteOffset, elements);
    for (let chunk = 0; chunk < elements / chunkLength; chunk++) {
        assert.is(floats[chunk * chunkLength], chunk);
        assert.is(floats[chunk * chunkLength + chunkLength - 1], chunk);
    }
    await rm(file);
});

t("writes atomically: a failure leaves the previous file and no temporary file", async () => {
    const file = path.join(dir, "atomic.gguf");
    await writeFile(file, "previous content");
    try {
        await writeGguf(file, {
            metadata: [["a", GgufValue.uint8(1)]],
            tensors: [{name: "w", shape: [4, 4], data: function* () { yield new Float32Array(8); throw new Error("generator failed"); }}]
        });
        assert.unreachable("the generator error propagates");
    } catch (error) {
        assert.match((error as Error).message, /generator failed/);
    }
    assert.is(await readFile(file, "utf8"), "previous content");
    assert.equal((await readdir(dir)).filter((name) => name.includes("atomic")), ["atomic.gguf"]);

    await writeGguf(file, {metadata: [["a", GgufValue.uint8(1)]]});
    assert.is((await readGguf(file)).getNumber("a"), 1, "a successful write replaces the file");
    assert.equal((await readdir(dir)).filter((name) => name.endsWith(".tmp")), []);
});

t("tensor element counts must match the shape", async () => {
    await expectWriteError({metadata: [], tensors: [{name: "w", shape: [3, 2], data: new Float32Array(5)}]}, /needs 6 elements, the data has 5/);
    await expectWriteError({metadata: [], tensors: [{name: "w", shape: [3, 2], data: function* () { yield new Float32Array(4); }}]}, /needs 6 elements, the data had 4/);
    await expectWriteError({metadata: [], tensors: [{name: "w", shape: [2], data: function* () { yield new Float32Array(2); yield new Float32Array(1); }}]}, /the data had more/);
    assert.equal((await readdir(dir)).filter((name) => name.includes("refused")), [], "nothing left behind");
});

t("values and tensors that cannot be encoded exactly are refused", async () => {
    await expectWriteError({metadata: [["a", GgufValue.uint8(256)]]}, /"a": 256 is not a uint8/);
    await expectWriteError({metadata: [["a", GgufValue.int32(1.5)]]}, /1.5 is not a int32/);
    await expectWriteError({metadata: [["a", GgufValue.uint64(-1n)]]}, /not a uint64/);
    await expectWriteError({metadata: [["a", GgufValue.string("\uD800x")]]}, /lone UTF-16 surrogate/);
    await expectWriteError({metadata: [["a", GgufValue.array("string", ["ok", "\uDC00"])]]}, /string 1 has a lone/);
    await expectWriteError({metadata: [["a", GgufValue.array("uint32", Int32Array.of(1) as never)]]}, /array of uint32 must be a Uint32Array/);
    await expectWriteError({metadata: [["a", GgufValue.uint8(1)], ["a", GgufValue.uint8(2)]]}, /duplicate metadata key "a"/);
    await expectWriteError({metadata: [["general.alignment", GgufValue.uint32(24)]]}, /power of 2/);
    await expectWriteError({metadata: [], tensors: [{name: "x".repeat(64), shape: [1], data: new Float32Array(1)}]}, /1 to 63 bytes/);
    await expectWriteError({metadata: [], tensors: [{name: "w", shape: [1, 1, 1, 1, 1], data: new Float32Array(1)}]}, /5 dimensions/);
    await expectWriteError({metadata: [], tensors: [{name: "w", shape: [2, 0], data: new Float32Array(0)}]}, /invalid shape/);
    await expectWriteError({metadata: [], tensors: [{name: "w", shape: [1], data: new Float32Array(1)}, {name: "w", shape: [1], data: new Float32Array(1)}]}, /duplicate tensor name/);
});

t("float32 scalars are rounded to float32, everything else is kept bit for bit", async () => {
    const file = path.join(dir, "float.gguf");
    await writeGguf(file, {metadata: [["f32", GgufValue.float32(0.1)], ["f64", GgufValue.float64(0.1)]]});
    const gguf = await readGguf(file);
    assert.equal(gguf.get("f32"), GgufValue.float32(Math.fround(0.1)));
    assert.equal(gguf.get("f64"), GgufValue.float64(0.1));
});

t.run();
