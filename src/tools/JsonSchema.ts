import type {JsonValue} from "./JsonValue.js";

/**
 * The normalised, closed subset of JSON Schema that toolace-r works with (see `normalizeTools`).
 * Every `JsonSchema` is itself a valid JSON Schema (draft 2020-12) and can be shown to a model or
 * handed to a standard validator as it is. Its shapes, told apart by `schemaNode`:
 *
 * - `{enum: [...]}`: exactly these JSON values (`const` becomes a one-value enum); `type` is only
 *   an annotation, present when every value has that type.
 * - `{anyOf: [...]}`: any of the alternatives (also produced from `oneOf` and type arrays).
 * - `{type: "string" | "integer" | "number" | "boolean" | "null" | "array" | "object", ...}`.
 * - `{}`: any JSON value.
 *
 * Objects are closed (`additionalProperties: false`) unless they are free-form or maps: then
 * `additionalProperties` is `true` or a schema and `properties`/`required` are empty.
 * Integer bounds are inclusive integers; number bounds are integer-valued.
 * `description`, `title` and `default` are annotations; `format` is enforced on strings for the
 * formats of `formatPatterns` (date, time, date-time, duration, uuid, email, hostname, ipv4, ipv6,
 * uri) unless a `pattern` is given, and an annotation otherwise.
 */
export type JsonSchema =
    | EnumSchema
    | AnyOfSchema
    | StringSchema
    | IntegerSchema
    | NumberSchema
    | BooleanSchema
    | NullSchema
    | ArraySchema
    | ObjectSchema
    | AnySchema;

export type JsonTypeName = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object";

export interface SchemaAnnotations {
    description?: string;
    title?: string;
    default?: JsonValue;
    format?: string;
}

export interface EnumSchema extends SchemaAnnotations {
    enum: JsonValue[];
    type?: JsonTypeName;
}

export interface AnyOfSchema extends SchemaAnnotations {
    anyOf: JsonSchema[];
}

export interface StringSchema extends SchemaAnnotations {
    type: "string";
    /** In Unicode code points, as JSON Schema counts (left out beside a pattern or an enforced format: checked, not enforced). */
    minLength?: number;
    maxLength?: number;
    /** An ECMA-262 regular expression the grammar enforces (matched whole; see patternGbnf). */
    pattern?: string;
}

export interface IntegerSchema extends SchemaAnnotations {
    type: "integer";
    /** Inclusive integer bounds (exclusive forms are turned into these). */
    minimum?: number;
    maximum?: number;
}

export interface NumberSchema extends SchemaAnnotations {
    type: "number";
    /** Integers, or decimals of at most six fraction digits and fifteen digits in all (others are widened to integers). */
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
}

export interface BooleanSchema extends SchemaAnnotations {
    type: "boolean";
}

export interface NullSchema extends SchemaAnnotations {
    type: "null";
}

export interface ArraySchema extends SchemaAnnotations {
    type: "array";
    /** The schemas of the first items, in order (a tuple; draft 7's array `items`); `items` is the schema of those after them. */
    prefixItems?: JsonSchema[];
    items: JsonSchema;
    minItems?: number;
    maxItems?: number;
}

export interface ObjectSchema extends SchemaAnnotations {
    type: "object";
    /** In the order the tool definition gave them; arguments are written in this order. */
    properties: {[name: string]: JsonSchema};
    required: string[];
    /**
     * `false`: no other keys. `true` or a schema (a free-form object or map): `properties` and
     * `required` are empty, and any keys (those of `propertyNames`) may come with any values (the
     * schema's).
     */
    additionalProperties: boolean | JsonSchema;
    /** Of a map: keys matching a pattern, with their values' schema (then keys come only from these patterns). */
    patternProperties?: {[pattern: string]: JsonSchema};
    /** Of a map: the schema of its keys (a string or enum schema). */
    propertyNames?: JsonSchema;
    /** How many members (of a map, or of the listed properties of an object). */
    minProperties?: number;
    maxProperties?: number;
}

/** Any JSON value: a schema with annotations only. */
export type AnySchema = SchemaAnnotations;
