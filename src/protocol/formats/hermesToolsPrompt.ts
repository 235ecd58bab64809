/** The Hermes/Qwen tools prompt: tool documents inside `<tools>` and calls inside `<tool_call>` tags. */
export function hermesToolsPrompt(toolDocuments: readonly string[]): string {
    return "# Tools\n\nYou may call one or more functions to assist with the user query.\n\n" +
        "You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n" + toolDocuments.join("\n") + "\n</tools>\n\n" +
        "For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n" +
        "<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>\n" +
        "If none of the functions fits the request, answer in plain text without a tool call.";
}

/** A tool result as a Hermes user turn's text (`<tool_response>` tags). */
export function hermesToolResult(text: string): string {
    return `<tool_response>\n${text}\n</tool_response>`;
}
