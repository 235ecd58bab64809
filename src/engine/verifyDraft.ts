import type {ControlledEvaluateInputItem, LlamaContextSequence, Token} from "node-llama-cpp";
import type {GrammarProbe} from "./GrammarProbe.js";
import {DraftMargins} from "./DraftMargins.js";
import {greedyChoice} from "./greedyChoice.js";
import {VocabularyIndex} from "./VocabularyIndex.js";

/**
 * Draft tokens evaluated in the first batch after the input; while every token is confirmed, each
 * following batch takes DRAFT_CHUNK_GROWTH times more. A draft refuted early (a refined call
 * usually departs from the previous one at an argument value) wastes few positions, and a draft
 * reproduced whole costs a few evaluations: six for 100 tokens (the input, 4, 16, 32, 32, the rest).
 */
export const FIRST_DRAFT_CHUNK = 4;
export const DRAFT_CHUNK_GROWTH = 4;
/**
 * The largest batch of draft tokens. With stock llama.cpp on the CPU, batches of up to 63 tokens give
 * logits bit-identical to one-token steps (one thread), while a batch of 64 or more takes another
 * flash-attention kernel and moves them by up to 0.21 on the default model. With this project's
 * llama.cpp patch (native/patches/llama-fa-rows.diff, applied by the local build) every batch size
 * is bit-identical; 32 keeps prebuilt binaries exact too, and a larger batch saves little.
 */
export const MAX_DRAFT_CHUNK = 32;
/** Logits ranked at each draft position checked while margins are not zero (a sort of the vocabulary per position). */
export const RANKED_LOGITS = 128;

export type DraftVerification = {
    /** Leading draft tokens greedy decoding reproduces; all of them when the turn reproduces the draft. */
    accepted: number,
    /**
     * Whether the context's batches give logits bit-identical to one-token steps (DraftMargins.exact) and the check used
     * that: the accepted tokens' cache entries are then those plain decoding would have left, and decoding may go on
     * after them.
     */
    exact: boolean,
    /** The first output token, decided from the input's logits alone (exactly as plain decoding), or undefined when they could not be ranked. */
    first: Token | undefined
};

/**
 * Exact checks that had to evaluate a position again (rankAgain) rank every later position of the
 * draft, for vocabularies up to this size (a sort of the vocabulary per position: about 0.2 ms for
 * 4,096 tokens, against a batch position of 0.5 to 1.2 ms and a few wasted ones per evaluation again).
 */
export const RANK_ALL_MAX_VOCABULARY = 32768;

/** A position ranked again names every token the grammar allows there, up to this many (besides its top logits). */
export const RANK_AGAIN_MAX_NAMED = 2048;

type PositionRequest = {generateNext: {token?: boolean, logits?: {filter: {tokens: Token[], includeTop?: number}}, options?: {temperature: number}}};

/**
 * Checks whether greedy decoding reproduces a draft of the output (usually the previous refinement
 * round's output) without evaluating it one token at a time. The input is evaluated first exactly
 * as plain decoding evaluates it (one batch, logits at its last token), so the first output token
 * is decided from the very logits plain decoding samples from. When it is the draft's first token,
 * the draft follows in growing batches, and each further draft token is accepted where greedy
 * decoding provably picks it from the batch's logits.
 *
 * Greedy decoding under a grammar picks the allowed token with the highest logit, the lowest id
 * among equal ones (node-llama-cpp takes the model's own greedy token when the grammar allows it,
 * else applies the grammar: the same token). `probe`, a grammar state before the output that is
 * advanced here over the accepted draft tokens, says which tokens are allowed; without a grammar
 * every token is. Each position lists the logits of the draft token and of the tokens that spell
 * the beginning of the draft's remaining text (VocabularyIndex.prefixTokens): where the grammar
 * forces a literal such as a property name and the model prefers another token, those are the
 * tokens the grammar allows; positions where the grammar allows only a few tokens (a tool name,
 * a closing bracket) list all of them, found on a copy of the probe that follows the draft
 * (VocabularyIndex.allowedTokensIfFew), for the next batch while the current one is evaluated on
 * node-llama-cpp's native thread. Where the margins of the context are zero (batches measured
 * bit-identical to one-token steps, DraftMargins.exact), a position also gives the model's own
 * greedy token: accepted when the grammar allows it, else the best allowed token is decided from
 * the named logits when every allowed token is among them; a position where neither holds (the
 * grammar refuses the greedy token among many allowed ones, common in weak models) is evaluated
 * again alone, which gives the same logits, with its top logits ranked, and the next batch starts
 * after it; the check's later positions then come ranked from their batches (RANK_ALL_MAX_VOCABULARY).
 * In other contexts the top RANKED_LOGITS logits are ranked and a choice must clear the
 * margins (greedyChoice).
 *
 * The margins come from `margins`, which measures the differences on the context itself: until it
 * is calibrated (and then now and again), the whole draft is evaluated in batches (whatever the
 * decisions), then again one token at a time (replacing the batched positions in the sequence),
 * and both logits of every position are reported to it. Such a check costs about one plain
 * decoding of the draft on top of the batches.
 *
 * A draft accepted whole leaves the sequence holding the input and all draft tokens but the last
 * (as plain decoding would); otherwise the caller erases the draft tokens evaluated (everything
 * after the input) and generates from `first`.
 */
export async function verifyDraft(sequence: LlamaContextSequence, input: readonly Token[], draft: readonly Token[], options: {
    /** Whether a grammar constrains the output; then `probe` is required. */
    constrained: boolean,
    probe?: GrammarProbe,
    firstChunk?: number,
    rankTop?: number,
    /** The context's decision margins; without it, conservative margins that are never calibrated. */
    margins?: DraftMargins
}): Promise<DraftVerification> {
    const {probe, firstChunk = FIRST_DRAFT_CHUNK, rankTop = RANKED_LOGITS} = options;
    if (input.length === 0 || draft.length === 0 || (options.constrained && probe == null)) return {accepted: 0, exact: false, first: undefined};
    const allowed = (token: Token): boolean => probe == null || probe.allows(token);
    const calibration = options.margins ?? new DraftMargins({positions: Number.POSITIVE_INFINITY});
    const margins = calibration.current();
    const vocabulary = sequence.model.fileInfo.metadata.tokenizer?.ggml?.tokens;
    const size = Array.isArray(vocabulary) ? vocabulary.length : 0;
    const topCount = size > 0 ? Math.min(Math.max(2, rankTop), size) : Math.max(2, rankTop);
    const calibrating = calibration.measureNextCheck();
    // Measuring checks rank the top of every position, so that both evaluations list the same tokens to compare.
    const exact = calibration.exact && !calibrating;
    const index = probe != null ? VocabularyIndex.for(sequence.model) : undefined;
    // Positions whose grammar allows only a few tokens, with those tokens: found in draft order, whatever the decisions, on a
    // copy of the probe that follows the draft, up to the end of the batch to come (and, while a batch is evaluated on the
    // native side, up to the end of the next one: that work overlaps the evaluation).
    const fewAllowed = new Map<number, Set<Token>>();
    let ahead = probe != null && index != null ? probe.clone() : undefined;
    let fewNext = 0;
    const findFewAllowed = (to: number): void => {
        for (; ahead != null && index != null && fewNext <= Math.min(to, draft.length - 1); fewNext++) {
            const few = index.allowedTokensIfFew(ahead);
            if (few != null) fewAllowed.set(fewNext, few);
            if (!ahead.accept([draft[fewNext]!])) ahead = undefined;
        }
    };
    // Lets node-llama-cpp dispatch an evaluation to its native thread, finds the few allowed tokens up to position `upTo`
    // meanwhile (an evaluation that fails is reported by the final await), then waits for the evaluation.
    const evaluateWhileFinding = async <T>(evaluation: Promise<T>, upTo: number): Promise<T> => {
        evaluation.catch(() => undefined);
        await new Promise<void>((resolve) => setImmediate(resolve));
        findFewAllowed(upTo);
        return await evaluation;
    };
    // Exact checks rank every position once one had to be ranked again (see rankAgain), where the vocabulary is small enough
    // for a sort per position to cost less than evaluating again.
    let rankAll = false;
    // The tokens whose logits a ranked position asks for by name: the draft token, the tokens that spell the beginning of the
    // draft's remaining text, the few allowed ones where known, and `more`.
    const namedAt = (position: number, more: Iterable<Token> = []): Token[] =>
        [...new Set([draft[position]!, ...index?.prefixTokens(index.textOf(draft, position)) ?? [], ...fewAllowed.get(position) ?? [], ...more])];
    const requestFor = (position: number): PositionRequest => {
        if (exact && !rankAll) {
            // The model's own greedy token, and the logits of the few allowed tokens where the grammar narrows the choice.
            const few = fewAllowed.get(position);
            return few == null ? {generateNext: {token: true}} : {generateNext: {token: true, logits: {filter: {tokens: [...new Set([draft[position]!, ...few])]}}}};
        }
        return {generateNext: {...exact ? {token: true} : {}, logits: {filter: {tokens: namedAt(position), includeTop: topCount}}, options: {temperature: 0}}};
    };
    // A choice from ranked logits (the top `topCount`, highest first, then the tokens asked for by name) that clears the margins;
    // where none does, every token the grammar allows here (`allowedHere` when already listed) decides if all have a logit in hand.
    const decideRanked = (logits: ReadonlyMap<Token, number>, decisionMargins: typeof margins, allowedHere?: Set<Token>): Token | undefined => {
        const entries = [...logits];
        const ranked = entries.slice(0, topCount);
        const extras = entries.slice(topCount);
        const complete = size > 0 && topCount >= size;
        const choice = greedyChoice(ranked, allowed, {...decisionMargins, complete, extras});
        if (choice !== undefined || probe == null || index == null) return choice;
        // Undecided: nothing hides below the top when every allowed token has its logit in hand.
        const allowedSet = allowedHere ?? index.allowedTokens(probe);
        return allowedSet == null ? undefined : greedyChoice(ranked, allowed, {...decisionMargins, complete, extras, allowedSet});
    };
    const decide = (position: number, greedy: Token | null | undefined, logits: ReadonlyMap<Token, number> | undefined): Token | undefined => {
        if (exact) {
            // The model's own greedy token (the first maximum in id order) is plain decoding's choice wherever the grammar allows it;
            // elsewhere the best allowed token, when every allowed token has its logit in hand.
            if (greedy == null) return undefined;
            if (allowed(greedy)) return greedy;
            const allowedSet = fewAllowed.get(position);
            if (allowedSet != null) return logits == null ? undefined : greedyChoice([], allowed, {margin: 0, extras: logits, allowedSet});
            return rankAll && logits != null ? decideRanked(logits, {margin: 0, relativeMargin: 0}) : undefined;
        }
        return logits == null ? undefined : decideRanked(logits, margins);
    };
    // Exact checks only: a position whose greedy token the grammar refuses, among many allowed tokens, is evaluated again alone
    // (bit-identical logits) with its top logits ranked. The sequence holds `at` tokens before it; `token` is the one to evaluate.
    const rankAgain = async (at: number, token: Token, position: number): Promise<Token | undefined> => {
        await sequence.eraseContextTokenRanges([{start: at, end: sequence.nextTokenIndex}]);
        // Every token the grammar allows here is named too where they are not too many (digits of a number, say), so that the
        // best of them is known even when none of them ranks near the top.
        const allowedHere = probe != null ? index?.allowedTokens(probe) : undefined;
        const named = namedAt(position, allowedHere != null && allowedHere.size <= RANK_AGAIN_MAX_NAMED ? allowedHere : []);
        const [result] = await sequence.controlledEvaluate([[token, {generateNext: {logits: {filter: {tokens: named, includeTop: topCount}}, options: {temperature: 0}}}]]);
        return result?.next.logits == null ? undefined : decideRanked(result.next.logits, {margin: 0, relativeMargin: 0}, allowedHere);
    };
    const refusedGreedy = (greedy: Token | null | undefined, position: number): boolean =>
        exact && greedy != null && !allowed(greedy) && !fewAllowed.has(position);

    // The input's last logits are exactly those plain decoding samples the first token from (the same batch): decided
    // with no margin, from the model's greedy token where exact, else from the whole vocabulary ranked (one sort: about
    // 1 ms for 4k tokens), so that a token the grammar forces is found too.
    if (exact) findFewAllowed(0);
    const inputRequest = exact ? requestFor(0) : {generateNext: {logits: {filter: {tokens: [] as Token[], includeTop: size > 0 ? size : topCount}}, options: {temperature: 0}}};
    const inputResults = await evaluateWhileFinding(
        sequence.controlledEvaluate(input.map((token, i): ControlledEvaluateInputItem => i === input.length - 1 ? [token, inputRequest] : token)), Math.max(1, firstChunk));
    const inputResult = inputResults[input.length - 1]?.next;
    let first = exact ? decide(0, inputResult?.token, inputResult?.logits)
        : inputResult?.logits == null ? undefined : greedyChoice(inputResult.logits, allowed, {margin: 0, complete: size > 0 && inputResult.logits.size >= size});
    if (first === undefined && refusedGreedy(inputResult?.token, 0)) first = await rankAgain(sequence.nextTokenIndex - 1, input[input.length - 1]!, 0);
    if (first === undefined || first !== draft[0]) return {accepted: 0, exact, first};
    if (probe != null && !probe.accept([first])) return {accepted: 0, exact, first};

    let accepted = 1;
    let refuted = false;
    const start = sequence.nextTokenIndex;
    const batched: {request: ControlledEvaluateInputItem, logits: ReadonlyMap<Token, number>}[] = [];
    // While calibrating, the whole draft is evaluated (every batched position is compared), whatever the decisions.
    for (let chunk = Math.max(1, firstChunk), next = 1; next < draft.length && (!refuted || calibrating); chunk = Math.min(MAX_DRAFT_CHUNK, chunk * DRAFT_CHUNK_GROWTH)) {
        // draft[next - 1] is in the sequence's history once evaluated here; the batch runs to the draft's last token but one.
        const from = next - 1;
        const end = Math.min(draft.length - 1, from + chunk);
        if (!refuted) findFewAllowed(end);
        const items = draft.slice(from, end).map((token, i): ControlledEvaluateInputItem => [token, requestFor(from + i + 1)]);
        next += items.length;
        const results = refuted ? await sequence.controlledEvaluate(items)
            : await evaluateWhileFinding(sequence.controlledEvaluate(items), end + Math.min(MAX_DRAFT_CHUNK, chunk * DRAFT_CHUNK_GROWTH));
        for (const [i, result] of results.entries()) {
            const logits = result?.next.logits;
            if (calibrating && logits != null) batched.push({request: items[i]!, logits});
            if (refuted) continue;
            const position = from + i + 1;
            let choice = decide(position, result?.next.token, logits);
            let rankedAlone = false;
            if (choice === undefined && refusedGreedy(result?.next.token, position)) {
                // The batch's later positions are dropped; the next batch starts after this one.
                choice = await rankAgain(sequence.nextTokenIndex - items.length + i, draft[from + i]!, position);
                rankedAlone = true;
                rankAll = size > 0 && size <= RANK_ALL_MAX_VOCABULARY;
            }
            if (choice === undefined || choice !== draft[accepted] || (probe != null && !probe.accept([choice]))) refuted = true;
            else accepted++;
            if (rankedAlone) {
                next = position + 1;
                break;
            }
        }
    }
    if (calibrating && batched.length > 0 && batched.length === sequence.nextTokenIndex - start) {
        // The same tokens again, one per step as plain decoding evaluates them: the sequence ends up as plain decoding leaves it.
        await sequence.eraseContextTokenRanges([{start, end: sequence.nextTokenIndex}]);
        for (const {request, logits} of batched) {
            const [result] = await sequence.controlledEvaluate([request]);
            const oneToken = result?.next.logits;
            if (oneToken != null) calibration.observe(logits, oneToken);
        }
    }
    return {accepted, exact, first};
}
