import type {CallLayout} from "./CallLayout.js";

/**
 * Hermes/Qwen `<tool_call>` envelopes with compact arguments, exactly as the hand-written ChatML
 * format writes them: what models whose template knows no tool calls are given inside their own turns.
 */
export const HERMES_LAYOUT: CallLayout = {
    open: ["<tool_call>\n{\"name\": \""],
    mid: ["\", \"arguments\": "],
    between: ["}\n</tool_call>\n<tool_call>\n{\"name\": \""],
    close: ["}\n</tool_call>"],
    argsStyle: "compact",
    maxCalls: 64,
    textOpen: ""
};
