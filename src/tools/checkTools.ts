import {ToolaceError} from "../errors/ToolaceError.js";
import {compileArgumentsGrammar} from "./compileArgumentsGrammar.js";
import {GbnfRuleSet} from "./GbnfRuleSet.js";
import {normalizeTools} from "./normalizeTools.js";
import type {RelaxedKeyword} from "./RelaxedKeyword.js";

/** What `tools check` says of one tool: whether its schema compiles to a call grammar, what stopped it, and what the grammar relaxes. */
export type ToolCheck = {name: string, ok: boolean, error?: string, relaxed: RelaxedKeyword[]};

/**
 * Checks each tool of a tools list on its own (normalised and compiled to its arguments grammar),
 * then the list as a whole (duplicate names, total size): `ok` only if every tool compiles. A
 * tool's `name` is the one it gives, or `#INDEX` when it has none.
 */
export function checkTools(input: unknown): {ok: boolean, tools: ToolCheck[], error?: string} {
    const entries = Array.isArray(input) ? input : [input];
    const tools = entries.map((entry, index): ToolCheck => {
        const name = nameOf(entry) ?? `#${index}`;
        try {
            const [tool] = normalizeTools([entry]);
            compileArgumentsGrammar(tool!, {}, new GbnfRuleSet());
            return {name, ok: true, relaxed: tool!.relaxed ?? []};
        } catch (error) {
            if (!(error instanceof ToolaceError)) throw error;
            return {name, ok: false, error: error.message.replace(/^tool #0/, `tool #${index}`), relaxed: []};
        }
    });
    if (tools.some((tool) => !tool.ok)) return {ok: false, tools};
    try {
        normalizeTools(entries);
    } catch (error) {
        if (!(error instanceof ToolaceError)) throw error;
        return {ok: false, tools, error: error.message};
    }
    return {ok: true, tools};
}

function nameOf(entry: unknown): string | undefined {
    if (typeof entry !== "object" || entry === null) return undefined;
    const record = entry as {name?: unknown, function?: {name?: unknown}};
    const name = typeof record.function === "object" && record.function !== null ? record.function.name : record.name;
    return typeof name === "string" && name !== "" ? name : undefined;
}
