import {type CallLayout, literalText} from "./CallLayout.js";

/** Markers of the tool-call syntaxes llama.cpp's parsers know, by the family name it gives them. */
const FAMILIES: readonly [string, (open: string, mid: string, keyed: boolean, keyOpen: string) => boolean][] = [
    ["minimax-m2", (open) => open.includes("<minimax:tool_call>")],
    ["gemma4", (open) => open.includes("<|tool_call>call:")],
    ["lfm2", (open) => open.includes("<|tool_call_start|>")],
    ["pythonic", (_open, mid, keyed) => keyed && mid.endsWith("(")],
    ["glm-4.5", (_open, _mid, keyed, keyOpen) => keyed && keyOpen === "<arg_key>"],
    ["apertus", (open) => open.includes("<|tools_prefix|>")],
    ["qwen3-coder", (open, _mid, keyed) => keyed && open.includes("<function=")],
    ["mistral-nemo", (open) => open.includes("[TOOL_CALLS][")],
    ["mistral", (open) => open.includes("[TOOL_CALLS]")],
    ["deepseek-r1", (open) => open.includes("<｜tool▁calls▁begin｜>") && open.includes("function<｜tool▁sep｜>")],
    ["deepseek-v3.1", (open) => open.includes("<｜tool▁calls▁begin｜>")],
    ["command-r7b", (open) => open.includes("<|START_ACTION|>")],
    ["kimi-k2", (open) => open.includes("<|tool_calls_section_begin|>")],
    ["gpt-oss", (open) => open.includes("to=functions.")],
    ["functionary-v3.1", (open) => open.includes("<function=")],
    ["nemotron", (open) => open.includes("<TOOLCALL>")],
    ["solar-open", (open) => open.includes("<|tool_call:begin|>")],
    ["minimax-m1", (open) => open.includes("<tool_calls>")],
    ["gigachat", (open) => open.includes("function call") || open.includes("<|function_call|>")],
    ["xml-parameters", (_open, _mid, keyed) => keyed],
    ["hermes", (open) => open.includes("<tool_call>")],
    ["llama3-json", (open, mid) => open.endsWith("{\"name\": \"") && mid.includes("\"parameters\"")]
];

/**
 * The family name of an inferred layout (llama.cpp's names where it has one; `qwen3-coder` for the
 * `<function=NAME><parameter=KEY>` syntax Qwen3-Coder, Qwen3.5 and Nemotron 3 share), or "inferred".
 */
export function layoutFamily(layout: CallLayout): string {
    const open = literalText(layout.open);
    const mid = literalText(layout.mid);
    return FAMILIES.find(([, test]) => test(open, mid, layout.keyed !== undefined, layout.keyed?.open ?? ""))?.[0] ?? "inferred";
}
