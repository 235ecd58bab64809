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
        case "object": {
            const {additionalProperties, patternProperties, propertyNames, minProperties, maxProperties} = node.schema;
            if ((additionalProperties === false && patternProperties === undefined) || Object.keys(node.schema.properties).length > 0) return compileObject(node.schema, nameHint, options, rules);
            const plainFreeForm = additionalProperties === true && [patternProperties, propertyNames, minProperties, maxProperties].every((keyword) => keyword === undefined);
            return plainFreeForm ? freeFormObjectRule(rules, options, grammarLimits.anyValueDepth) : compileMap(node.schema, nameHint, options, rules);
        }
    }
}

function compileArray(schema: ArraySchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    if (schema.prefixItems !== undefined && schema.prefixItems.length > 0) return compileTuple(schema, schema.prefixItems, nameHint, options, rules);
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
 * An array whose first items have schemas of their own (`prefixItems`), then items of `items`:
 * item i is written only after item i-1, and required while i < minItems.
 */
function compileTuple(schema: ArraySchema, prefix: readonly JsonSchema[], nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const min = schema.minItems ?? 0;
    const max = cappedMaximum(min, schema.maxItems, options.maxArrayItems);
    if (max === 0) return rules.add("json-empty-array", `"[]"`);
    const separator = gbnfLiteral(jsonSeparators(options).item);
    const restMax = max === undefined ? undefined : Math.max(max - prefix.length, 0);
    const rest = (): string => {
        if (restMax === 0) return "";
        const item = compileSchemaGrammar(schema.items, `${nameHint}-item`, options, rules);
        const repetition = gbnfRepetition(`(${separator} ${item})`, Math.max(min - prefix.length, 0), restMax);
        return restMax === undefined ? repetition : rules.add(`${nameHint}-rest`, repetition);
    };
    /** Items i.. after item i-1 (each with its comma). */
    const after = (i: number): string => {
        if (i >= prefix.length) return rest();
        if (max !== undefined && i >= max) return "";
        const part = [separator, compileSchemaGrammar(prefix[i]!, `${nameHint}-${i + 1}`, options, rules), after(i + 1)].filter((item) => item !== "").join(" ");
        return i < min ? part : `(${part})?`;
    };
    const items = [compileSchemaGrammar(prefix[0]!, `${nameHint}-1`, options, rules), after(1)].filter((item) => item !== "").join(" ");
    return rules.add(nameHint, min > 0 ? `"[" ${items} "]"` : `"[" (${items})? "]"`);
}

/**
 * A map: members whose keys follow `patternProperties` (each pattern with its values' schema) or
 * else `propertyNames` (any string without), with values of `additionalProperties`, between
 * `minProperties` and `maxProperties` of them. A grammar cannot keep keys apart: a repeated key
 * is possible, and judged by the check against the original schema.
 */
function compileMap(schema: ObjectSchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const separators = jsonSeparators(options);
    const valueRule = (value: JsonSchema | boolean, hint: string): string => value === true || value === false
        ? anyJsonValueRule(rules, options, grammarLimits.anyValueDepth - 1)
        : compileSchemaGrammar(value, hint, options, rules);
    const members: string[] = [];
    if (schema.patternProperties !== undefined) {
        Object.entries(schema.patternProperties).forEach(([pattern, value], i) => {
            const key = patternGbnf(pattern, `${nameHint}-key-${i + 1}`, rules);
            if ("rule" in key) members.push(`${key.rule} ${gbnfLiteral(separators.key)} ${valueRule(value, `${nameHint}-value-${i + 1}`)}`);
        });
    } else {
        const key = schema.propertyNames !== undefined
            ? compileSchemaGrammar(schema.propertyNames, `${nameHint}-key`, options, rules)
            : jsonStringRule(rules, 0, cappedMaximum(0, undefined, options.maxStringLength));
        members.push(`${key} ${gbnfLiteral(separators.key)} ${valueRule(schema.additionalProperties, `${nameHint}-value`)}`);
    }
    const min = schema.minProperties ?? 0;
    const max = cappedMaximum(min, schema.maxProperties, options.maxArrayItems);
    if (members.length === 0 || max === 0) return rules.add("json-empty-object", `"{}"`);
    const member = rules.add(`${nameHint}-member`, members.join(" | "));
    const more = gbnfRepetition(`(${gbnfLiteral(separators.item)} ${member})`, Math.max(min - 1, 0), max === undefined ? undefined : max - 1);
    const items = more === "" ? member : `${member} ${more}`;
    if (min > 0) return rules.add(nameHint, `"{" ${items} "}"`);
    const list = more === "" || max === undefined ? `(${items})` : rules.add(`${nameHint}-members`, items);
    return rules.add(nameHint, `"{" ${list}? "}"`);
}

/**
 * A closed object whose number of properties is bounded (`minProperties`/`maxProperties`): the
 * chain of compileObject with the count written so far in each rule, `more-i-c` after c properties.
 */
function compileCountedObject(schema: ObjectSchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const names = Object.keys(schema.properties);
    const required = names.map((name) => schema.required.includes(name));
    const min = schema.minProperties ?? 0;
    const max = Math.min(schema.maxProperties ?? names.length, names.length);
    const separators = jsonSeparators(options);
    const pairs = names.map((name) => `${gbnfLiteral(JSON.stringify(name) + separators.key)} ${compileSchemaGrammar(schema.properties[name] as JsonSchema, `${nameHint}-${name}`, options, rules)}`);
    // Each returns the expression for properties i.. ("" when nothing more is needed), or undefined when the count cannot be met.
    const alternatives = (choices: (string | undefined)[]): string | undefined => {
        const possible = choices.filter((option): option is string => option !== undefined);
        if (possible.length === 0) return undefined;
        const written = [...new Set(possible.filter((option) => option !== ""))];
        if (written.length === 0) return "";
        const group = written.length === 1 ? written[0]! : written.join(" | ");
        return possible.includes("") ? `(${group})?` : written.length === 1 ? group : `(${group})`;
    };
    const cache = new Map<string, string | undefined>();
    const state = (first: boolean, i: number, count: number): string | undefined => {
        if (i === names.length) return count >= min ? "" : undefined;
        const key = `${first ? "f" : "m"}-${i}-${count}`;
        if (cache.has(key)) return cache.get(key);
        const next = count < max ? state(false, i + 1, count + 1) : undefined;
        const present = next === undefined ? undefined : [first ? "" : gbnfLiteral(separators.item), pairs[i]!, next].filter((part) => part !== "").join(" ");
        const absent = required[i] ? undefined : state(first, i + 1, count);
        const body = alternatives([present, absent]);
        const rule = body === undefined || body === "" ? body : rules.add(`${nameHint}-${first ? "first" : "more"}-${i + 1}-${count}`, body);
        cache.set(key, rule);
        return rule;
    };
    const body = state(true, 0, 0);
    if (body === undefined) throw new RangeError(`no object of ${nameHint} has between ${min} and ${max} properties`);
    return rules.add(nameHint, body === "" ? `"{}"` : `"{" ${body} "}"`);
}

/**
 * A closed object as a linear chain of rules: `more-i` writes properties i.. after something was
 * written (each preceded by a comma), `first-i` writes the first of properties i.. that is
 * present. Required properties are always written, optional ones may be left out, in order.
 */
function compileObject(schema: ObjectSchema, nameHint: string, options: GrammarOptions, rules: GbnfRuleSet): string {
    const names = Object.keys(schema.properties);
    if (names.length === 0) return rules.add("json-empty-object", `"{}"`);
    if ((schema.minProperties ?? 0) > 1 || schema.maxProperties !== undefined) return compileCountedObject(schema, nameHint, options, rules);
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
    const body = required.some(Boolean) || (schema.minProperties ?? 0) >= 1 ? `"{" ${first(0)} "}"` : `"{" (${first(0)})? "}"`;
    return rules.add(nameHint, body);
}
