import type {GbnfRuleSet} from "./GbnfRuleSet.js";
import type {GrammarOptions} from "./GrammarOptions.js";
import {cappedMaximum, gbnfRepetition} from "./gbnfRepetition.js";
import {jsonStringRule} from "./jsonStringRule.js";
import {numberRangeGbnf} from "./numberRangeGbnf.js";

function members(item: string, options: GrammarOptions): string {
    const max = cappedMaximum(0, undefined, options.maxArrayItems);
    if (max === 0) return "";
    const more = max === 1 ? "" : ` ${gbnfRepetition(`("," ${item})`, 0, max === undefined ? undefined : max - 1)}`;
    return `(${item}${more})?`;
}

/**
 * Adds the rules for any JSON value nesting arrays/objects at most `depth` deep (strings and
 * member counts capped by `options`) and returns the rule name.
 */
export function anyJsonValueRule(rules: GbnfRuleSet, options: GrammarOptions, depth: number): string {
    const string = jsonStringRule(rules, 0, cappedMaximum(0, undefined, options.maxStringLength));
    const number = rules.add("json-number", numberRangeGbnf({}));
    const scalars = `${string} | ${number} | "true" | "false" | "null"`;
    if (depth <= 0) return rules.add("json-scalar", scalars);
    return rules.add(`json-value-${depth}`, `${freeFormObjectRule(rules, options, depth)} | ${anyJsonArrayRule(rules, options, depth)} | ${scalars}`);
}

/** A JSON object with any string keys and any values, nesting at most `depth` deep. */
export function freeFormObjectRule(rules: GbnfRuleSet, options: GrammarOptions, depth: number): string {
    const key = jsonStringRule(rules, 0, cappedMaximum(0, undefined, options.maxStringLength));
    const member = rules.add(`json-member-${depth}`, `${key} ":" ${anyJsonValueRule(rules, options, depth - 1)}`);
    return rules.add(`json-object-${depth}`, `"{" ${members(member, options)} "}"`.replace("  ", " "));
}

function anyJsonArrayRule(rules: GbnfRuleSet, options: GrammarOptions, depth: number): string {
    const item = anyJsonValueRule(rules, options, depth - 1);
    return rules.add(`json-array-${depth}`, `"[" ${members(item, options)} "]"`.replace("  ", " "));
}
