import type {ToolCall} from "../protocol/ChatMessage.js";
import type {RefinementStop} from "../refine/runRefinement.js";

/** A call that breaks its tool's original schema where the grammar relaxed it (see RelaxedKeyword): the call's index and how. */
export type CallViolation = {call: number, tool: string, errors: string[]};

export type RoundReport = {
    round: number,
    tool_calls: ToolCall[],
    content: string | null,
    /** Prompt tokens evaluated in this round (token meter), cached prefix excluded. */
    inputTokens: number,
    /** Tokens sampled in this round (token meter). */
    outputTokens: number,
    ms: number,
    /** Calls of this round that break their tool's original schema (present only when some do). */
    violations?: CallViolation[]
};

/** Token counts of a whole request, all rounds together. */
export type CallUsage = {
    /** Tokens of the conversation's prompt (round 0), BOS included. */
    promptTokens: number,
    /** Of them, tokens reused from the sequence's KV cache (a prefix shared with an earlier request). */
    cachedTokens: number,
    /** Tokens sampled in all rounds (end-of-turn tokens included). */
    completionTokens: number,
    /** Prompt positions evaluated in all rounds (refinement turns included, cached prefix excluded). */
    evaluatedTokens: number
};

/** Why the final round ended: a call or a finished text (`tool_calls`, `stop`), a stop sequence (`stop`), or `max_tokens` in a text (`length`). */
export type FinishReason = "tool_calls" | "stop" | "length";

/** The answer to a request: the final round's calls or text, every round, why the loop stopped, and the model file. */
export type CallResult = {
    tool_calls: ToolCall[],
    content: string | null,
    rounds: RoundReport[],
    stop: RefinementStop,
    model: string,
    finish_reason: FinishReason,
    usage: CallUsage,
    /** The final round's calls that break their tool's original schema (present only when some do; see RoundReport). */
    violations?: CallViolation[]
};
