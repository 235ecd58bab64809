import {open} from "node:fs/promises";
import {GgufError} from "./GgufError.js";
import type {GgufFile} from "./GgufFile.js";

/**
 * The raw bytes of one tensor of a file read with `readGguf` (for F32 tensors, view them with
 * `new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)`).
 */
export async function readGgufTensorData(gguf: GgufFile, name: string): Promise<Uint8Array> {
    const file = gguf.path;
    const tensor = gguf.tensor(name);
    if (file === undefined) throw new GgufError("gguf_io", "the GGUF header was not read from a file", {});
    if (tensor === undefined) throw new GgufError("gguf_invalid", `${file}: no tensor named "${name}"`, {file, tensor: name});
    const bytes = new Uint8Array(tensor.byteSize);
    const handle = await open(file, "r");
    try {
        let done = 0;
        while (done < bytes.length) {
            const {bytesRead} = await handle.read(bytes, done, bytes.length - done, gguf.dataOffset + tensor.offset + done);
            if (bytesRead === 0) {
                throw new GgufError("gguf_truncated", `${file}: the data of tensor "${name}" is cut short (the file changed since it was read?)`, {file, tensor: name});
            }
            done += bytesRead;
        }
    } finally {
        await handle.close();
    }
    return bytes;
}
