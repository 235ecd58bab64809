import type {LlamaModel, Token} from "node-llama-cpp";
import {type Segment, mergeSegments} from "../protocol/Segment.js";

/**
 * Tokenizes rendered segments one run at a time (control text with special tokens parsed, user
 * text without), so inference and training produce identical token sequences. `trainMask[i]`
 * marks tokens of model output. `bos` prepends the model's BOS token when the model wants one.
 */
export function tokenizeSegments(model: LlamaModel, segments: readonly Segment[], options: {bos: boolean}): {tokens: Token[], trainMask: boolean[]} {
    const tokens: Token[] = [];
    const trainMask: boolean[] = [];
    const bos = model.tokens.bos;
    if (options.bos && bos != null && model.tokens.shouldPrependBosToken) {
        tokens.push(bos);
        trainMask.push(false);
    }
    for (const segment of mergeSegments(segments)) {
        const piece = model.tokenize(segment.text, segment.special);
        for (const token of piece) {
            tokens.push(token);
            trainMask.push(segment.train);
        }
    }
    return {tokens, trainMask};
}
