import type {GbnfRuleSet} from "./GbnfRuleSet.js";
import {gbnfLiteral} from "./gbnfLiteral.js";
import {type GrammarOptions, jsonSeparators} from "./GrammarOptions.js";
import {cappedMaximum, gbnfRepetition} from "./gbnfRepetition.js";
import {jsonStringRule} from "./jsonStringRule.js";
import {numberRangeGbnf} from "./numberRangeGbnf.js";

/** Zero or more comma-separated `item`s (at most `options.maxArrayItems`). */
function members(item: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const max = cappedMaximum(0, undefined, options.maxArrayItems);
    if (max === 0) return "";
    if (max === 1) return `${item}?`;
    const list = `${item} ${gbnfRepetition(`(${gbnfLiteral(jsonSeparators(options).item)} ${item})`, 0, max === undefined ? undefined : max - 1)}`;
    // A bounded repetition gets a rule of its own: llama.cpp counts the rules it expands into against an enclosing group.
    return max === undefined ? `(${list})?` : `${rules.add(`${item}-list`, list)}?`;
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
    const member = rules.add(`json-member-${depth}`, `${key} ${gbnfLiteral(jsonSeparators(options).key)} ${anyJsonValueRule(rules, options, depth - 1)}`);
    return rules.add(`json-object-${depth}`, `"{" ${members(member, options, rules)} "}"`.replace("  ", " "));
}

function anyJsonArrayRule(rules: GbnfRuleSet, options: GrammarOptions, depth: number): string {
    const item = anyJsonValueRule(rules, options, depth - 1);
    return rules.add(`json-array-${depth}`, `"[" ${members(item, options, rules)} "]"`.replace("  ", " "));
}
