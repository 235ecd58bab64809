import type {LlamaModel, Token} from "node-llama-cpp";
import {type Segment, mergeSegments} from "../protocol/Segment.js";

/**
 * Whether the model's tokenizer puts a space before text it tokenizes (SentencePiece vocabularies
 * with `add_space_prefix`, the default of the `llama` tokenizer model in llama.cpp).
 */
function addsSpacePrefix(model: LlamaModel): boolean {
    const ggml = (model.fileInfo.metadata as {tokenizer?: {ggml?: {model?: unknown, add_space_prefix?: unknown}}}).tokenizer?.ggml;
    return ggml?.model === "llama" && ggml.add_space_prefix !== false;
}

/**
 * Tokenizes `text` as the continuation of plain text: after a newline, whose tokens are then
 * dropped (the space prefix goes before the newline). Falls back to plain tokenization when the
 * newline's tokens do not come out first. (node-llama-cpp's "trimLeadingSpace" keeps the prefix
 * of special-token runs: its check reads the space count back through detokenize, which drops it.)
 */
function tokenizeWithoutSpacePrefix(model: LlamaModel, text: string, special: boolean): Token[] {
    const newline = model.tokenize("\n", special);
    const tokens = model.tokenize(`\n${text}`, special);
    if (newline.length > 0 && newline.every((token, index) => tokens[index] === token)) return tokens.slice(newline.length);
    return model.tokenize(text, special);
}

/**
 * Tokenizes rendered segments one run at a time (control text with special tokens parsed, user
 * text without), so inference and training produce identical token sequences. `trainMask[i]`
 * marks tokens of model output. `bos` prepends the model's BOS token when the model wants one.
 *
 * The runs are tokenized as llama.cpp tokenizes the whole rendered text: a SentencePiece
 * tokenizer that adds a space prefix adds it at the start and after a special token only, so a
 * run that continues plain text is tokenized without that space. Without `bos` the segments continue
 * a sequence whose last token is special (an end-of-turn token, in every use), so the first run
 * keeps the prefix.
 */
export function tokenizeSegments(model: LlamaModel, segments: readonly Segment[], options: {bos: boolean}): {tokens: Token[], trainMask: boolean[]} {
    const tokens: Token[] = [];
    const trainMask: boolean[] = [];
    const bos = model.tokens.bos;
    if (options.bos && bos != null && model.tokens.shouldPrependBosToken) {
        tokens.push(bos);
        trainMask.push(false);
    }
    const spacePrefix = addsSpacePrefix(model);
    let textBefore = false;
    for (const segment of mergeSegments(segments)) {
        const last = tokens[tokens.length - 1];
        const continuesText = spacePrefix && textBefore && !(last !== undefined && model.isSpecialToken(last));
        const piece = continuesText ? tokenizeWithoutSpacePrefix(model, segment.text, segment.special) : model.tokenize(segment.text, segment.special);
        for (const token of piece) {
            tokens.push(token);
            trainMask.push(segment.train);
        }
        if (piece.length > 0) textBefore = true;
    }
    return {tokens, trainMask};
}
