import {open, stat, type FileHandle} from "node:fs/promises";
import {endianness} from "node:os";
import {ggmlTypeById} from "./GgmlType.js";
import {GgufError} from "./GgufError.js";
import {GgufFile, type GgufTensorInfo} from "./GgufFile.js";
import {ggufTypeIds, type GgufScalarType, type GgufValue} from "./GgufValue.js";

const chunkSize = 4 * 1024 * 1024;
/** ggml's GGML_MAX_NAME: tensor names must be shorter. */
const maxTensorName = 64;
const maxDims = 4;
const typeNames = new Map<number, keyof typeof ggufTypeIds>(
    (Object.entries(ggufTypeIds) as [keyof typeof ggufTypeIds, number][]).map(([name, id]) => [id, name])
);
const itemSizes: Record<Exclude<GgufScalarType, "string">, number> = {
    uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, float32: 4, bool: 1, uint64: 8, int64: 8, float64: 8
};
const utf8 = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true});

/**
 * Reads the header of a GGUF (v2/v3, little-endian) file: every metadata key with its exact type,
 * and the tensor infos. Tensor data is not read (see `readGgufTensorData`); the file is read in
 * chunks, so a multi-gigabyte model costs only the size of its header. Checks what llama.cpp's
 * gguf.cpp checks (magic, version, types, alignment, contiguous tensor offsets) and that the file
 * is long enough for every tensor. Throws `GgufError` (`gguf_not_found`, `gguf_not_gguf`,
 * `gguf_truncated`, `gguf_invalid`, `gguf_io`) naming the file.
 */
export async function readGguf(filePath: string): Promise<GgufFile> {
    if (endianness() !== "LE") throw new GgufError("gguf_io", "reading GGUF files needs a little-endian machine", {file: filePath});
    let size: number;
    try {
        const info = await stat(filePath);
        if (!info.isFile()) throw new GgufError("gguf_not_found", `${filePath}: not a regular file`, {file: filePath});
        size = info.size;
    } catch (error) {
        if (error instanceof GgufError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") throw new GgufError("gguf_not_found", `${filePath}: no such file`, {file: filePath});
        throw new GgufError("gguf_io", `${filePath}: ${(error as Error).message}`, {file: filePath}, {cause: error});
    }
    let handle: FileHandle;
    try {
        handle = await open(filePath, "r");
    } catch (error) {
        throw new GgufError("gguf_io", `${filePath}: ${(error as Error).message}`, {file: filePath}, {cause: error});
    }
    try {
        return await parse(new Cursor(handle, size, filePath), filePath);
    } finally {
        await handle.close();
    }
}

class Cursor {
    private buffer = Buffer.alloc(0);
    private bufferStart = 0;
    /** Absolute offset of the next byte to read. */
    public pos = 0;

    public constructor(private readonly handle: FileHandle, public readonly size: number, private readonly file: string) {}

    public has(n: number): boolean {
        return this.pos + n <= this.bufferStart + this.buffer.length;
    }

    public truncated(what: string, needed: number, atLeast = false): GgufError {
        return new GgufError(
            "gguf_truncated",
            `${this.file}: truncated GGUF file: ${what} needs ${atLeast ? "at least " : ""}${needed} bytes from offset ${this.pos}, but the file has only ${this.size} bytes`,
            {file: this.file, offset: this.pos, fileSize: this.size}
        );
    }

    public invalid(problem: string, offset = this.pos): GgufError {
        return new GgufError("gguf_invalid", `${this.file}: invalid GGUF: ${problem} (at offset ${offset})`, {file: this.file, offset});
    }

    /** Makes the next `n` bytes available in the buffer. */
    public async fill(n: number, what: string): Promise<void> {
        if (this.has(n)) return;
        if (this.size - this.pos < n) throw this.truncated(what, n);
        const length = Math.min(Math.max(n, chunkSize), this.size - this.pos);
        const buffer = Buffer.allocUnsafe(length);
        let read = 0;
        try {
            while (read < length) {
                const {bytesRead} = await this.handle.read(buffer, read, length - read, this.pos + read);
                if (bytesRead === 0) break;
                read += bytesRead;
            }
        } catch (error) {
            throw new GgufError("gguf_io", `${this.file}: ${(error as Error).message}`, {file: this.file}, {cause: error});
        }
        if (read < n) throw this.truncated(what, n);
        this.buffer = buffer.subarray(0, read);
        this.bufferStart = this.pos;
    }

    /** The next `n` bytes (a view into the buffer; `fill(n)` must have been awaited). */
    public take(n: number): Buffer {
        const start = this.pos - this.bufferStart;
        this.pos += n;
        return this.buffer.subarray(start, start + n);
    }

    public u32(): number {
        return this.take(4).readUInt32LE(0);
    }

    public i32(): number {
        return this.take(4).readInt32LE(0);
    }

    public u64(): bigint {
        return this.take(8).readBigUInt64LE(0);
    }

    public i64(): bigint {
        return this.take(8).readBigInt64LE(0);
    }

    public async string(what: string): Promise<string> {
        if (!this.has(8)) await this.fill(8, `the length of ${what}`);
        const start = this.pos;
        const length = this.u64();
        if (length > BigInt(this.size - this.pos)) {
            this.pos = start + 8;
            throw this.truncated(what, length > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(length));
        }
        const n = Number(length);
        if (!this.has(n)) await this.fill(n, what);
        const bytes = this.take(n);
        try {
            return utf8.decode(bytes);
        } catch {
            throw this.invalid(`${what} is not valid UTF-8`, start);
        }
    }
}

async function parse(cursor: Cursor, file: string): Promise<GgufFile> {
    if (cursor.size === 0) throw new GgufError("gguf_not_gguf", `${file}: not a GGUF file (the file is empty)`, {file});
    const head = Math.min(4, cursor.size);
    if (head > 0) await cursor.fill(head, "the magic");
    const magic = cursor.take(head);
    if (!magic.equals(Buffer.from("GGUF").subarray(0, head))) {
        const shown = JSON.stringify(magic.toString("latin1"));
        throw new GgufError("gguf_not_gguf", `${file}: not a GGUF file (starts with ${shown}, expected "GGUF")`, {file});
    }
    if (head < 4) {
        cursor.pos = 0;
        throw cursor.truncated("the magic", 4);
    }

    await cursor.fill(4 + 8 + 8, "the header (version, tensor count, metadata count)");
    const version = cursor.u32();
    if ((version & 0xffff) === 0 && version !== 0) throw cursor.invalid(`version ${version} looks byte-swapped: big-endian GGUF files are not supported`, 4);
    if (version !== 2 && version !== 3) throw cursor.invalid(`unsupported GGUF version ${version} (supported: 2, 3)`, 4);
    const tensorCount = cursor.i64();
    const kvCount = cursor.i64();
    // Counts past 2^32 are garbage; smaller ones that the file is too short for are reported as truncation below.
    if (tensorCount < 0n || tensorCount > 0xffffffffn) throw cursor.invalid(`impossible tensor count ${tensorCount}`, 8);
    if (kvCount < 0n || kvCount > 0xffffffffn) throw cursor.invalid(`impossible metadata count ${kvCount}`, 16);

    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < Number(kvCount); i++) {
        const keyOffset = cursor.pos;
        const key = await cursor.string(`the key of metadata entry ${i}`);
        if (key.length === 0) throw cursor.invalid(`metadata entry ${i} has an empty key`, keyOffset);
        if (metadata.has(key)) throw cursor.invalid(`duplicate metadata key "${key}"`, keyOffset);
        metadata.set(key, await readValue(cursor, key));
    }

    let alignment = 32;
    const alignmentValue = metadata.get("general.alignment");
    if (alignmentValue !== undefined) {
        if (alignmentValue.type !== "uint32") throw cursor.invalid(`general.alignment must be a uint32, not ${alignmentValue.type}`);
        alignment = alignmentValue.value;
        if (alignment === 0 || (alignment & (alignment - 1)) !== 0) throw cursor.invalid(`general.alignment ${alignment} is not a power of 2`);
    }

    const tensors: GgufTensorInfo[] = [];
    const names = new Set<string>();
    for (let i = 0; i < Number(tensorCount); i++) {
        const nameOffset = cursor.pos;
        const name = await cursor.string(`the name of tensor ${i}`);
        if (Buffer.byteLength(name) >= maxTensorName) throw cursor.invalid(`tensor name "${name}" is longer than ${maxTensorName - 1} bytes`, nameOffset);
        if (names.has(name)) throw cursor.invalid(`duplicate tensor name "${name}"`, nameOffset);
        names.add(name);
        await cursor.fill(4, `the dimension count of tensor "${name}"`);
        const dims = cursor.u32();
        if (dims > maxDims) throw cursor.invalid(`tensor "${name}" has ${dims} dimensions (at most ${maxDims})`);
        await cursor.fill(8 * dims + 4 + 8, `the shape, type and offset of tensor "${name}"`);
        const shape: number[] = [];
        let elements = 1;
        for (let d = 0; d < dims; d++) {
            const size = cursor.i64();
            if (size < 0n || size > BigInt(Number.MAX_SAFE_INTEGER)) throw cursor.invalid(`tensor "${name}" has dimension ${d} of size ${size}`);
            shape.push(Number(size));
            elements *= Number(size);
        }
        if (!Number.isSafeInteger(elements)) throw cursor.invalid(`tensor "${name}" has too many elements`);
        const type = cursor.i32();
        const typeInfo = ggmlTypeById(type);
        if (typeInfo === undefined) throw cursor.invalid(`tensor "${name}" has unknown ggml type ${type}`);
        const rowLength = shape[0] ?? 1;
        if (rowLength % typeInfo.blockSize !== 0) {
            throw cursor.invalid(`tensor "${name}" of type ${typeInfo.name} has rows of ${rowLength} elements, not a multiple of ${typeInfo.blockSize}`);
        }
        const offset = cursor.u64();
        if (offset > BigInt(Number.MAX_SAFE_INTEGER)) throw cursor.invalid(`tensor "${name}" has offset ${offset}`);
        tensors.push({
            name, shape, type, typeName: typeInfo.name, offset: Number(offset), elements,
            byteSize: elements / typeInfo.blockSize * typeInfo.typeSize
        });
    }

    const dataOffset = tensors.length > 0 ? alignUp(cursor.pos, alignment) : cursor.pos;
    let expected = 0;
    for (const tensor of tensors) {
        if (tensor.offset !== expected) {
            throw cursor.invalid(`tensor "${tensor.name}" has data offset ${tensor.offset}, expected ${expected} (tensor data must be contiguous and aligned)`);
        }
        const end = dataOffset + tensor.offset + tensor.byteSize;
        if (end > cursor.size) {
            throw new GgufError(
                "gguf_truncated",
                `${file}: truncated GGUF file: the data of tensor "${tensor.name}" ends at byte ${end}, but the file has only ${cursor.size} bytes`,
                {file, offset: dataOffset + tensor.offset, fileSize: cursor.size, tensor: tensor.name}
            );
        }
        expected = alignUp(tensor.offset + tensor.byteSize, alignment);
    }

    return new GgufFile({path: file, version, metadata, tensors, alignment, dataOffset, fileSize: cursor.size});
}

function alignUp(n: number, alignment: number): number {
    return Math.ceil(n / alignment) * alignment;
}

async function readValue(cursor: Cursor, key: string): Promise<GgufValue> {
    await cursor.fill(4, `the type of "${key}"`);
    const typeOffset = cursor.pos;
    const typeId = cursor.i32();
    const type = typeNames.get(typeId);
    if (type === undefined) throw cursor.invalid(`metadata key "${key}" has unknown type ${typeId}`, typeOffset);
    if (type !== "array") return readScalar(cursor, key, type);

    await cursor.fill(4 + 8, `the array header of "${key}"`);
    const itemTypeOffset = cursor.pos;
    const itemType = typeNames.get(cursor.i32());
    if (itemType === undefined || itemType === "array") {
        throw cursor.invalid(`metadata key "${key}" is an array of an invalid type`, itemTypeOffset);
    }
    const countBig = cursor.u64();
    // Each element takes at least its size (a string at least its 8-byte length).
    const minimum = countBig * BigInt(itemType === "string" ? 8 : itemSizes[itemType]);
    if (minimum > BigInt(cursor.size - cursor.pos)) {
        throw cursor.truncated(`the ${countBig} elements of "${key}"`, minimum > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(minimum), itemType === "string");
    }
    const count = Number(countBig);
    if (itemType === "string") {
        const items: string[] = new Array<string>(count);
        for (let i = 0; i < count; i++) items[i] = await cursor.string(`element ${i} of "${key}"`);
        return {type: "array", itemType, value: items};
    }
    const bytes = count * itemSizes[itemType];
    await cursor.fill(bytes, `the ${count} elements of "${key}"`);
    const raw = cursor.take(bytes);
    if (itemType === "bool") return {type: "array", itemType, value: Array.from(raw, (byte) => byte !== 0)};
    // Copy into a fresh, properly aligned buffer (the file buffer may be at any offset).
    const copy = new Uint8Array(bytes);
    copy.set(raw);
    const buffer = copy.buffer;
    switch (itemType) {
        case "uint8": return {type: "array", itemType, value: copy};
        case "int8": return {type: "array", itemType, value: new Int8Array(buffer)};
        case "uint16": return {type: "array", itemType, value: new Uint16Array(buffer)};
        case "int16": return {type: "array", itemType, value: new Int16Array(buffer)};
        case "uint32": return {type: "array", itemType, value: new Uint32Array(buffer)};
        case "int32": return {type: "array", itemType, value: new Int32Array(buffer)};
        case "float32": return {type: "array", itemType, value: new Float32Array(buffer)};
        case "uint64": return {type: "array", itemType, value: new BigUint64Array(buffer)};
        case "int64": return {type: "array", itemType, value: new BigInt64Array(buffer)};
        case "float64": return {type: "array", itemType, value: new Float64Array(buffer)};
    }
}

async function readScalar(cursor: Cursor, key: string, type: GgufScalarType): Promise<GgufValue> {
    if (type === "string") return {type, value: await cursor.string(`the value of "${key}"`)};
    await cursor.fill(itemSizes[type], `the value of "${key}"`);
    const raw = cursor.take(itemSizes[type]);
    switch (type) {
        case "uint8": return {type, value: raw.readUInt8(0)};
        case "int8": return {type, value: raw.readInt8(0)};
        case "uint16": return {type, value: raw.readUInt16LE(0)};
        case "int16": return {type, value: raw.readInt16LE(0)};
        case "uint32": return {type, value: raw.readUInt32LE(0)};
        case "int32": return {type, value: raw.readInt32LE(0)};
        case "float32": return {type, value: raw.readFloatLE(0)};
        case "float64": return {type, value: raw.readDoubleLE(0)};
        case "uint64": return {type, value: raw.readBigUInt64LE(0)};
        case "int64": return {type, value: raw.readBigInt64LE(0)};
        case "bool": return {type, value: raw.readUInt8(0) !== 0};
    }
}
