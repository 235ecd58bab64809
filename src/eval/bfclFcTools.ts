import type {JsonValue} from "../tools/JsonValue.js";
import type {FunctionDoc} from "./FunctionDoc.js";
import {pyToJsonValue} from "./pyToJsonValue.js";

/** An OpenAI `tools` entry as BFCL builds it for function-calling models (plain JSON). */
export interface BfclFcTool {
    type: "function";
    function: {name: string, description: string, parameters: {[key: string]: JsonValue}};
}

/** BFCL's hint on every Python function description (also in prompt mode). */
export const PYTHON_FUNCTION_HINT = " Note that the provided function is in Python 3 syntax.";
const FLOAT_HINT = " This is a float type value.";

/** BFCL's `GORILLA_TO_OPENAPI` type mapping; a type not listed becomes `string`. */
const GORILLA_TO_OPENAPI: Readonly<Record<string, string>> = {
    integer: "integer", number: "number", float: "number", double: "number",
    string: "string", boolean: "boolean", bool: "boolean",
    array: "array", list: "array", tuple: "array",
    dict: "object", object: "object", any: "string",
    byte: "integer", short: "integer", long: "integer", char: "string",
    ArrayList: "array", Array: "array", HashMap: "object", Hashtable: "object", Queue: "array", Stack: "array", Any: "string", String: "string", Bigint: "integer"
};

type JsonObject = {[key: string]: JsonValue};

/**
 * The tools BFCL gives a function-calling model for a Python entry's docs (`convert_to_tool`
 * after the language hint): each description gets {@link PYTHON_FUNCTION_HINT}; `.` in a name
 * becomes `_`; `parameters.type` becomes `object`; each property gets an OpenAPI type (no type →
 * `string`; `float` → `number` plus `"format": "float"` and " This is a float type value." on its
 * description), recursing into `properties`, and one level into `items` (whose types are mapped
 * without the float note; item objects recurse, item arrays map their own items' type).
 * Every other key (`required`, `enum`, `default`, `format`, `optional`...) is kept as it is.
 */
export function bfclFcTools(functions: readonly FunctionDoc[]): BfclFcTool[] {
    return functions.map((doc) => {
        const raw = pyToJsonValue(doc.raw) as JsonObject;
        const description = (typeof raw.description === "string" ? raw.description : "") + PYTHON_FUNCTION_HINT;
        const parameters = isObject(raw.parameters) ? raw.parameters : {};
        parameters.type = "object";
        if (isObject(parameters.properties)) parameters.properties = castProperties(parameters.properties);
        const item: JsonObject = {...raw, name: doc.name.replace(/\./g, "_"), description, parameters};
        return {type: "function", function: item as BfclFcTool["function"]};
    });
}

function castProperties(properties: JsonObject): JsonObject {
    for (const value of Object.values(properties)) {
        if (!isObject(value)) continue;
        if (typeof value.type !== "string") value.type = "string";
        else {
            if (value.type === "float") {
                value.format = "float";
                value.description = (typeof value.description === "string" ? value.description : "") + FLOAT_HINT;
            }
            value.type = mapType(value.type);
        }
        if (value.type !== "array" && value.type !== "object") continue;
        if (isObject(value.properties)) value.properties = castProperties(value.properties);
        else if (isObject(value.items)) {
            const items = value.items;
            items.type = mapType(items.type);
            if (items.type === "array" && isObject(items.items)) items.items.type = mapType(items.items.type);
            else if (items.type === "object" && isObject(items.properties)) items.properties = castProperties(items.properties);
        }
    }
    return properties;
}

function mapType(type: JsonValue | undefined): string {
    return typeof type === "string" && Object.hasOwn(GORILLA_TO_OPENAPI, type) ? GORILLA_TO_OPENAPI[type] as string : "string";
}

function isObject(value: JsonValue | undefined): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * {@link bfclFcTools} as handed to the engine: the same tools without BFCL's `"optional": true`
 * property markers, which only `required` decides and which the engine's JSON Schema reader
 * rejects outside BFCL-dialect docs (`optional` on the parameters or on a property, a boolean, a
 * string or a list; read as BFCL docs they are dropped too, so the model's prompt is the same),
 * and with each `enum` that contradicts its `type` read as BFCL docs mean it (no value satisfies
 * such a schema as JSON Schema, so the engine would refuse the request): an array's enum lists its
 * items' values (moved into `items`), any other type gives way to the listed values (`type` dropped).
 */
export function bfclEngineTools(functions: readonly FunctionDoc[]): BfclFcTool[] {
    const tools = bfclFcTools(functions);
    for (const tool of tools) {
        dropOptionalMarkers(tool.function.parameters);
        reconcileEnums(tool.function.parameters);
    }
    return tools;
}

function reconcileEnums(schema: JsonObject): void {
    if (Array.isArray(schema.enum) && typeof schema.type === "string" && !schema.enum.every((value) => hasType(value, schema.type as string))) {
        if (schema.type === "array" && isObject(schema.items) && schema.items.enum === undefined) {
            schema.items.enum = schema.enum;
            delete schema.enum;
        } else delete schema.type;
    }
    if (isObject(schema.properties)) for (const property of Object.values(schema.properties)) if (isObject(property)) reconcileEnums(property);
    if (isObject(schema.items)) reconcileEnums(schema.items);
}

function hasType(value: JsonValue, type: string): boolean {
    switch (type) {
        case "string": return typeof value === "string";
        case "integer": return typeof value === "number" && Number.isInteger(value);
        case "number": return typeof value === "number";
        case "boolean": return typeof value === "boolean";
        case "array": return Array.isArray(value);
        case "object": return isObject(value);
        default: return value === null;
    }
}

function dropOptionalMarkers(schema: JsonObject): void {
    delete schema.optional;
    if (isObject(schema.properties)) {
        for (const property of Object.values(schema.properties)) if (isObject(property)) dropOptionalMarkers(property);
    }
    if (isObject(schema.items)) dropOptionalMarkers(schema.items);
}
