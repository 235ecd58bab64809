import type {ChatFormat} from "../ChatFormat.js";
import {content, control} from "../Segment.js";
import {hermesToolResult, hermesToolsPrompt} from "./hermesToolsPrompt.js";

/** ChatML with Hermes/Qwen-style `<tool_call>` envelopes and `<tool_response>` results (Qwen2/2.5/3, Hammer, our default model). */
export const chatmlFormat: ChatFormat = {
    name: "chatml",
    turn(role, text) {
        if (role === "tool")
            return [control("<|im_start|>user\n"), content(hermesToolResult(text)), control("<|im_end|>\n")];
        return [control(`<|im_start|>${role}\n`), content(text), control("<|im_end|>\n")];
    },
    assistantStart: () => [control("<|im_start|>assistant\n")],
    assistantEnd: "<|im_end|>",
    afterAssistantEnd: "\n",
    envelope: {prefix: "<tool_call>\n", suffix: "\n</tool_call>", separator: "\n"},
    argumentsKey: "arguments",
    textMustNotStartWith: "<",
    toolsPrompt: hermesToolsPrompt
};
