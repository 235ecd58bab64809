import {compileSchemaGrammar} from "./compileSchemaGrammar.js";
import type {GbnfRuleSet} from "./GbnfRuleSet.js";
import type {GrammarOptions} from "./GrammarOptions.js";
import type {ToolDefinition} from "./ToolDefinition.js";

/**
 * Adds to `rules` the GBNF (llama.cpp dialect) for one tool's arguments object, written as
 * compact JSON (`{"a":1,"b":[2,3]}`: no whitespace, keys in schema order, required properties
 * always present, optional ones optional, no others), and returns the name of its rule. Compose
 * several tools into one grammar by compiling them into the same `GbnfRuleSet`, then
 * `rules.render(...)`.
 */
export function compileArgumentsGrammar(tool: ToolDefinition, options: GrammarOptions, rules: GbnfRuleSet): string {
    return compileSchemaGrammar(tool.parameters, `${tool.name}-args`, options, rules);
}
