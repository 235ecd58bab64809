/** OpenAI-style chat messages, as the library, the CLI and agent mode accept them. */
export type ToolCall = {
    id: string,
    type: "function",
    function: {name: string, arguments: string}
};

export type ChatMessage =
    | {role: "system", content: string}
    | {role: "user", content: string}
    | {role: "assistant", content: string | null, tool_calls?: ToolCall[]}
    | {role: "tool", content: string, tool_call_id?: string, name?: string};

/** A call with parsed arguments, in the order the model wrote it. `argumentsText` is the exact JSON the model produced. */
export type ParsedCall = {name: string, arguments: Record<string, unknown>, argumentsText: string};
