import type {GgmlTypeName} from "./GgmlType.js";
import {GgufValue} from "./GgufValue.js";

/** One tensor described in a GGUF file's header. */
export interface GgufTensorInfo {
    name: string;
    /** Sizes in ggml order: `shape[0]` is the innermost (contiguous) dimension, `ne[0]` in ggml. */
    shape: number[];
    /** ggml type id (0 = F32) and its name. */
    type: number;
    typeName: GgmlTypeName;
    /** Byte offset of the data relative to the start of the data section. */
    offset: number;
    /** Bytes of data (without alignment padding). */
    byteSize: number;
    /** Number of elements (product of the shape). */
    elements: number;
}

/** The parsed header of a GGUF file: version, typed metadata in file order, tensor infos. */
export class GgufFile {
    public readonly path: string | undefined;
    public readonly version: number;
    public readonly metadata: ReadonlyMap<string, GgufValue>;
    public readonly tensors: readonly GgufTensorInfo[];
    /** Alignment of the data section (`general.alignment`, 32 when absent). */
    public readonly alignment: number;
    /** Absolute byte offset of the tensor data section. */
    public readonly dataOffset: number;
    /** Size of the file in bytes. */
    public readonly fileSize: number;

    public constructor(fields: {
        path?: string, version: number, metadata: ReadonlyMap<string, GgufValue>, tensors: readonly GgufTensorInfo[],
        alignment: number, dataOffset: number, fileSize: number
    }) {
        this.path = fields.path;
        this.version = fields.version;
        this.metadata = fields.metadata;
        this.tensors = fields.tensors;
        this.alignment = fields.alignment;
        this.dataOffset = fields.dataOffset;
        this.fileSize = fields.fileSize;
    }

    public get(key: string): GgufValue | undefined {
        return this.metadata.get(key);
    }

    /** A numeric scalar as a number (see `GgufValue.toNumber`), undefined when absent or not numeric. */
    public getNumber(key: string): number | undefined {
        return GgufValue.toNumber(this.metadata.get(key));
    }

    public getString(key: string): string | undefined {
        const value = this.metadata.get(key);
        return value?.type === "string" ? value.value : undefined;
    }

    public getBool(key: string): boolean | undefined {
        const value = this.metadata.get(key);
        return value?.type === "bool" ? value.value : undefined;
    }

    /** An array of strings (e.g. `tokenizer.ggml.tokens`), undefined when absent or of another type. */
    public getStringArray(key: string): readonly string[] | undefined {
        const value = this.metadata.get(key);
        return value?.type === "array" && value.itemType === "string" ? value.value : undefined;
    }

    /** `general.architecture`, e.g. "llama". */
    public get architecture(): string | undefined {
        return this.getString("general.architecture");
    }

    /** Total number of tensor elements (the parameter count of a model). */
    public get parameterCount(): number {
        return this.tensors.reduce((sum, tensor) => sum + tensor.elements, 0);
    }

    public tensor(name: string): GgufTensorInfo | undefined {
        return this.tensors.find((tensor) => tensor.name === name);
    }
}
