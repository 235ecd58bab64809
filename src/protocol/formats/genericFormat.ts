import type {ChatFormat} from "../ChatFormat.js";
import {content, control} from "../Segment.js";
import {hermesToolsPrompt} from "./hermesToolsPrompt.js";

const headers = {system: "### System:\n", user: "### User:\n", tool: "### Tool result:\n"} as const;

/**
 * Fallback for models without a known chat template: plain-text headers, the model's own
 * end-of-generation token ends an assistant turn, and ChatML-style `<tool_call>` envelopes.
 */
export function genericFormat(endOfTurnToken: string): ChatFormat {
    return {
        name: "generic",
        turn: (role, text) => [control(headers[role]), content(text), control("\n\n")],
        assistantStart: () => [control("### Assistant:\n")],
        assistantEnd: endOfTurnToken,
        afterAssistantEnd: "\n\n",
        envelope: {prefix: "<tool_call>\n", suffix: "\n</tool_call>", separator: "\n"},
        argumentsKey: "arguments",
        textMustNotStartWith: "<",
        toolsPrompt: hermesToolsPrompt
    };
}
