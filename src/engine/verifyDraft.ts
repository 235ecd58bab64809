import type {ControlledEvaluateInputItem, LlamaContextSequence, Token} from "node-llama-cpp";
import type {GrammarProbe} from "./GrammarProbe.js";
import {greedyChoice} from "./greedyChoice.js";

/**
 * Draft tokens evaluated in the first batch after the input; while every token is confirmed, each
 * following batch takes DRAFT_CHUNK_GROWTH times more. A draft refuted early (a refined call
 * usually departs from the previous one at an argument value) wastes few positions, and a draft
 * reproduced whole costs a few evaluations: five for 100 tokens (the input, 4, 16, 64, the rest).
 */
export const FIRST_DRAFT_CHUNK = 4;
export const DRAFT_CHUNK_GROWTH = 4;
/** Logits ranked at each draft position checked (a sort of the vocabulary per position): the allowed rivals of the draft token are among them or far behind. */
export const RANKED_LOGITS = 128;
/**
 * How far ahead of every allowed rival a draft token's logit v must be for a batch to decide it:
 * DECISION_MARGIN + RELATIVE_DECISION_MARGIN × |v|. Logits of a position evaluated in a batch
 * differ from those of one-token steps (Q8_0 activations round differently): by up to 2.6% of the
 * logit (0.10 near 7.6) in the default model and 0.03 near 1.6 in a random Q8_0 model, measured
 * over 3,000-4,700 positions; two logits can move apart by about twice that.
 */
export const DECISION_MARGIN = 0.05;
export const RELATIVE_DECISION_MARGIN = 0.04;

export type DraftVerification = {
    /** Leading draft tokens greedy decoding reproduces; all of them when the turn reproduces the draft. */
    accepted: number,
    /** The first output token, decided from the input's logits alone (exactly as plain decoding), or undefined when they could not be ranked. */
    first: Token | undefined
};

/**
 * Checks whether greedy decoding reproduces a draft of the output (usually the previous refinement
 * round's output) without evaluating it one token at a time. The input is evaluated first exactly
 * as plain decoding evaluates it (one batch, logits at its last token), so the first output token
 * is decided from the very logits plain decoding samples from. When it is the draft's first token,
 * the draft follows in growing batches, and each further draft token is accepted where greedy
 * decoding picks it with a clear margin (greedyChoice): logits computed in a batch differ slightly
 * from those of one-token steps, so a near tie stops the check.
 *
 * Greedy decoding under a grammar picks the allowed token with the highest logit (node-llama-cpp
 * takes the model's own greedy token when the grammar allows it, else applies the grammar: the same
 * token). `probe`, a grammar state before the output that is advanced here over the accepted draft
 * tokens, says which tokens are allowed; without a grammar every token is. A draft accepted whole
 * leaves the sequence holding the input and all draft tokens but the last (as plain decoding would,
 * up to those last bits); otherwise the caller erases the draft tokens evaluated (everything after
 * the input) and generates from `first`.
 */
export async function verifyDraft(sequence: LlamaContextSequence, input: readonly Token[], draft: readonly Token[], options: {
    /** Whether a grammar constrains the output; then `probe` is required. */
    constrained: boolean,
    probe?: GrammarProbe,
    firstChunk?: number,
    rankTop?: number
}): Promise<DraftVerification> {
    const {probe, firstChunk = FIRST_DRAFT_CHUNK, rankTop = RANKED_LOGITS} = options;
    if (input.length === 0 || draft.length === 0 || (options.constrained && probe == null)) return {accepted: 0, first: undefined};
    const rank = {generateNext: {logits: {filter: {tokens: [] as Token[], includeTop: Math.max(2, rankTop)}}, options: {temperature: 0}}};
    const allowed = (token: Token): boolean => probe == null || probe.allows(token);
    const margins = {margin: DECISION_MARGIN, relativeMargin: RELATIVE_DECISION_MARGIN};

    // The input's last logits are exactly those plain decoding samples the first token from: no margin, and the
    // whole vocabulary ranked (one sort: about 1 ms for 4k tokens), so that a token the grammar forces is found too.
    const vocabulary = sequence.model.fileInfo.metadata.tokenizer?.ggml?.tokens;
    const size = Array.isArray(vocabulary) ? vocabulary.length : 0;
    const whole = {generateNext: {logits: {filter: {tokens: [] as Token[], includeTop: size}}, options: {temperature: 0}}};
    const inputResults = await sequence.controlledEvaluate(input.map((token, i): ControlledEvaluateInputItem =>
        i === input.length - 1 ? [token, size > 0 ? whole : rank] : token));
    const inputLogits = inputResults[input.length - 1]?.next.logits;
    const first = inputLogits == null ? undefined : greedyChoice(inputLogits, allowed, {margin: 0, complete: size > 0 && inputLogits.size >= size});
    if (first === undefined || first !== draft[0]) return {accepted: 0, first};
    if (probe != null && !probe.accept([first])) return {accepted: 0, first};
    let accepted = 1;
    for (let chunk = Math.max(1, firstChunk); accepted < draft.length; chunk *= DRAFT_CHUNK_GROWTH) {
        // draft[accepted - 1] is in the sequence's history once evaluated here; the batch runs to the draft's last token but one.
        const batch = draft.slice(accepted - 1, Math.min(draft.length - 1, accepted - 1 + chunk));
        const results = await sequence.controlledEvaluate(batch.map((token): ControlledEvaluateInputItem => [token, rank]));
        for (const result of results) {
            const logits = result?.next.logits;
            const choice = logits == null ? undefined : greedyChoice(logits, allowed, margins);
            if (choice === undefined || choice !== draft[accepted]) return {accepted, first};
            if (probe != null && !probe.accept([choice])) return {accepted, first};
            accepted++;
        }
    }
    return {accepted, first};
}
