import {chatTemplates} from "../model/chatTemplates.js";
import {GgufValue} from "../model/GgufValue.js";
import {writeGguf} from "../model/writeGguf.js";
import type {BpeVocabulary} from "./trainBpe.js";
import {chatmlSpecialTokens} from "./chatmlSpecialTokens.js";
import {PRE_TOKENIZER} from "./preTokenize.js";

/** llama.cpp's token types (llama_token_type). */
const tokenType = {normal: 1, control: 3, userDefined: 4} as const;

export interface TokenizerGgufInfo {
    path: string;
    bytes: number;
    /** Tokens in the file: the learned ones then the special ones. */
    size: number;
    merges: number;
    /** Ids of the special tokens. */
    specialIds: Record<string, number>;
    bos: number;
    eos: number;
    eot: number;
}

/**
 * Writes a vocabulary-only GGUF (no tensors) that llama.cpp loads as a "gpt2" byte-level BPE
 * tokenizer with the `refact` pre-tokenizer: the learned tokens, then ChatML's control tokens
 * (`<|endoftext|>` = BOS and padding, `<|im_start|>`, `<|im_end|>` = EOS and EOT) and the Hermes
 * tool-call tags as user-defined tokens, the merges, and the ChatML chat template. It carries
 * placeholder llama hyper-parameters so it loads on its own (`vocabOnly`); `initModel` copies
 * only its `tokenizer.*` keys. Written atomically.
 */
export async function writeTokenizerGguf(out: string, vocabulary: BpeVocabulary, name = `toolace-r-bpe-${vocabulary.tokens.length + chatmlSpecialTokens.all.length}`): Promise<TokenizerGgufInfo> {
    const tokens = [...vocabulary.tokens];
    const types: number[] = tokens.map(() => tokenType.normal);
    const specialIds: Record<string, number> = {};
    for (const text of chatmlSpecialTokens.all) {
        specialIds[text] = tokens.length;
        tokens.push(text);
        types.push((chatmlSpecialTokens.control as readonly string[]).includes(text) ? tokenType.control : tokenType.userDefined);
    }
    const bos = specialIds[chatmlSpecialTokens.endOfText]!;
    const eos = specialIds[chatmlSpecialTokens.imEnd]!;
    const metadata: [string, GgufValue][] = [
        ["general.architecture", GgufValue.string("llama")],
        ["general.name", GgufValue.string(name)],
        ["llama.context_length", GgufValue.uint32(2048)],
        ["llama.embedding_length", GgufValue.uint32(64)],
        ["llama.block_count", GgufValue.uint32(1)],
        ["llama.feed_forward_length", GgufValue.uint32(128)],
        ["llama.attention.head_count", GgufValue.uint32(1)],
        ["llama.attention.layer_norm_rms_epsilon", GgufValue.float32(1e-5)],
        ["tokenizer.ggml.model", GgufValue.string("gpt2")],
        ["tokenizer.ggml.pre", GgufValue.string(PRE_TOKENIZER)],
        ["tokenizer.ggml.tokens", GgufValue.array("string", tokens)],
        ["tokenizer.ggml.token_type", GgufValue.array("int32", Int32Array.from(types))],
        ["tokenizer.ggml.merges", GgufValue.array("string", [...vocabulary.merges])],
        ["tokenizer.ggml.bos_token_id", GgufValue.uint32(bos)],
        ["tokenizer.ggml.eos_token_id", GgufValue.uint32(eos)],
        ["tokenizer.ggml.eot_token_id", GgufValue.uint32(eos)],
        ["tokenizer.ggml.padding_token_id", GgufValue.uint32(bos)],
        ["tokenizer.ggml.add_bos_token", GgufValue.bool(true)],
        ["tokenizer.ggml.add_eos_token", GgufValue.bool(false)],
        ["tokenizer.chat_template", GgufValue.string(chatTemplates.chatml.template)]
    ];
    const {bytes} = await writeGguf(out, {metadata});
    return {path: out, bytes, size: tokens.length, merges: vocabulary.merges.length, specialIds, bos, eos, eot: eos};
}
