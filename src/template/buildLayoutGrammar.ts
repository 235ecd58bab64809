import type {ToolChoice} from "../protocol/ToolChoice.js";
import {compileArgumentsGrammar} from "../tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../tools/GbnfRuleSet.js";
import {gbnfLiteral} from "../tools/gbnfLiteral.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import type {CallGrammarOptions} from "../protocol/buildCallGrammar.js";
import {type CallLayout, type LayoutText, isLiteral, leadingLiteral} from "./CallLayout.js";
import {isTextValue, type KeyedArgs} from "./keyedArgs.js";
import {compileSchemaGrammar} from "../tools/compileSchemaGrammar.js";
import {cappedMaximum, gbnfRepetition} from "../tools/gbnfRepetition.js";
import type {JsonSchema} from "../tools/JsonSchema.js";
import {schemaNode} from "../tools/schemaNode.js";

/** GBNF of a layout piece following call `previous` (ids are generated: letters and digits). */
function pieceGbnf(piece: LayoutText, previous: number): string {
    return piece.map((part) => {
        if (typeof part === "string") return gbnfLiteral(part);
        if ("index" in part) return gbnfLiteral(String(previous + part.index));
        return `[A-Za-z0-9]{${part.length}}`;
    }).filter((part) => part !== "\"\"").join(" ");
}

function sequence(...parts: string[]): string {
    return parts.filter((part) => part !== "" && part !== "\"\"").join(" ") || "\"\"";
}

/**
 * The GBNF grammar of a whole assistant turn in a chat template's call layout (see CallLayout):
 * `required` / a named function: one to `maxParallelCalls` calls (fewer where the template takes
 * fewer), names limited to the allowed tools, arguments by schema in the template's JSON layout;
 * `auto`: those calls or a text answer (which may not start like a call); `none`: text only.
 * The layout is exactly what renderLayoutCalls writes and parseLayoutCalls reads.
 */
export function buildLayoutGrammar(layout: CallLayout, tools: readonly ToolDefinition[], toolChoice: ToolChoice, options: CallGrammarOptions): string {
    const rules = new GbnfRuleSet();
    const grammarOptions = {...options, separators: layout.argsStyle};
    const lead = leadingLiteral(layout.open);
    const callStart = lead.startsWith(layout.textOpen) ? lead.slice(layout.textOpen.length) : "";
    const first = callStart[0];
    const textBody = first === undefined ? `[^\\x00]+` : `[^${first.replace(/[\\\]^-]/g, (c) => "\\" + c)}\\x00] [^\\x00]*`;
    const text = rules.add("text", sequence(gbnfLiteral(layout.textOpen), textBody));
    const allowed = typeof toolChoice === "object" ? tools.filter((tool) => tool.name === toolChoice.function.name) : tools;
    if (toolChoice === "none" || allowed.length === 0) return rules.render(text);

    const keyed = layout.keyed;
    const args = allowed.map((tool) => keyed === undefined ? compileArgumentsGrammar(tool, grammarOptions, rules) : compileKeyedArgs(tool, keyed, options, rules));
    const callAt = (index: number): string => rules.add(`call-${isLiteral(layout.mid) ? "any" : index}`,
        allowed.map((tool, i) => sequence(gbnfLiteral(tool.name), pieceGbnf(layout.mid, index), args[i]!)).join(" | "));
    const count = Math.max(1, Math.min(Math.floor(options.maxParallelCalls), layout.maxCalls));
    const fixed = isLiteral(layout.between) && isLiteral(layout.close) && isLiteral(layout.mid);
    let calls: string;
    if (fixed) {
        const call = callAt(0);
        const more = count > 1 ? `( ${sequence(pieceGbnf(layout.between, 0), call)} ){0,${count - 1}}` : "";
        calls = rules.add("calls", sequence(pieceGbnf(layout.open, -1), call, more, pieceGbnf(layout.close, 0)));
    } else {
        // Pieces that hold the call's position are unrolled: call i, then the close after it or the next call.
        let rest = "";
        for (let index = count - 1; index >= 0; index--) {
            const close = sequence(pieceGbnf(layout.close, index));
            const after = index === count - 1 ? close : `( ${close} | ${sequence(pieceGbnf(layout.between, index), rest)} )`;
            rest = rules.add(`calls-from-${index}`, sequence(callAt(index), after));
        }
        calls = rules.add("calls", sequence(pieceGbnf(layout.open, -1), rest));
    }
    return rules.render(toolChoice === "auto" ? `${calls} | ${text}` : calls);
}

/**
 * GBNF for a tool's arguments written one parameter at a time (see KeyedArgs), in schema order
 * joined by the separator: required parameters always, optional ones optional (a chain of rules, as
 * compileObject builds for JSON objects). Text values are raw text between the quotes that cannot
 * hold the quote's (or else the close marker's) first character; other values are JSON.
 */
function compileKeyedArgs(tool: ToolDefinition, keyed: KeyedArgs, options: CallGrammarOptions, rules: GbnfRuleSet): string {
    const names = Object.keys(tool.parameters.properties);
    if (names.length === 0) return "\"\"";
    const required = names.map((name) => tool.parameters.required.includes(name));
    const stop = (keyed.quote !== "" ? keyed.quote : keyed.close !== "" ? keyed.close : keyed.separator)[0] ?? "\n";
    const rawChar = rules.add(`raw-char-${stop.codePointAt(0)}`, `[^${stop.replace(/[\\\]^-]/g, (c) => "\\" + c).replace("\n", "\\n")}\\x00]`);
    const hint = (name: string): string => `${tool.name}-${name}`;
    const pairs = names.map((name) => {
        const schema = tool.parameters.properties[name] as JsonSchema;
        const node = schemaNode(schema);
        let value: string;
        if (node.kind === "enum" && isTextValue(schema)) value = rules.add(`${hint(name)}-raw`, node.schema.enum.map((item) => gbnfLiteral(keyed.quote + String(item) + keyed.quote)).join(" | "));
        else if (node.kind === "string") {
            const min = node.schema.minLength ?? 0;
            const body = gbnfRepetition(rawChar, min, cappedMaximum(min, node.schema.maxLength, options.maxStringLength));
            value = sequence(gbnfLiteral(keyed.quote), body === "" ? "" : rules.add(`${hint(name)}-raw`, body), gbnfLiteral(keyed.quote));
        } else if (node.kind === "boolean" && keyed.booleans === "python") value = rules.add("python-boolean", `"True" | "False"`);
        else value = compileSchemaGrammar(schema, hint(name), {...options, separators: "spaced"}, rules);
        return rules.add(`${hint(name)}-pair`, sequence(gbnfLiteral(keyed.open + name + keyed.mid), value, gbnfLiteral(keyed.close)));
    });
    const separator = gbnfLiteral(keyed.separator);
    const more = (i: number): string => {
        if (i === names.length) return "";
        const pair = sequence(separator, pairs[i]!);
        return rules.add(`${tool.name}-more-${i + 1}`, sequence(required[i] ? pair : `( ${pair} )?`, more(i + 1)));
    };
    const first = (i: number): string => {
        const withThis = sequence(pairs[i]!, more(i + 1));
        if (required[i] || i === names.length - 1) return withThis;
        return rules.add(`${tool.name}-first-${i + 1}`, `${withThis} | ${first(i + 1)}`);
    };
    return rules.add(`${tool.name}-args`, required.some(Boolean) ? first(0) : `( ${first(0)} )?`);
}
