import type {GgufFile} from "./GgufFile.js";
import {llamaFileTypeName} from "./llamaFileTypeName.js";
import {readGguf} from "./readGguf.js";

export interface SpecialToken {
    id: number;
    /** The token's text, or null when the id is outside the vocabulary. */
    text: string | null;
}

/** What `model inspect` reports about a GGUF model (or vocabulary) file. */
export interface ModelInspection {
    file: string;
    bytes: number;
    ggufVersion: number;
    architecture: string | null;
    name: string | null;
    /** `general.file_type` and its llama.cpp name ("F32", "Q4_K_M"...). */
    fileType: {id: number, name: string} | null;
    params: number;
    tensors: number;
    /** Number of tensors of each ggml type. */
    tensorTypes: Record<string, number>;
    /** `<arch>.block_count`, `embedding_length`, `attention.head_count(_kv)`, `feed_forward_length`, `context_length`. */
    layers: number | null;
    dim: number | null;
    heads: number | null;
    kvHeads: number | null;
    ffn: number | null;
    ctx: number | null;
    /** Whether the file has no `output.weight` and so uses `token_embd.weight` for the output. */
    tiedEmbeddings: boolean | null;
    tokenizer: {
        model: string;
        pre: string | null;
        vocabSize: number;
        addBos: boolean | null;
        addEos: boolean | null;
        /** bos, eos, eot, eom, unk, sep, pad, mask: the ids the file declares. */
        specialTokens: Record<string, SpecialToken>;
        /** Number of tokens typed control (3) or user-defined (4). */
        controlTokens: number;
    } | null;
    chatTemplate: {
        lines: number;
        chars: number;
        /** The first lines (each cut at 200 characters). */
        head: string[];
        /** Other named templates (`tokenizer.chat_template.NAME`). */
        named: string[];
    } | null;
}

const headLines = 5;
const maxLineLength = 200;
const specialTokenKeys: Record<string, string> = {
    bos: "bos_token_id", eos: "eos_token_id", eot: "eot_token_id", eom: "eom_token_id", unk: "unknown_token_id",
    sep: "separator_token_id", pad: "padding_token_id", mask: "mask_token_id"
};

/** Reads a GGUF file's header and summarizes it. Throws `GgufError` for missing, truncated or non-GGUF files. */
export async function inspectModel(filePath: string): Promise<ModelInspection> {
    return summarizeGguf(await readGguf(filePath));
}

/** The summary of an already read GGUF header. */
export function summarizeGguf(gguf: GgufFile): ModelInspection {
    const arch = gguf.architecture ?? null;
    const archNumber = (key: string): number | null => arch === null ? null : gguf.getNumber(`${arch}.${key}`) ?? null;
    const fileTypeId = gguf.getNumber("general.file_type");
    const tensorTypes: Record<string, number> = {};
    for (const tensor of gguf.tensors) tensorTypes[tensor.typeName] = (tensorTypes[tensor.typeName] ?? 0) + 1;
    const heads = archNumber("attention.head_count");

    let tokenizer: ModelInspection["tokenizer"] = null;
    const tokens = gguf.getStringArray("tokenizer.ggml.tokens");
    const tokenizerModel = gguf.getString("tokenizer.ggml.model");
    if (tokenizerModel !== undefined) {
        const specialTokens: Record<string, SpecialToken> = {};
        for (const [label, key] of Object.entries(specialTokenKeys)) {
            const id = gguf.getNumber(`tokenizer.ggml.${key}`);
            if (id !== undefined) specialTokens[label] = {id, text: tokens?.[id] ?? null};
        }
        const types = gguf.get("tokenizer.ggml.token_type");
        let controlTokens = 0;
        if (types?.type === "array" && types.itemType === "int32") for (const type of types.value) if (type === 3 || type === 4) controlTokens++;
        tokenizer = {
            model: tokenizerModel,
            pre: gguf.getString("tokenizer.ggml.pre") ?? null,
            vocabSize: tokens?.length ?? 0,
            addBos: gguf.getBool("tokenizer.ggml.add_bos_token") ?? null,
            addEos: gguf.getBool("tokenizer.ggml.add_eos_token") ?? null,
            specialTokens,
            controlTokens
        };
    }

    const template = gguf.getString("tokenizer.chat_template");
    const named = [...gguf.metadata.keys()].filter((key) => key.startsWith("tokenizer.chat_template.")).map((key) => key.slice("tokenizer.chat_template.".length));
    let chatTemplate: ModelInspection["chatTemplate"] = null;
    if (template !== undefined || named.length > 0) {
        const lines = (template ?? "").split("\n");
        chatTemplate = {
            lines: template === undefined ? 0 : lines.length,
            chars: template?.length ?? 0,
            head: template === undefined ? [] : lines.slice(0, headLines).map((line) => line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line),
            named
        };
    }

    return {
        file: gguf.path ?? "",
        bytes: gguf.fileSize,
        ggufVersion: gguf.version,
        architecture: arch,
        name: gguf.getString("general.name") ?? null,
        fileType: fileTypeId === undefined ? null : {id: fileTypeId, name: llamaFileTypeName(fileTypeId)},
        params: gguf.parameterCount,
        tensors: gguf.tensors.length,
        tensorTypes,
        layers: archNumber("block_count"),
        dim: archNumber("embedding_length"),
        heads,
        kvHeads: archNumber("attention.head_count_kv") ?? heads,
        ffn: archNumber("feed_forward_length"),
        ctx: archNumber("context_length"),
        tiedEmbeddings: gguf.tensors.length === 0 ? null : gguf.tensor("output.weight") === undefined && gguf.tensor("token_embd.weight") !== undefined,
        tokenizer,
        chatTemplate
    };
}
