import type {JsonTypeName} from "./JsonSchema.js";

/**
 * How a tool definition spells schema types: `json-schema` (OpenAI tools) knows the seven
 * standard names only; `bfcl` (BFCL / Gorilla function docs) also knows Python- and
 * Java-flavoured names, where a missing type means `string`.
 */
export type SchemaDialect = "json-schema" | "bfcl";

const standard: readonly JsonTypeName[] = ["string", "integer", "number", "boolean", "null", "array", "object"];

/** BFCL's type names (Gorilla's own table), mapped to JSON Schema; `any` is any JSON value. */
const bfclAliases: Readonly<Record<string, JsonTypeName | "any">> = {
    dict: "object", object: "object", HashMap: "object", Hashtable: "object",
    float: "number", number: "number", double: "number",
    integer: "integer", int: "integer", long: "integer", short: "integer", byte: "integer", Bigint: "integer",
    string: "string", str: "string", String: "string", char: "string",
    boolean: "boolean", bool: "boolean", Boolean: "boolean",
    array: "array", list: "array", tuple: "array", ArrayList: "array", Array: "array", Queue: "array", Stack: "array",
    null: "null", any: "any", Any: "any"
};

/**
 * The JSON Schema type a type name stands for in a dialect: `"any"` for BFCL's `any`,
 * `undefined` for a name the dialect does not know.
 */
export function schemaTypeName(name: string, dialect: SchemaDialect): JsonTypeName | "any" | undefined {
    if (dialect === "bfcl") return Object.hasOwn(bfclAliases, name) ? bfclAliases[name] : undefined;
    return (standard as readonly string[]).includes(name) ? name as JsonTypeName : undefined;
}
