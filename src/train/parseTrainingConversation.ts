import type {ChatFormat} from "../protocol/ChatFormat.js";
import type {ChatMessage} from "../protocol/ChatMessage.js";
import {parseCallRequest} from "../engine/parseCallRequest.js";
import {ToolaceError} from "../errors/ToolaceError.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {validateArguments} from "../tools/validateArguments.js";
import {TrainError} from "./TrainError.js";

/** Which assistant turns of a conversation carry loss: only the last one (the target) or every one. */
export type LossOn = "last" | "all";

/** A validated training conversation: `messages` ends with the target assistant message. */
export interface TrainingConversation {
    messages: ChatMessage[];
    tools: ToolDefinition[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates an OpenAI-style `{messages, tools}` training conversation whose last message is the
 * assistant turn to learn. Messages and tools are checked by the request parser the inference path
 * uses (same rules, same `messages[i]…` field names); on top of that the target must answer a user
 * or tool message, and every assistant turn that gets loss (see `lossOn`) must be something the
 * call grammar lets the model write: calls to listed tools with arguments valid for their schema,
 * or a non-empty text that does not start like a call. Throws TrainError `train_invalid_sample`
 * whose `context.field` names the offending field.
 */
export function parseTrainingConversation(raw: unknown, format: ChatFormat, lossOn: LossOn = "all"): TrainingConversation {
    const fail = (message: string, field: string): never => {
        throw new TrainError("train_invalid_sample", message, {field});
    };
    if (!isRecord(raw)) fail("a training conversation must be a JSON object {messages, tools}", "$");
    const record = raw as Record<string, unknown>;
    const rawMessages = record.messages;
    if (!Array.isArray(rawMessages) || rawMessages.length === 0) fail("messages must be a non-empty array", "messages");
    const list = rawMessages as unknown[];
    const last = list.length - 1;
    if (!isRecord(list[last]) || list[last].role !== "assistant") {
        fail(`the last message is the target and must be from the assistant, got role ${JSON.stringify(isRecord(list[last]) ? list[last].role : list[last])}`, `messages[${last}].role`);
    }
    let messages: ChatMessage[];
    let tools: ToolDefinition[];
    try {
        // The request parser wants a conversation that ends with a user or tool turn: append one it
        // accepts and drop it again, so every message is checked exactly as the inference path does.
        const request = parseCallRequest({messages: [...list, {role: "user", content: ""}], tools: record.tools});
        messages = request.messages.slice(0, -1);
        tools = request.tools;
    } catch (error) {
        if (!(error instanceof ToolaceError)) throw error;
        throw new TrainError("train_invalid_sample", error.message, {field: error.context.field ?? (error.context.tool !== undefined ? "tools" : "$")}, {cause: error});
    }
    const before = messages[last - 1];
    if (before === undefined || (before.role !== "user" && before.role !== "tool")) {
        fail(`the target assistant message must follow a user or tool message, not ${before === undefined ? "nothing" : `a ${before.role} message`}`, `messages[${last}]`);
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    messages.forEach((message, index) => {
        if (message.role !== "assistant" || (lossOn === "last" && index !== last)) return;
        const calls = message.tool_calls ?? [];
        if (calls.length === 0) {
            const text = message.content ?? "";
            if (text === "") fail("an assistant text answer must not be empty", `messages[${index}].content`);
            if (text.startsWith(format.textMustNotStartWith)) {
                fail(`an assistant text answer must not start with ${JSON.stringify(format.textMustNotStartWith)} (it would read as a tool call in the ${format.name} format)`,
                    `messages[${index}].content`);
            }
            return;
        }
        calls.forEach((call, callIndex) => {
            const field = `messages[${index}].tool_calls[${callIndex}].function`;
            const tool = byName.get(call.function.name);
            if (tool === undefined) {
                fail(`the call names the tool ${JSON.stringify(call.function.name)}, which is not among the tools (${tools.map((t) => t.name).join(", ") || "none given"})`, `${field}.name`);
                return;
            }
            const verdict = validateArguments(tool, JSON.parse(call.function.arguments));
            if (!verdict.valid) fail(`the arguments of ${JSON.stringify(tool.name)} do not fit its schema: ${verdict.errors.join("; ")}`, `${field}.arguments`);
        });
    });
    return {messages, tools};
}
