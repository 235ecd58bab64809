import type {ChatMessage} from "../protocol/ChatMessage.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";

/**
 * Messages as chat templates expect them (transformers' documented form): OpenAI messages whose
 * history tool calls carry their `arguments` as an object parsed from the JSON string.
 * `nullContent: false` gives an assistant turn without text an empty string instead of null.
 */
export function templateMessages(messages: readonly ChatMessage[], nullContent = true): Record<string, unknown>[] {
    return messages.map((message) => {
        if (message.role !== "assistant") return {...message};
        const calls = message.tool_calls ?? [];
        const content = message.content ?? (nullContent ? null : "");
        if (calls.length === 0) return {role: "assistant", content: content ?? ""};
        return {
            role: "assistant",
            content,
            tool_calls: calls.map((call) => ({id: call.id, type: "function", function: {name: call.function.name, arguments: parseArguments(call.function.arguments)}}))
        };
    });
}

function parseArguments(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** Tools as OpenAI tool objects, the form `apply_chat_template(tools=…)` passes on. */
export function templateTools(tools: readonly ToolDefinition[]): Record<string, unknown>[] {
    return tools.map((tool) => ({type: "function", function: {name: tool.name, description: tool.description, parameters: tool.parameters}}));
}
