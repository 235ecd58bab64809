import type {ChatFormat} from "./ChatFormat.js";
import type {ChatMessage} from "./ChatMessage.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {type Segment, control, output} from "./Segment.js";
import {renderAssistantOutput} from "./AssistantOutput.js";
import {formatArguments} from "./formatArguments.js";

export const DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant.";

/** The document a model sees for one tool (OpenAI function-tool JSON). */
export function toolDocument(tool: ToolDefinition): string {
    return JSON.stringify({type: "function", function: {name: tool.name, description: tool.description, parameters: tool.parameters}});
}

/**
 * Renders a conversation for generation: the system turn (with the tools), every message, and
 * the opening of the assistant turn the model writes next. Assistant messages of the history are
 * rendered exactly as the model would have written them (marked `train`), ended by the
 * end-of-turn token. The messages must already be validated.
 */
export function renderPrompt(format: ChatFormat, messages: readonly ChatMessage[], tools: readonly ToolDefinition[]): Segment[] {
    const segments: Segment[] = [];
    const first = messages[0];
    const systemText = first?.role === "system" ? first.content : (tools.length > 0 ? DEFAULT_SYSTEM_PROMPT : undefined);
    if (systemText != null) {
        const withTools = tools.length > 0 ? `${systemText}\n\n${format.toolsPrompt(tools.map(toolDocument))}` : systemText;
        segments.push(...format.turn("system", withTools));
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    for (const [index, message] of messages.entries()) {
        if (index === 0 && message.role === "system") continue;
        if (message.role === "assistant") {
            const calls = message.tool_calls ?? [];
            const text = calls.length > 0
                ? renderAssistantOutput(format, {
                    kind: "calls",
                    calls: calls.map((call) => ({
                        name: call.function.name,
                        argumentsText: formatArguments(byName.get(call.function.name)?.parameters, JSON.parse(call.function.arguments))
                    }))
                })
                : renderAssistantOutput(format, {kind: "text", text: message.content ?? ""});
            segments.push(...format.assistantStart(), output(text), ...assistantTurnEnd(format));
        } else
            segments.push(...format.turn(message.role, message.content));
    }
    segments.push(...format.assistantStart());
    return segments;
}

/** What closes an assistant turn: its end-of-turn token (model output, trained) and the control text after it. */
export function assistantTurnEnd(format: ChatFormat): Segment[] {
    return [output(format.assistantEnd, true), control(format.afterAssistantEnd)];
}
