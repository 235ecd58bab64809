import {anyJsonValueRule, freeFormObjectRule} from "./anyJsonValueRule.js";
import type {GbnfRuleSet} from "./GbnfRuleSet.js";
import {gbnfLiteral} from "./gbnfLiteral.js";
import {cappedMaximum, gbnfRepetition} from "./gbnfRepetition.js";
import {type GrammarOptions, jsonSeparators} from "./GrammarOptions.js";
import {grammarLimits} from "./grammarLimits.js";
import {integerRangeGbnf} from "./integerRangeGbnf.js";
import type {ArraySchema, JsonSchema, ObjectSchema} from "./JsonSchema.js";
import {jsonStringRule} from "./jsonStringRule.js";
import {numberRangeGbnf} from "./numberRangeGbnf.js";
import {formatPatterns} from "./formatPatterns.js";
import {patternGbnf} from "./patternGbnf.js";
import {schemaNode} from "./schemaNode.js";

/**
 * Adds GBNF rules matching the compact JSON texts (no whitespace, object keys in schema order)
 * of values valid against a normalised schema, and returns the name of the rule for the whole
 * value. `nameHint` seeds the rule names.
 */
export function compileSchemaGrammar(schema: JsonSchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const node = schemaNode(schema);
    switch (node.kind) {
        case "enum":
            return rules.add(nameHint, node.schema.enum.map((value) => gbnfLiteral(JSON.stringify(value))).join(" | "));
        case "anyOf":
            return rules.add(nameHint, node.schema.anyOf
                .map((option, i) => compileSchemaGrammar(option, `${nameHint}-${i + 1}`, options, rules)).join(" | "));
        case "any":
            return anyJsonValueRule(rules, options, grammarLimits.anyValueDepth);
        case "null":
            return rules.add("json-null", `"null"`);
        case "boolean":
            return rules.add("json-boolean", `"true" | "false"`);
        case "integer":
            return rules.add(node.schema.minimum === undefined && node.schema.maximum === undefined ? "json-integer" : nameHint,
                integerRangeGbnf(node.schema.minimum, node.schema.maximum));
        case "number": {
            const {minimum, maximum, exclusiveMinimum, exclusiveMaximum} = node.schema;
            const bounded = [minimum, maximum, exclusiveMinimum, exclusiveMaximum].some((bound) => bound !== undefined);
            return rules.add(bounded ? nameHint : "json-number", numberRangeGbnf({minimum, maximum, exclusiveMinimum, exclusiveMaximum}));
        }
        case "string": {
            const {pattern, format} = node.schema;
            const formatPattern = format !== undefined && Object.hasOwn(formatPatterns, format) ? formatPatterns[format] : undefined;
            const grammar = pattern !== undefined ? patternGbnf(pattern, `${nameHint}-pattern`, rules)
                : formatPattern !== undefined ? patternGbnf(formatPattern.pattern, `format-${format}`, rules, {ignoreCase: formatPattern.ignoreCase})
                : undefined;
            if (grammar !== undefined && "rule" in grammar) return grammar.rule;
            const min = node.schema.minLength ?? 0;
            return jsonStringRule(rules, min, cappedMaximum(min, node.schema.maxLength, options.maxStringLength));
        }
        case "array":
            return compileArray(node.schema, nameHint, options, rules);
        case "object":
            return node.schema.additionalProperties
                ? freeFormObjectRule(rules, options, grammarLimits.anyValueDepth)
                : compileObject(node.schema, nameHint, options, rules);
    }
}

function compileArray(schema: ArraySchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const min = schema.minItems ?? 0;
    const max = cappedMaximum(min, schema.maxItems, options.maxArrayItems);
    if (max === 0) return rules.add("json-empty-array", `"[]"`);
    const item = compileSchemaGrammar(schema.items, `${nameHint}-item`, options, rules);
    const more = gbnfRepetition(`(${gbnfLiteral(jsonSeparators(options).item)} ${item})`, Math.max(min - 1, 0), max === undefined ? undefined : max - 1);
    const items = more === "" ? item : `${item} ${more}`;
    if (min > 0) return rules.add(nameHint, `"[" ${items} "]"`);
    // llama.cpp expands a bounded repetition into one rule per optional item and counts them against
    // any group around it (2000 at most): a long list inside `( ... )?` would be refused. A rule of its own is not.
    const list = more === "" || max === undefined ? `(${items})` : rules.add(`${nameHint}-items`, items);
    return rules.add(nameHint, `"[" ${list}? "]"`);
}

/**
 * A closed object as a linear chain of rules: `more-i` writes properties i.. after something was
 * written (each preceded by a comma), `first-i` writes the first of properties i.. that is
 * present. Required properties are always written, optional ones may be left out, in order.
 */
function compileObject(schema: ObjectSchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const names = Object.keys(schema.properties);
    if (names.length === 0) return rules.add("json-empty-object", `"{}"`);
    const required = names.map((name) => schema.required.includes(name));
    const pairs = names.map((name) => {
        const value = compileSchemaGrammar(schema.properties[name] as JsonSchema, `${nameHint}-${name}`, options, rules);
        return `${gbnfLiteral(JSON.stringify(name) + jsonSeparators(options).key)} ${value}`;
    });
    const join = (...items: string[]): string => items.filter((item) => item !== "").join(" ");

    const moreCache = new Map<number, string>();
    const more = (i: number): string => {
        if (i === names.length) return "";
        let rule = moreCache.get(i);
        if (rule === undefined) {
            const pair = `${gbnfLiteral(jsonSeparators(options).item)} ${pairs[i]}`;
            rule = rules.add(`${nameHint}-more-${i + 1}`, join(required[i] ? pair : `(${pair})?`, more(i + 1)));
            moreCache.set(i, rule);
        }
        return rule;
    };
    const first = (i: number): string => {
        const withThis = join(pairs[i] as string, more(i + 1));
        if (required[i] || i === names.length - 1) return withThis;
        return rules.add(`${nameHint}-first-${i + 1}`, `${withThis} | ${first(i + 1)}`);
    };
    const body = required.some(Boolean) ? `"{" ${first(0)} "}"` : `"{" (${first(0)})? "}"`;
    return rules.add(nameHint, body);
}
