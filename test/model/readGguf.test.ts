import {mkdtemp, readFile, rm, writeFile, mkdir} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GgufError} from "../../src/model/GgufError.js";
import {GgufValue} from "../../src/model/GgufValue.js";
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {writeGguf} from "../../src/model/writeGguf.js";

const t = suite("readGguf");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-readgguf-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

/** One value of every type, at the edges of each range, and arrays of every element type. */
const allTypes = new Map<string, GgufValue>([
    ["general.architecture", GgufValue.string("llama")],
    ["t.uint8", GgufValue.uint8(255)],
    ["t.int8", GgufValue.int8(-128)],
    ["t.uint16", GgufValue.uint16(65535)],
    ["t.int16", GgufValue.int16(-32768)],
    ["t.uint32", GgufValue.uint32(4294967295)],
    ["t.int32", GgufValue.int32(-2147483648)],
    ["t.float32", GgufValue.float32(Math.fround(3.14159))],
    ["t.float32.nan", GgufValue.float32(Number.NaN)],
    ["t.float64", GgufValue.float64(-1.2345678901234567e-300)],
    ["t.uint64", GgufValue.uint64(2n ** 64n - 1n)],
    ["t.int64", GgufValue.int64(-(2n ** 63n))],
    ["t.bool.true", GgufValue.bool(true)],
    ["t.bool.false", GgufValue.bool(false)],
    ["t.string", GgufValue.string("héllo ✓ 𝄞 \n\t\"quoted\"")],
    ["t.string.bom", GgufValue.string("\uFEFFstarts with a byte order mark")],
    ["t.string.empty", GgufValue.string("")],
    ["t.array.uint8", GgufValue.array("uint8", Uint8Array.of(0, 1, 255))],
    ["t.array.int8", GgufValue.array("int8", Int8Array.of(-128, 0, 127))],
    ["t.array.uint16", GgufValue.array("uint16", Uint16Array.of(0, 65535))],
    ["t.array.int16", GgufValue.array("int16", Int16Array.of(-32768, 32767))],
    ["t.array.uint32", GgufValue.array("uint32", Uint32Array.of(0, 4294967295))],
    ["t.array.int32", GgufValue.array("int32", Int32Array.of(-2147483648, 3, 2147483647))],
    ["t.array.float32", GgufValue.array("float32", Float32Array.of(0.1, -2.5e-38, 3e38, -0))],
    ["t.array.float64", GgufValue.array("float64", Float64Array.of(0.1, Number.MAX_VALUE, -Number.MIN_VALUE))],
    ["t.array.uint64", GgufValue.array("uint64", BigUint64Array.of(0n, 2n ** 64n - 1n))],
    ["t.array.int64", GgufValue.array("int64", BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n))],
    ["t.array.bool", GgufValue.array("bool", [true, false, true])],
    ["t.array.string", GgufValue.array("string", ["", "a", "ü", "\uFEFF", "<|im_start|>", "x".repeat(5000)])],
    ["t.array.empty", GgufValue.array("int32", new Int32Array(0))],
    ["t.array.empty.string", GgufValue.array("string", [])]
]);

function ramp(n: number, scale: number): Float32Array {
    return Float32Array.from({length: n}, (_, i) => (i - n / 2) * scale);
}

t("reader returns exactly what the writer wrote: every value type, tensor infos and data", async () => {
    const file = path.join(dir, "all.gguf");
    const matrix = ramp(7 * 5, 0.25);
    const big = ramp(3 * 4 * 2, 1.5);
    const {bytes} = await writeGguf(file, {
        metadata: allTypes,
        tensors: [
            {name: "vector", shape: [3], data: Float32Array.of(1, -1, 0.5)},
            {name: "matrix", shape: [7, 5], data: matrix},
            {name: "cube", shape: [3, 4, 2], data: function* () { yield big.subarray(0, 5); yield big.subarray(5); }}
        ]
    });
    const gguf = await readGguf(file);
    assert.is(gguf.fileSize, bytes);
    assert.is(gguf.version, 3);
    assert.is(gguf.alignment, 32);
    assert.equal([...gguf.metadata.keys()], [...allTypes.keys()], "keys in file order");
    for (const [key, value] of allTypes) assert.equal(gguf.get(key), value, key);
    // NaN survives bit-exactly as a float32 NaN
    assert.ok(Number.isNaN(GgufValue.toNumber(gguf.get("t.float32.nan"))));
    assert.is(gguf.getString("t.string.bom")?.charCodeAt(0), 0xfeff, "a leading BOM is kept");

    assert.equal(gguf.tensors.map((tensor) => [tensor.name, tensor.shape, tensor.typeName, tensor.offset, tensor.byteSize]), [
        ["vector", [3], "F32", 0, 12],
        ["matrix", [7, 5], "F32", 32, 140],
        ["cube", [3, 4, 2], "F32", 192, 96]
    ]);
    assert.is(gguf.dataOffset % 32, 0);
    assert.is(gguf.parameterCount, 3 + 35 + 24);
    const asF32 = (data: Uint8Array) => new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4);
    assert.equal(asF32(await readGgufTensorData(gguf, "vector")), Float32Array.of(1, -1, 0.5));
    assert.equal(asF32(await readGgufTensorData(gguf, "matrix")), matrix);
    assert.equal(asF32(await readGgufTensorData(gguf, "cube")), big);

    // writing what was read reproduces the same metadata bytes
    const again = path.join(dir, "again.gguf");
    await writeGguf(again, {metadata: gguf.metadata});
    const first = await readFile(file);
    const second = await readFile(again);
    const headerEnd = second.length;
    assert.ok(first.subarray(24, headerEnd).equals(second.subarray(24, headerEnd)), "metadata bytes identical");
});

t("typed accessors: numbers (bigints only when safe), strings, string arrays, bools", async () => {
    const file = path.join(dir, "access.gguf");
    await writeGguf(file, {metadata: allTypes});
    const gguf = await readGguf(file);
    assert.is(gguf.architecture, "llama");
    assert.is(gguf.getNumber("t.uint32"), 4294967295);
    assert.is(gguf.getNumber("t.int64"), undefined, "-2^63 is not a safe integer");
    assert.is(gguf.getNumber("t.string"), undefined);
    assert.is(gguf.getBool("t.bool.true"), true);
    assert.equal(gguf.getStringArray("t.array.string")?.slice(0, 3), ["", "a", "ü"]);
    assert.is(gguf.getStringArray("t.array.int32"), undefined);
    assert.is(gguf.tensors.length, 0);
    assert.is(gguf.dataOffset, gguf.fileSize, "no tensors: no padding after the metadata");
    assert.equal(GgufValue.toJSON(gguf.get("t.array.uint64") as GgufValue), ["0", "18446744073709551615"]);
    assert.equal(GgufValue.toJSON(gguf.get("t.array.int8") as GgufValue), [-128, 0, 127]);
    assert.is(GgufValue.toJSON(gguf.get("t.int64") as GgufValue), "-9223372036854775808");
});

t("custom general.alignment is honoured by writer and reader", async () => {
    const file = path.join(dir, "aligned.gguf");
    await writeGguf(file, {
        metadata: [["general.alignment", GgufValue.uint32(256)]],
        tensors: [{name: "a", shape: [3], data: Float32Array.of(1, 2, 3)}, {name: "b", shape: [2], data: Float32Array.of(4, 5)}]
    });
    const gguf = await readGguf(file);
    assert.is(gguf.alignment, 256);
    assert.is(gguf.dataOffset % 256, 0);
    assert.equal(gguf.tensors.map((tensor) => tensor.offset), [0, 256]);
    assert.is(gguf.fileSize, gguf.dataOffset + 512, "each tensor padded to the alignment");
});

async function expectError(file: string, code: string, pattern: RegExp): Promise<void> {
    try {
        await readGguf(file);
    } catch (error) {
        assert.instance(error, GgufError);
        assert.is((error as GgufError).code, code, (error as Error).message);
        assert.match((error as Error).message, file, "the message names the file");
        assert.match((error as Error).message, pattern);
        assert.is((error as GgufError).context.file, file);
        return;
    }
    assert.unreachable(`${file} should not read`);
}

t("missing file, folder, empty and non-GGUF files give clear errors", async () => {
    await expectError(path.join(dir, "missing.gguf"), "gguf_not_found", /no such file/);
    await mkdir(path.join(dir, "folder.gguf"));
    await expectError(path.join(dir, "folder.gguf"), "gguf_not_found", /not a regular file/);
    await writeFile(path.join(dir, "empty.gguf"), "");
    await expectError(path.join(dir, "empty.gguf"), "gguf_not_gguf", /empty/);
    await writeFile(path.join(dir, "text.gguf"), "hello, this is not a model");
    await expectError(path.join(dir, "text.gguf"), "gguf_not_gguf", /starts with "hell", expected "GGUF"/);
    await writeFile(path.join(dir, "short.gguf"), "GG");
    await expectError(path.join(dir, "short.gguf"), "gguf_truncated", /the magic/);
});

t("a file cut anywhere gives gguf_truncated with where it ends", async () => {
    const file = path.join(dir, "whole.gguf");
    await writeGguf(file, {
        metadata: allTypes,
        tensors: [{name: "w", shape: [64, 4], data: ramp(256, 0.01)}]
    });
    const whole = await readFile(file);
    const gguf = await readGguf(file);
    const cuts: [number, RegExp][] = [
        [10, /header/],
        [30, /metadata entry 0|general\.architecture/],
        [200, /metadata entry \d+|"t\./],
        [gguf.dataOffset - 20, /tensor "w"/],
        [gguf.dataOffset + 100, /tensor "w" ends at byte \d+, but the file has only \d+ bytes/],
        [whole.length - 4 - (whole.length - gguf.dataOffset - 1024), /tensor "w"/]
    ];
    for (const [length, pattern] of cuts) {
        const cut = path.join(dir, `cut-${length}.gguf`);
        await writeFile(cut, whole.subarray(0, length));
        await expectError(cut, "gguf_truncated", pattern);
        await expectError(cut, "gguf_truncated", new RegExp(`only ${length} bytes`));
    }
});

t("format violations are gguf_invalid: version, value type, alignment, offsets", async () => {
    const file = path.join(dir, "base.gguf");
    await writeGguf(file, {metadata: [["a", GgufValue.uint32(1)]], tensors: [{name: "w", shape: [4], data: new Float32Array(4)}]});
    const base = await readFile(file);
    const patched = async (name: string, patch: (bytes: Buffer) => void): Promise<string> => {
        const copy = Buffer.from(base);
        patch(copy);
        const target = path.join(dir, name);
        await writeFile(target, copy);
        return target;
    };
    await expectError(await patched("v1.gguf", (b) => b.writeUInt32LE(1, 4)), "gguf_invalid", /unsupported GGUF version 1/);
    await expectError(await patched("be.gguf", (b) => b.writeUInt32BE(3, 4)), "gguf_invalid", /big-endian/);
    // key "a" (8 + 1 bytes) starts at 24, its type at 33
    await expectError(await patched("type.gguf", (b) => b.writeInt32LE(99, 33)), "gguf_invalid", /"a" has unknown type 99/);
    const tensorType = 24 + 9 + 4 + 4 + 8 + 1 + 4 + 8;
    await expectError(await patched("ttype.gguf", (b) => b.writeInt32LE(4, tensorType)), "gguf_invalid", /unknown ggml type 4/);
    await expectError(await patched("offset.gguf", (b) => b.writeBigUInt64LE(32n, tensorType + 4)), "gguf_invalid", /offset 32, expected 0/);

    // the writer refuses a bad general.alignment, so rename another key into it
    const badAlignment = async (name: string, value: GgufValue): Promise<string> => {
        const target = path.join(dir, name);
        await writeGguf(target, {metadata: [["general.alignmenX", value]]});
        const bytes = await readFile(target);
        bytes[8 + 8 + 8 + 8 + "general.alignmen".length] = "t".charCodeAt(0);
        await writeFile(target, bytes);
        return target;
    };
    await expectError(await badAlignment("align64.gguf", GgufValue.uint64(64n)), "gguf_invalid", /general.alignment must be a uint32, not uint64/);
    await expectError(await badAlignment("align48.gguf", GgufValue.uint32(48)), "gguf_invalid", /general.alignment 48 is not a power of 2/);
    const notUtf8 = path.join(dir, "utf8.gguf");
    await writeGguf(notUtf8, {metadata: [["s", GgufValue.string("ab")]]});
    const bytes = await readFile(notUtf8);
    bytes[bytes.length - 1] = 0xff;
    await writeFile(notUtf8, bytes);
    await expectError(notUtf8, "gguf_invalid", /not valid UTF-8/);
});

t.run();
