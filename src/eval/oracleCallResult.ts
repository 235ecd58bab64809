import type {CallResult} from "../engine/CallResult.js";
import type {ToolCall} from "../protocol/ChatMessage.js";

/**
 * A one-round {@link CallResult} carrying given calls or text, as an oracle's answer: it then
 * goes through the same decoding and scoring as a model's. Ids are positional, tokens and time
 * zero, `model` is `"oracle"`.
 */
export function oracleCallResult(answer: {readonly calls: readonly {name: string, arguments: string}[]} | {readonly text: string}): CallResult {
    const toolCalls: ToolCall[] = "calls" in answer
        ? answer.calls.map((call, index) => ({id: `oracle_${index}`, type: "function", function: {name: call.name, arguments: call.arguments}}))
        : [];
    const content = "text" in answer ? answer.text : null;
    return {
        tool_calls: toolCalls,
        content,
        rounds: [{round: 0, tool_calls: toolCalls, content, inputTokens: 0, outputTokens: 0, ms: 0}],
        stop: "off",
        model: "oracle",
        finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
        usage: {promptTokens: 0, cachedTokens: 0, completionTokens: 0, evaluatedTokens: 0}
    };
}
