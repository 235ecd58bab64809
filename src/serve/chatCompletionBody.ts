import type {CallResult, RoundReport} from "../engine/CallResult.js";

/** Who answered: the response's `id`, `created` (seconds) and `model`. */
export type CompletionMeta = {id: string, created: number, model: string};

export type OpenAiUsage = {prompt_tokens: number, completion_tokens: number, total_tokens: number, prompt_tokens_details: {cached_tokens: number}};

/**
 * OpenAI's usage figures of a request, all refinement rounds together: `prompt_tokens` is the
 * conversation's prompt (round 0), of which `cached_tokens` came from the KV cache of an earlier
 * request; `completion_tokens` counts every token sampled in every round.
 */
export function openAiUsage(result: CallResult): OpenAiUsage {
    const {promptTokens, completionTokens, cachedTokens} = result.usage;
    return {prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens, prompt_tokens_details: {cached_tokens: cachedTokens}};
}

/** The `toolace_r` extension of a response: every round (calls, tokens, ms), why refinement stopped, what was evaluated, and the final calls' schema violations (see RelaxedKeyword) when there are any. */
export function toolaceExtension(result: CallResult, format: string): {rounds: RoundReport[], stop: string, format: string, evaluated_tokens: number, violations?: CallResult["violations"]} {
    return {rounds: result.rounds, stop: result.stop, format, evaluated_tokens: result.usage.evaluatedTokens, ...(result.violations !== undefined ? {violations: result.violations} : {})};
}

/** The body of a non-streamed chat completion. */
export function chatCompletionBody(meta: CompletionMeta, result: CallResult, format: string): Record<string, unknown> {
    const message: Record<string, unknown> = {role: "assistant", content: result.content, refusal: null};
    if (result.tool_calls.length > 0) message.tool_calls = result.tool_calls;
    return {
        id: meta.id,
        object: "chat.completion",
        created: meta.created,
        model: meta.model,
        choices: [{index: 0, message, finish_reason: result.finish_reason, logprobs: null}],
        usage: openAiUsage(result),
        system_fingerprint: null,
        toolace_r: toolaceExtension(result, format)
    };
}
