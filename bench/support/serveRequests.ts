import {benchConversations} from "./benchConversations.js";

/** A chat-completions body of the serve benchmark, and the tool a named `tool_choice` asks for (if any). */
export type ServeRequest = {body: Record<string, unknown>, named?: string};

/**
 * `count` chat-completions bodies over the weather and time tools (benchConversations without
 * their answers), cycling `tool_choice` through a named tool (the one the question needs, and in
 * every fourth named request the other one), `required`, `auto` and `auto`. The same every time.
 */
export function serveRequests(count: number, options: {maxTokens: number}): ServeRequest[] {
    return benchConversations(count).map((conversation, index) => {
        const messages = conversation.messages as {role: string, tool_calls?: {function: {name: string}}[]}[];
        // The conversation up to its last user message or tool result: what a client sends.
        let end = messages.length;
        while (end > 0 && messages[end - 1]!.role === "assistant" && messages[end - 1]!.tool_calls === undefined) end--;
        const answer = messages[end - 1]?.role === "assistant" ? messages[end - 1]!.tool_calls?.[0]?.function.name : undefined;
        if (answer !== undefined) end--;
        const body: Record<string, unknown> = {messages: messages.slice(0, end), tools: conversation.tools, temperature: 0, max_tokens: options.maxTokens};
        const expected = answer ?? "get_weather";
        switch (index % 4) {
            case 0: {
                const named = index % 16 === 12 ? (expected === "get_weather" ? "get_time" : "get_weather") : expected;
                return {body: {...body, tool_choice: {type: "function", function: {name: named}}}, named};
            }
            case 1:
                return {body: {...body, tool_choice: "required"}};
            default:
                return {body: {...body, tool_choice: "auto"}};
        }
    });
}
