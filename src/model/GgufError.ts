import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A GGUF file could not be read or written. Codes:
 * - `gguf_not_found`: the file does not exist (or is not a regular file);
 * - `gguf_not_gguf`: the file does not start with the `GGUF` magic;
 * - `gguf_truncated`: the file ends before the structure it announces (header, metadata, tensor data);
 * - `gguf_invalid`: the bytes are a GGUF but violate the format (bad version, type, alignment, offsets...);
 * - `gguf_invalid_value`: a value or tensor handed to the writer cannot be encoded;
 * - `gguf_io`: the operating system refused a read or write.
 * `details.file` names the file whenever one is involved, `details.offset` the byte where reading failed.
 */
export class GgufError extends ToolaceError {}
