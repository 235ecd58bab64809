import type {ToolCall} from "../protocol/ChatMessage.js";
import type {RefinementStop} from "../refine/runRefinement.js";

export type RoundReport = {
    round: number,
    tool_calls: ToolCall[],
    content: string | null,
    /** Prompt tokens evaluated in this round (token meter), cached prefix excluded. */
    inputTokens: number,
    /** Tokens sampled in this round (token meter). */
    outputTokens: number,
    ms: number
};

/** The answer to a request: the final round's calls or text, every round, why the loop stopped, and the model file. */
export type CallResult = {
    tool_calls: ToolCall[],
    content: string | null,
    rounds: RoundReport[],
    stop: RefinementStop,
    model: string
};
