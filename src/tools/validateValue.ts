import {formatChecks} from "./formatChecks.js";
import {formatPatterns} from "./formatPatterns.js";
import type {JsonSchema} from "./JsonSchema.js";
import type {JsonValue} from "./JsonValue.js";
import {jsonEquals} from "./jsonEquals.js";
import {jsonPathChild} from "./jsonPathChild.js";
import {schemaNode} from "./schemaNode.js";

/**
 * Checks a value against a normalised schema; returns one message per problem found (empty when
 * the value is valid), each starting with the JSON path of the offending value.
 */
export function validateValue(schema: JsonSchema, value: unknown, path: string = "$"): string[] {
    const errors: string[] = [];
    check(schema, value, path, errors);
    return errors;
}

/** Compiled patterns, by source; cleared when it grows past `maxCachedPatterns` (a server meets endless tools). */
const regExps = new Map<string, RegExp | null>();
const maxCachedPatterns = 1_000;

/** A pattern as ajv reads it (Unicode mode), else in legacy mode; null when neither parses. */
function patternRegExp(pattern: string): RegExp | undefined {
    let regExp = regExps.get(pattern);
    if (regExp === undefined) {
        for (const flags of ["u", ""]) {
            try {
                regExp = new RegExp(pattern, flags);
                break;
            } catch {
                regExp = null;
            }
        }
        if (regExps.size >= maxCachedPatterns) regExps.clear();
        regExps.set(pattern, regExp ?? null);
    }
    return regExp ?? undefined;
}

function describe(value: unknown): string {
    if (value === undefined) return "undefined";
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isJsonValue(value: unknown): value is JsonValue {
    if (value === null || typeof value === "string" || typeof value === "boolean") return true;
    if (typeof value === "number") return Number.isFinite(value);
    if (Array.isArray(value)) return value.every(isJsonValue);
    if (isPlainObject(value)) return Object.values(value).every(isJsonValue);
    return false;
}

function check(schema: JsonSchema, value: unknown, path: string, errors: string[]): void {
    const node = schemaNode(schema);
    const fail = (problem: string): void => {
        errors.push(`${path}: ${problem}`);
    };
    switch (node.kind) {
        case "any":
            if (!isJsonValue(value)) fail(`expected a JSON value, got ${describe(value)}`);
            return;
        case "enum":
            if (!isJsonValue(value) || !node.schema.enum.some((option) => jsonEquals(option, value)))
                fail(`expected one of ${describe(node.schema.enum)}, got ${describe(value)}`);
            return;
        case "anyOf": {
            const matches = node.schema.anyOf.some((option) => validateValue(option, value, path).length === 0);
            if (!matches) fail(`${describe(value)} matches none of the ${node.schema.anyOf.length} alternatives`);
            return;
        }
        case "null":
            if (value !== null) fail(`expected null, got ${describe(value)}`);
            return;
        case "boolean":
            if (typeof value !== "boolean") fail(`expected a boolean, got ${describe(value)}`);
            return;
        case "string": {
            if (typeof value !== "string") return fail(`expected a string, got ${describe(value)}`);
            const length = [...value].length;
            const {minLength, maxLength} = node.schema;
            if (minLength !== undefined && length < minLength) fail(`string shorter than ${minLength} characters`);
            if (maxLength !== undefined && length > maxLength) fail(`string longer than ${maxLength} characters`);
            const {pattern, format} = node.schema;
            if (pattern !== undefined && patternRegExp(pattern)?.test(value) === false) fail(`string does not match the pattern ${JSON.stringify(pattern)}`);
            if (format !== undefined && Object.hasOwn(formatPatterns, format) && formatChecks[format]?.(value) === false) fail(`string is not a valid ${format}`);
            return;
        }
        case "integer":
        case "number": {
            const isInteger = node.kind === "integer";
            if (typeof value !== "number" || !Number.isFinite(value) || (isInteger && !Number.isInteger(value)))
                return fail(`expected ${isInteger ? "an integer" : "a number"}, got ${describe(value)}`);
            const s = node.schema as {minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number};
            if (s.minimum !== undefined && value < s.minimum) fail(`${value} is less than the minimum ${s.minimum}`);
            if (s.maximum !== undefined && value > s.maximum) fail(`${value} is greater than the maximum ${s.maximum}`);
            if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) fail(`${value} is not greater than ${s.exclusiveMinimum}`);
            if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) fail(`${value} is not less than ${s.exclusiveMaximum}`);
            return;
        }
        case "array": {
            if (!Array.isArray(value)) return fail(`expected an array, got ${describe(value)}`);
            const {minItems, maxItems, items, prefixItems = []} = node.schema;
            if (minItems !== undefined && value.length < minItems) fail(`fewer than ${minItems} items`);
            if (maxItems !== undefined && value.length > maxItems) fail(`more than ${maxItems} items`);
            value.forEach((item, i) => check(prefixItems[i] ?? items, item, jsonPathChild(path, i), errors));
            return;
        }
        case "object": {
            if (!isPlainObject(value)) return fail(`expected an object, got ${describe(value)}`);
            const {properties, required, additionalProperties, patternProperties, propertyNames, minProperties, maxProperties} = node.schema;
            const count = Object.keys(value).length;
            if (minProperties !== undefined && count < minProperties) fail(`fewer than ${minProperties} properties`);
            if (maxProperties !== undefined && count > maxProperties) fail(`more than ${maxProperties} properties`);
            for (const name of required)
                if (!Object.hasOwn(value, name)) fail(`missing required property ${JSON.stringify(name)}`);
            for (const [name, item] of Object.entries(value)) {
                const propertySchema = Object.hasOwn(properties, name) ? properties[name] : undefined;
                if (propertyNames !== undefined && validateValue(propertyNames, name).length > 0) fail(`the property name ${JSON.stringify(name)} breaks "propertyNames"`);
                const patterned = Object.entries(patternProperties ?? {}).filter(([pattern]) => patternRegExp(pattern)?.test(name) === true);
                for (const [, schema] of patterned) check(schema, item, jsonPathChild(path, name), errors);
                if (propertySchema !== undefined) check(propertySchema, item, jsonPathChild(path, name), errors);
                else if (patterned.length > 0) continue;
                else if (additionalProperties === false) fail(`unexpected property ${JSON.stringify(name)}`);
                else if (additionalProperties !== true) check(additionalProperties, item, jsonPathChild(path, name), errors);
                else if (!isJsonValue(item)) errors.push(`${jsonPathChild(path, name)}: expected a JSON value, got ${describe(item)}`);
            }
            return;
        }
    }
}
