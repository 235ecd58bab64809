import {InputLookupTokenPredictor, type LlamaContextSequence, type LlamaGrammar, LlamaGrammarEvaluationState, type Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import type {DraftMargins} from "./DraftMargins.js";
import {GrammarProbe} from "./GrammarProbe.js";
import {type CallEnvelope, repeatedCallCut} from "./repeatedCallCut.js";
import {verifyDraft} from "./verifyDraft.js";
import {tokensText} from "./tokensText.js";

export type SamplingOptions = {
    /** 0 = greedy (default). */
    temperature?: number,
    seed?: number,
    topK?: number,
    topP?: number
};

export type TurnResult = {
    /** Sampled tokens, the final end-of-generation token included when `ended === "eog"`. */
    generated: Token[],
    /** Detokenized output without the end-of-generation token. */
    text: string,
    /** `stop`: `stopWhen` ended it (a stop sequence); the text is as generated, the stop sequence included. */
    ended: "eog" | "length" | "stop",
    /**
     * Token-meter figures of this turn: prompt positions evaluated, and positions that produced
     * logits (one per sampled token, plus the draft positions a draft check evaluated beyond them).
     */
    inputTokens: number,
    outputTokens: number,
    /** Context positions reused from the sequence's KV cache. */
    reusedTokens: number,
    /**
     * Tokens of `draft` checked (0 when none was), and how many leading ones the check confirmed:
     * all of them when the turn reproduced the draft (otherwise the turn was decoded as usual).
     */
    draftTokens: number,
    draftAccepted: number,
    /** Repeated calls cut off the end of the output (see `stopRepeatedCall`): 0 or 1. */
    repeatsCut: number,
    ms: number
};

/**
 * Generates one assistant turn on a context sequence whose full token history should be `tokens`.
 * The longest prefix already in the sequence's KV cache is kept; only the rest is evaluated
 * (a refinement round thus evaluates only its new tokens). Generation ends at an
 * end-of-generation token (allowed by the grammar only once the output is complete) or at `maxTokens`.
 *
 * With a `draft` and greedy sampling, the new tokens are evaluated as plain decoding would, and
 * the draft after them in a few growing batches (verifyDraft): a turn that reproduces its draft (a
 * refinement round confirming the previous call) costs those evaluations instead of one per
 * token. Where the output departs from the draft, decoding goes on as usual after the draft
 * tokens it reproduces when the context's batches are exact (bit-identical to one-token steps:
 * the cache then holds what plain decoding would have left); otherwise (or where a position is too
 * close a call to decide from batched logits) the batched draft tokens are dropped and the turn is
 * decoded from its first token, which the input's own logits decided. The output is the same
 * tokens either way.
 */
export async function generateTurn(sequence: LlamaContextSequence, tokens: readonly Token[], options: {
    grammar?: LlamaGrammar,
    maxTokens: number,
    sampling?: SamplingOptions,
    /** Tokens the output is likely to copy (the previous round's output, or the prompt): drafts for the sequence's token predictor. */
    draftSource?: readonly Token[],
    /**
     * The output this turn is expected to reproduce, checked in batches when sampling is greedy: a
     * complete or partial output of the same `grammar` (the previous refinement round's `generated`),
     * since its tokens are taken as allowed by the grammar where they stand.
     */
    draft?: readonly Token[],
    /** The decision margins of the sequence's context, calibrated by its draft checks (see DraftMargins); without it, conservative ones. */
    draftMargins?: DraftMargins,
    /**
     * Ends the turn when it writes a call identical to an earlier call of the same turn: the repeat
     * is dropped and the turn ends with `endToken` (the format's end of turn) right after the calls
     * before it, as if the model had stopped there (see repeatedCallCut).
     */
    stopRepeatedCall?: CallEnvelope & {endToken: Token},
    /** Called after each token decoded one step at a time (not after draft tokens a batch confirmed) with the turn's tokens so far; `true` ends the turn there (`ended: "stop"`). */
    stopWhen?: (generated: readonly Token[]) => boolean,
    /** Ends generation at the next token; the turn returns what it has (`ended: "length"` unless it had ended). */
    signal?: AbortSignal
}): Promise<TurnResult> {
    const model = sequence.model;
    if (tokens.length === 0) throw new ToolaceError("empty_prompt", "nothing to evaluate: the rendered prompt has no tokens");
    if (tokens.length + options.maxTokens > sequence.contextSize)
        throw new ToolaceError("context_overflow",
            `the prompt needs ${tokens.length} tokens plus up to ${options.maxTokens} generated tokens, but the context holds ${sequence.contextSize}`,
            {promptTokens: tokens.length, maxTokens: options.maxTokens, contextSize: sequence.contextSize});

    const started = performance.now();
    const meterBefore = sequence.tokenMeter.getState();
    // Keep at least one token to evaluate: its logits give the first sampled token.
    const reuse = Math.min(sequence.compareContextTokens([...tokens]).firstDifferentIndex, tokens.length - 1);
    if (reuse < sequence.nextTokenIndex)
        await sequence.eraseContextTokenRanges([{start: reuse, end: sequence.nextTokenIndex}]);

    const {temperature = 0, seed, topK, topP} = options.sampling ?? {};
    const {grammar, maxTokens} = options;
    const generated: Token[] = [];
    let ended: TurnResult["ended"] | undefined;
    const push = (token: Token): void => {
        generated.push(token);
        if (model.isEogToken(token)) ended = "eog";
        else if (generated.length >= maxTokens) ended = "length";
    };
    // Tokens to evaluate next; the last one's logits give the next token.
    let pending = tokens.slice(reuse);
    let grammarEvaluationState = grammar != null ? new LlamaGrammarEvaluationState({model, grammar}) : undefined;

    const draft = temperature <= 0 && options.signal?.aborted !== true ? (options.draft ?? []).slice(0, maxTokens) : [];
    const probe = draft.length > 0 && grammar != null ? GrammarProbe.create(model, grammar) : undefined;
    let draftAccepted = 0;
    let repeatsCut = 0;
    if (draft.length > 0 && (grammar == null || probe != null)) {
        const start = sequence.nextTokenIndex;
        const check = await verifyDraft(sequence, pending, draft, {constrained: grammar != null, probe, margins: options.draftMargins});
        draftAccepted = check.accepted;
        if (check.accepted === draft.length) {
            for (const token of draft) push(token);
            // A draft without its end-of-generation token (cut by an earlier limit) is continued after its last token.
            if (ended === undefined) {
                pending = [draft[draft.length - 1]!];
                grammarEvaluationState = probe?.state();
            }
        } else if (check.exact && check.accepted > 1) {
            // Exact batches: the accepted tokens are plain decoding's, with its very cache entries; decoding goes on after
            // them (the last accepted token is evaluated again, one step, for the logits of the token that departs).
            await sequence.eraseContextTokenRanges([{start: start + pending.length + check.accepted - 1, end: sequence.nextTokenIndex}]);
            for (const token of draft.slice(0, check.accepted)) push(token);
            if (ended === undefined) {
                pending = [draft[check.accepted - 1]!];
                grammarEvaluationState = probe?.state();
            }
        } else {
            // Plain decoding goes on from the first token, which the input's own logits decided; the draft
            // tokens evaluated in batches are dropped, so every later token comes from one-token steps.
            await sequence.eraseContextTokenRanges([{start: check.first === undefined ? start : start + pending.length, end: sequence.nextTokenIndex}]);
            if (check.first !== undefined) {
                push(check.first);
                pending = [check.first];
                if (grammar != null && ended === undefined) {
                    const afterFirst = GrammarProbe.create(model, grammar);
                    if (afterFirst == null || !afterFirst.accept([check.first]))
                        throw new ToolaceError("internal", "the grammar refused the first token greedy decoding chose under it", {token: check.first});
                    grammarEvaluationState = afterFirst.state();
                }
            }
        }
    }

    if (ended === undefined) {
        if (options.draftSource != null && sequence.tokenPredictor instanceof InputLookupTokenPredictor)
            sequence.tokenPredictor.updateInputTokens([...options.draftSource]);
        const iterator = sequence.evaluate(pending, {temperature, seed, topK, topP, grammarEvaluationState, yieldEogToken: true});
        try {
            const repeat = options.stopRepeatedCall;
            const closing = repeat != null ? repeat.suffix.slice(-1) : undefined;
            for await (const token of iterator) {
                push(token);
                if (ended === undefined && repeat != null && closing !== undefined && model.detokenize([token], true).includes(closing)) {
                    const kept = repeatedCallCut(model, generated, repeat);
                    if (kept !== undefined) {
                        // The cache past the kept tokens is dropped by the next turn's prefix match.
                        generated.splice(0, generated.length, ...kept, repeat.endToken);
                        ended = "eog";
                        repeatsCut = 1;
                    }
                }
                if (ended === undefined && options.stopWhen?.(generated) === true) ended = "stop";
                if (ended !== undefined || options.signal?.aborted) break;
            }
        } finally {
            await iterator.return();
        }
    }
    const meter = sequence.tokenMeter.diff(meterBefore);
    const textTokens = ended === "eog" ? generated.slice(0, -1) : generated;
    return {
        generated,
        text: tokensText(model, textTokens, true),
        ended: ended ?? "length",
        inputTokens: meter.usedInputTokens,
        outputTokens: meter.usedOutputTokens,
        reusedTokens: reuse,
        draftTokens: draft.length,
        draftAccepted,
        repeatsCut,
        ms: performance.now() - started
    };
}
