import type {AssistantOutput} from "../protocol/AssistantOutput.js";
import type {ToolCall} from "../protocol/ChatMessage.js";
import {canonicalCallSet} from "../refine/canonicalCallSet.js";
import type {SynthItem} from "../synth/SynthItem.js";

function expectedOutput(item: SynthItem): AssistantOutput {
    if ("text" in item.answer) return {kind: "text", text: item.answer.text};
    return {kind: "calls", calls: item.answer.calls.map((call) => ({name: call.name, argumentsText: JSON.stringify(call.arguments)}))};
}

function producedOutput(toolCalls: readonly ToolCall[], content: string | null): AssistantOutput {
    if (toolCalls.length === 0) return {kind: "text", text: content ?? ""};
    return {kind: "calls", calls: toolCalls.map((call) => ({name: call.function.name, argumentsText: call.function.arguments}))};
}

/**
 * Whether an answer (a `CallResult`'s `tool_calls` and `content`) is the item's expected answer:
 * the same canonical call set (`canonicalCallSet`: argument order, number spelling and the order of
 * parallel calls do not matter, repeated calls do), or any text where text is expected.
 */
export function synthAnswerMatches(item: SynthItem, toolCalls: readonly ToolCall[], content: string | null): boolean {
    return canonicalCallSet(producedOutput(toolCalls, content)) === canonicalCallSet(expectedOutput(item));
}
