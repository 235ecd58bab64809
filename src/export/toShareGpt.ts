import {TrainError} from "../train/TrainError.js";
import type {ExportConversation} from "./readExportConversations.js";

/** ShareGPT roles with tools, as LLaMA-Factory reads them (its default sharegpt tags). */
export type ShareGptRole = "human" | "gpt" | "function_call" | "observation";

/** One ShareGPT example with tools: the turns, the system prompt (when there is one) and the tools as a JSON string. */
export interface ShareGptExample {
    conversations: {from: ShareGptRole, value: string}[];
    system?: string;
    tools: string;
}

/**
 * A conversation in ShareGPT format with tools (LLaMA-Factory's `sharegpt` formatting): the first
 * system message goes to `system`; user turns are `human`, assistant text `gpt`, assistant tool
 * calls `function_call` (`{"name", "arguments"}` with the arguments as an object, a list of them
 * for parallel calls), tool results `observation`; `tools` is the JSON list of function
 * definitions. LLaMA-Factory needs human/observation turns at even positions and gpt/function_call
 * turns at odd ones, ending with the latter; a conversation that breaks this throws TrainError
 * `train_invalid_sample` (a refinement conversation alternates: human, function_call, human, …).
 */
export function toShareGpt(conversation: ExportConversation): ShareGptExample {
    const first = conversation.messages[0];
    const system = first?.role === "system" ? first.content : undefined;
    const messages = conversation.messages.slice(system === undefined ? 0 : 1);
    const turns = messages.map((message): {from: ShareGptRole, value: string} => {
        switch (message.role) {
            case "system":
                throw new TrainError("train_invalid_sample", "ShareGPT has one system prompt, at the start; this conversation has another system message", {field: "messages"});
            case "user": return {from: "human", value: message.content};
            case "tool": return {from: "observation", value: message.content};
            case "assistant": {
                const calls = (message.tool_calls ?? []).map((call) => ({name: call.function.name, arguments: JSON.parse(call.function.arguments) as unknown}));
                if (calls.length === 0) return {from: "gpt", value: message.content ?? ""};
                return {from: "function_call", value: JSON.stringify(calls.length === 1 ? calls[0] : calls)};
            }
        }
    });
    turns.forEach((turn, index) => {
        const prompt = turn.from === "human" || turn.from === "observation";
        if (prompt !== (index % 2 === 0)) {
            throw new TrainError("train_invalid_sample",
                `ShareGPT turns must alternate human/observation and gpt/function_call; turn ${index} is ${turn.from}`, {field: `messages[${index + (system === undefined ? 0 : 1)}]`});
        }
    });
    if (turns.length % 2 !== 0) throw new TrainError("train_invalid_sample", "a ShareGPT conversation must end with a gpt or function_call turn", {field: "messages"});
    return {
        conversations: turns,
        ...(system === undefined ? {} : {system}),
        tools: JSON.stringify(conversation.tools.map((tool) => ({name: tool.name, description: tool.description, parameters: tool.parameters})))
    };
}
