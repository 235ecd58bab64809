import type {
    AnyOfSchema, AnySchema, ArraySchema, BooleanSchema, EnumSchema, IntegerSchema, JsonSchema, NullSchema,
    NumberSchema, ObjectSchema, StringSchema
} from "./JsonSchema.js";

/** A normalised schema tagged with its shape, for exhaustive `switch`es. */
export type SchemaNode =
    | {kind: "enum", schema: EnumSchema}
    | {kind: "anyOf", schema: AnyOfSchema}
    | {kind: "string", schema: StringSchema}
    | {kind: "integer", schema: IntegerSchema}
    | {kind: "number", schema: NumberSchema}
    | {kind: "boolean", schema: BooleanSchema}
    | {kind: "null", schema: NullSchema}
    | {kind: "array", schema: ArraySchema}
    | {kind: "object", schema: ObjectSchema}
    | {kind: "any", schema: AnySchema};

/** Tells which shape of `JsonSchema` a schema is (`enum` and `anyOf` win over `type`). */
export function schemaNode(schema: JsonSchema): SchemaNode {
    if ("enum" in schema) return {kind: "enum", schema};
    if ("anyOf" in schema) return {kind: "anyOf", schema};
    if (!("type" in schema) || schema.type === undefined) return {kind: "any", schema};
    return {kind: schema.type, schema} as SchemaNode;
}
