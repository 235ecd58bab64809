import {randomBytes} from "node:crypto";
import {open, rename, unlink, type FileHandle} from "node:fs/promises";
import {endianness} from "node:os";
import path from "node:path";
import {GgufError} from "./GgufError.js";
import {ggufTypeIds, GgufValue} from "./GgufValue.js";

/** Float32 chunks of a tensor's data, in order; lets a writer stream a large tensor. */
export type Float32Chunks = Iterable<Float32Array> | AsyncIterable<Float32Array>;

/** An F32 tensor to write. */
export interface GgufTensorInput {
    name: string;
    /** Sizes in ggml order (`shape[0]` is the innermost dimension, ggml's `ne[0]`), 1 to 4 dimensions. */
    shape: readonly number[];
    /**
     * The elements, `shape` product of them: all at once, or a function returning chunks that the
     * writer pulls one by one while writing (so a model never has to exist as one Buffer).
     */
    data: Float32Array | (() => Float32Chunks);
}

export interface GgufWriteInput {
    /** Metadata in the order it is written. `general.alignment` (uint32, power of 2) sets the alignment. */
    metadata: ReadonlyMap<string, GgufValue> | Iterable<readonly [string, GgufValue]>;
    tensors?: readonly GgufTensorInput[];
}

const maxTensorName = 64;
const textEncoder = new TextEncoder();

/**
 * Writes a GGUF v3 file: metadata with the exact types given, then F32 tensors (data aligned to
 * `general.alignment`, default 32, each tensor padded like ggml's writer does). The file appears
 * atomically: it is written to a temporary file in the same folder, flushed to disk, then renamed
 * over `filePath`; on any failure the temporary file is removed and `filePath` is untouched.
 * Returns the number of bytes written. Throws `GgufError` (`gguf_invalid_value`, `gguf_io`).
 */
export async function writeGguf(filePath: string, input: GgufWriteInput): Promise<{bytes: number}> {
    if (endianness() !== "LE") throw new GgufError("gguf_io", "writing GGUF files needs a little-endian machine");
    const metadata = [...input.metadata];
    const tensors = input.tensors ?? [];
    const header = encodeHeader(metadata, tensors);

    const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    let handle: FileHandle | undefined;
    try {
        handle = await open(temp, "wx");
        const out = new BufferedWriter(handle);
        await out.write(header.bytes);
        for (const tensor of tensors) {
            await writeTensorData(out, tensor);
            await out.write(new Uint8Array(padding(out.position - header.bytes.length, header.alignment)));
        }
        await out.flush();
        await handle.sync();
        await handle.close();
        handle = undefined;
        await rename(temp, filePath);
        return {bytes: out.position};
    } catch (error) {
        if (handle !== undefined) await handle.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
        if (error instanceof GgufError) throw error;
        throw new GgufError("gguf_io", `${filePath}: cannot write: ${(error as Error).message}`, {file: filePath}, {cause: error});
    }
}

function padding(n: number, alignment: number): number {
    return (alignment - (n % alignment)) % alignment;
}

function elementCount(tensor: GgufTensorInput): number {
    return tensor.shape.reduce((product, size) => product * size, 1);
}

function encodeHeader(metadata: (readonly [string, GgufValue])[], tensors: readonly GgufTensorInput[]): {bytes: Uint8Array, alignment: number} {
    const out = new ByteBuilder();
    out.raw(textEncoder.encode("GGUF"));
    out.u32(3);
    out.u64(BigInt(tensors.length));
    out.u64(BigInt(metadata.length));

    let alignment = 32;
    const keys = new Set<string>();
    for (const [key, value] of metadata) {
        if (key.length === 0) throw new GgufError("gguf_invalid_value", "a metadata key is empty", {});
        if (keys.has(key)) throw new GgufError("gguf_invalid_value", `duplicate metadata key "${key}"`, {key});
        keys.add(key);
        GgufValue.check(key, value);
        if (key === "general.alignment") {
            if (value.type !== "uint32" || value.value === 0 || (value.value & (value.value - 1)) !== 0) {
                throw new GgufError("gguf_invalid_value", "general.alignment must be a uint32 power of 2", {key});
            }
            alignment = value.value;
        }
        out.string(key);
        writeValue(out, value);
    }

    const names = new Set<string>();
    let offset = 0;
    for (const tensor of tensors) {
        const fail = (problem: string): never => {
            throw new GgufError("gguf_invalid_value", `tensor "${tensor.name}": ${problem}`, {tensor: tensor.name});
        };
        if (tensor.name.length === 0 || textEncoder.encode(tensor.name).length >= maxTensorName) fail(`the name must have 1 to ${maxTensorName - 1} bytes`);
        if (names.has(tensor.name)) fail("duplicate tensor name");
        names.add(tensor.name);
        if (tensor.shape.length < 1 || tensor.shape.length > 4) fail(`${tensor.shape.length} dimensions (1 to 4 allowed)`);
        if (tensor.shape.some((size) => !Number.isSafeInteger(size) || size < 1)) fail(`invalid shape [${tensor.shape.join(", ")}]`);
        if (tensor.data instanceof Float32Array && tensor.data.length !== elementCount(tensor)) {
            fail(`shape [${tensor.shape.join(", ")}] needs ${elementCount(tensor)} elements, the data has ${tensor.data.length}`);
        }
        out.string(tensor.name);
        out.u32(tensor.shape.length);
        for (const size of tensor.shape) out.u64(BigInt(size));
        out.u32(0); // GGML_TYPE_F32
        out.u64(BigInt(offset));
        offset += elementCount(tensor) * 4;
        offset += padding(offset, alignment);
    }
    if (tensors.length > 0) out.raw(new Uint8Array(padding(out.length, alignment)));
    return {bytes: out.finish(), alignment};
}

function writeValue(out: ByteBuilder, value: GgufValue): void {
    if (value.type !== "array") {
        out.i32(ggufTypeIds[value.type]);
        writeScalar(out, value);
        return;
    }
    out.i32(ggufTypeIds.array);
    out.i32(ggufTypeIds[value.itemType]);
    out.u64(BigInt(value.value.length));
    if (value.itemType === "string") {
        for (const item of value.value) out.string(item);
    } else if (value.itemType === "bool") {
        out.raw(Uint8Array.from(value.value, (item) => item ? 1 : 0));
    } else {
        const items = value.value;
        out.raw(new Uint8Array(items.buffer, items.byteOffset, items.byteLength));
    }
}

function writeScalar(out: ByteBuilder, value: Exclude<GgufValue, {type: "array"}>): void {
    const scratch = Buffer.alloc(8);
    switch (value.type) {
        case "uint8": scratch.writeUInt8(value.value); return out.raw(scratch.subarray(0, 1));
        case "int8": scratch.writeInt8(value.value); return out.raw(scratch.subarray(0, 1));
        case "uint16": scratch.writeUInt16LE(value.value); return out.raw(scratch.subarray(0, 2));
        case "int16": scratch.writeInt16LE(value.value); return out.raw(scratch.subarray(0, 2));
        case "uint32": return out.u32(value.value);
        case "int32": return out.i32(value.value);
        case "float32": scratch.writeFloatLE(value.value); return out.raw(scratch.subarray(0, 4));
        case "float64": scratch.writeDoubleLE(value.value); return out.raw(scratch.subarray(0, 8));
        case "uint64": return out.u64(value.value);
        case "int64": scratch.writeBigInt64LE(value.value); return out.raw(scratch.subarray(0, 8));
        case "bool": return out.raw(Uint8Array.of(value.value ? 1 : 0));
        case "string": return out.string(value.value);
    }
}

async function writeTensorData(out: BufferedWriter, tensor: GgufTensorInput): Promise<void> {
    const expected = elementCount(tensor);
    let written = 0;
    const chunks: Float32Chunks = tensor.data instanceof Float32Array ? [tensor.data] : tensor.data();
    for await (const chunk of chunks) {
        if (!(chunk instanceof Float32Array)) {
            throw new GgufError("gguf_invalid_value", `tensor "${tensor.name}": data chunks must be Float32Arrays`, {tensor: tensor.name});
        }
        written += chunk.length;
        if (written > expected) break;
        await out.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    if (written !== expected) {
        throw new GgufError(
            "gguf_invalid_value",
            `tensor "${tensor.name}": shape [${tensor.shape.join(", ")}] needs ${expected} elements, the data had ${written > expected ? "more" : written}`,
            {tensor: tensor.name}
        );
    }
}

/** Growable in-memory byte sink for the header. */
class ByteBuilder {
    private buffer = Buffer.alloc(64 * 1024);
    public length = 0;

    private reserve(n: number): void {
        if (this.length + n <= this.buffer.length) return;
        const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + n));
        this.buffer.copy(next, 0, 0, this.length);
        this.buffer = next;
    }

    public raw(bytes: Uint8Array): void {
        this.reserve(bytes.length);
        this.buffer.set(bytes, this.length);
        this.length += bytes.length;
    }

    public u32(n: number): void {
        this.reserve(4);
        this.length = this.buffer.writeUInt32LE(n, this.length);
    }

    public i32(n: number): void {
        this.reserve(4);
        this.length = this.buffer.writeInt32LE(n, this.length);
    }

    public u64(n: bigint): void {
        this.reserve(8);
        this.length = this.buffer.writeBigUInt64LE(n, this.length);
    }

    public string(text: string): void {
        const byteLength = Buffer.byteLength(text, "utf8");
        this.u64(BigInt(byteLength));
        this.reserve(byteLength);
        this.length += this.buffer.write(text, this.length, "utf8");
    }

    public finish(): Uint8Array {
        return this.buffer.subarray(0, this.length);
    }
}

/** Coalesces small writes into 4 MiB blocks and writes large ones straight through. */
class BufferedWriter {
    private readonly block = Buffer.alloc(4 * 1024 * 1024);
    private used = 0;
    public position = 0;

    public constructor(private readonly handle: FileHandle) {}

    public async write(bytes: Uint8Array): Promise<void> {
        this.position += bytes.length;
        if (this.used + bytes.length <= this.block.length) {
            this.block.set(bytes, this.used);
            this.used += bytes.length;
            return;
        }
        await this.flush();
        if (bytes.length >= this.block.length) {
            await writeAll(this.handle, bytes);
        } else {
            this.block.set(bytes, 0);
            this.used = bytes.length;
        }
    }

    public async flush(): Promise<void> {
        if (this.used === 0) return;
        await writeAll(this.handle, this.block.subarray(0, this.used));
        this.used = 0;
    }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
        const {bytesWritten} = await handle.write(bytes, done, bytes.length - done);
        done += bytesWritten;
    }
}
