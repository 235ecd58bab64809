import type {ChatFormat} from "./ChatFormat.js";
import type {ToolChoice} from "./ToolChoice.js";
import {callJsonHead} from "./AssistantOutput.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {GbnfRuleSet} from "../tools/GbnfRuleSet.js";
import {gbnfLiteral} from "../tools/gbnfLiteral.js";
import {compileArgumentsGrammar} from "../tools/compileArgumentsGrammar.js";
import type {GrammarOptions} from "../tools/GrammarOptions.js";

export type CallGrammarOptions = GrammarOptions & {
    /** Most calls in one answer (≥ 1). */
    maxParallelCalls: number
};

/**
 * The GBNF grammar of a whole assistant turn for these tools, in the format's envelope:
 * - `required`: one to `maxParallelCalls` calls, names limited to the tools, arguments by schema;
 * - a named function: the same, with only that function;
 * - `auto`: those calls, or a text answer (which may not start like a call);
 * - `none`: only a text answer.
 * The call layout is exactly what `renderAssistantOutput` writes, so parsing is exact.
 */
export function buildCallGrammar(format: ChatFormat, tools: readonly ToolDefinition[], toolChoice: ToolChoice, options: CallGrammarOptions): string {
    const rules = new GbnfRuleSet();
    const textStart = format.textMustNotStartWith.replace(/[\\\]^-]/g, (c) => "\\" + c);
    const text = rules.add("text", `[^${textStart}\\x00] [^\\x00]*`);
    const allowed = typeof toolChoice === "object" ? tools.filter((tool) => tool.name === toolChoice.function.name) : tools;
    if (toolChoice === "none" || allowed.length === 0) return rules.render(text);

    const alternatives = allowed.map((tool) => {
        const args = compileArgumentsGrammar(tool, options, rules);
        return `${gbnfLiteral(callJsonHead(format, tool.name))} ${args}`;
    });
    const {prefix, suffix, separator} = format.envelope;
    const call = rules.add("call", [gbnfLiteral(prefix), `( ${alternatives.join(" | ")} )`, gbnfLiteral("}" + suffix)].filter((part) => part !== "\"\"").join(" "));
    const extra = Math.max(0, Math.floor(options.maxParallelCalls) - 1);
    const calls = rules.add("calls", extra === 0 ? call : `${call} ( ${gbnfLiteral(separator)} ${call} ){0,${extra}}`);
    return rules.render(toolChoice === "auto" ? `${calls} | ${text}` : calls);
}
