import type {ChatMessage} from "../protocol/ChatMessage.js";
import {formatArguments} from "../protocol/formatArguments.js";
import type {JsonSchema} from "../tools/JsonSchema.js";
import type {ExportConversation} from "./readExportConversations.js";

/** An OpenAI chat fine-tuning example: `{messages, tools}`, tool arguments as JSON text. */
export interface OpenAIExample {
    messages: OpenAIMessage[];
    tools: {type: "function", function: {name: string, description: string, parameters: JsonSchema}}[];
}

export type OpenAIMessage =
    | {role: "system" | "user", content: string}
    | {role: "tool", content: string, tool_call_id: string}
    | {role: "assistant", content: string | null, tool_calls?: {id: string, type: "function", function: {name: string, arguments: string}}[], weight?: 0 | 1};

export interface OpenAIExportOptions {
    /** Mark every assistant message but the last with `weight: 0`, so only the target is trained (default true). */
    readonly lossOnLast?: boolean;
}

/**
 * A conversation in OpenAI's chat fine-tuning format: messages as the Chat Completions API takes
 * them, every tool call with an id (`call_<message>_<call>` when it had none) and its arguments as
 * compact JSON in the schema's property order (what toolace-r's grammar writes), tool results with
 * the id of the call they answer, and the tools. With `lossOnLast` (default) earlier assistant turns
 * get `weight: 0`: a refinement conversation trains only its last round.
 */
export function toOpenAIExample(conversation: ExportConversation, options: OpenAIExportOptions = {}): OpenAIExample {
    const schemas = new Map(conversation.tools.map((tool) => [tool.name, tool.parameters]));
    const last = conversation.messages.length - 1;
    let pendingIds: string[] = [];
    const messages = conversation.messages.map((message: ChatMessage, index): OpenAIMessage => {
        switch (message.role) {
            case "system":
            case "user":
                return {role: message.role, content: message.content};
            case "tool":
                return {role: "tool", content: message.content, tool_call_id: message.tool_call_id ?? pendingIds.shift() ?? `call_${index}`};
            case "assistant": {
                const calls = (message.tool_calls ?? []).map((call, callIndex) => ({
                    id: call.id !== "" ? call.id : `call_${index}_${callIndex}`,
                    type: "function" as const,
                    function: {name: call.function.name, arguments: formatArguments(schemas.get(call.function.name), JSON.parse(call.function.arguments))}
                }));
                pendingIds = calls.map((call) => call.id);
                const out: OpenAIMessage = calls.length > 0 ? {role: "assistant", content: null, tool_calls: calls} : {role: "assistant", content: message.content ?? ""};
                if (options.lossOnLast !== false && index !== last) out.weight = 0;
                return out;
            }
        }
    });
    return {messages, tools: conversation.tools.map((tool) => ({type: "function", function: {name: tool.name, description: tool.description, parameters: tool.parameters}}))};
}

/** Conversations as OpenAI fine-tuning JSON Lines: one `{messages, tools}` example per line. */
export function toOpenAIJsonl(conversations: readonly ExportConversation[], options: OpenAIExportOptions = {}): string {
    return conversations.map((conversation) => `${JSON.stringify(toOpenAIExample(conversation, options))}\n`).join("");
}
