import type {ChatFormat} from "../ChatFormat.js";
import {content, control} from "../Segment.js";

/** Llama 3.x headers with Llama 3.1's JSON tool calls (`{"name": …, "parameters": …}`) and `ipython` tool results. */
export const llama3Format: ChatFormat = {
    name: "llama3",
    turn(role, text) {
        const header = role === "tool" ? "ipython" : role;
        return [control(`<|start_header_id|>${header}<|end_header_id|>\n\n`), content(text), control("<|eot_id|>")];
    },
    assistantStart: () => [control("<|start_header_id|>assistant<|end_header_id|>\n\n")],
    assistantEnd: "<|eot_id|>",
    afterAssistantEnd: "",
    envelope: {prefix: "", suffix: "", separator: "\n"},
    argumentsKey: "parameters",
    textMustNotStartWith: "{",
    toolsPrompt: (docs) => "You have access to the following functions. To call a function, respond with JSON for a function call " +
        "in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}. " +
        "For several calls, write one JSON object per line. Do not use variables. " +
        "If none of the functions fits the request, answer in plain text.\n\n" + docs.join("\n\n")
};
