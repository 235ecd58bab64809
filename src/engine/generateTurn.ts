import {InputLookupTokenPredictor, type LlamaContextSequence, type LlamaGrammar, LlamaGrammarEvaluationState, type Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";

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
    ended: "eog" | "length",
    /** Token-meter figures of this turn: prompt positions evaluated, and positions that produced logits (one per sampled token). */
    inputTokens: number,
    outputTokens: number,
    /** Context positions reused from the sequence's KV cache. */
    reusedTokens: number,
    ms: number
};

/**
 * Generates one assistant turn on a context sequence whose full token history should be `tokens`.
 * The longest prefix already in the sequence's KV cache is kept; only the rest is evaluated
 * (a refinement round thus evaluates only its new tokens). Generation ends at an
 * end-of-generation token (allowed by the grammar only once the output is complete) or at `maxTokens`.
 */
export async function generateTurn(sequence: LlamaContextSequence, tokens: readonly Token[], options: {
    grammar?: LlamaGrammar,
    maxTokens: number,
    sampling?: SamplingOptions,
    /** Tokens the output is likely to copy (the previous round's output, or the prompt): drafts for the sequence's token predictor. */
    draftSource?: readonly Token[],
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

    if (options.draftSource != null && sequence.tokenPredictor instanceof InputLookupTokenPredictor)
        sequence.tokenPredictor.updateInputTokens([...options.draftSource]);
    const {temperature = 0, seed, topK, topP} = options.sampling ?? {};
    const generated: Token[] = [];
    let ended: TurnResult["ended"] = "length";
    const iterator = sequence.evaluate(tokens.slice(reuse), {
        temperature, seed, topK, topP,
        grammarEvaluationState: options.grammar != null ? new LlamaGrammarEvaluationState({model, grammar: options.grammar}) : undefined,
        yieldEogToken: true
    });
    try {
        for await (const token of iterator) {
            generated.push(token);
            if (model.isEogToken(token)) {
                ended = "eog";
                break;
            }
            if (generated.length >= options.maxTokens || options.signal?.aborted) break;
        }
    } finally {
        await iterator.return();
    }
    const meter = sequence.tokenMeter.diff(meterBefore);
    const textTokens = ended === "eog" ? generated.slice(0, -1) : generated;
    return {
        generated,
        text: model.detokenize(textTokens, true),
        ended,
        inputTokens: meter.usedInputTokens,
        outputTokens: meter.usedOutputTokens,
        reusedTokens: reuse,
        ms: performance.now() - started
    };
}
