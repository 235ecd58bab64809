import type {JsonValue} from "../tools/JsonValue.js";
import {LooseSchemaError} from "./LooseSchemaError.js";


const typeNames: Readonly<Record<string, string>> = {
    str: "string", string: "string", char: "string", text: "string",
    datetime: "string", date: "string", time: "string", timestamp: "string", url: "string", email: "string",
    int: "integer", integer: "integer", long: "integer",
    float: "number", double: "number", number: "number", decimal: "number",
    bool: "boolean", boolean: "boolean",
    dict: "object", object: "object", map: "object", json: "object",
    list: "array", array: "array", tuple: "array", set: "array",
    null: "null", none: "null"
};

const kept = new Set(["description", "title", "format", "enum"]);
const counts = ["minItems", "maxItems", "minLength", "maxLength"];

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A loose type name (`str`, `List[int]`, `int, optional`, `Array[string]`) as schema parts. */
function looseType(name: string): {schema: {[key: string]: JsonValue}, optional: boolean} {
    let text = name.trim();
    let optional = false;
    const optionalSuffix = /,\s*optional$/i.exec(text);
    if (optionalSuffix !== null) {
        optional = true;
        text = text.slice(0, optionalSuffix.index).trim();
    }
    const wrapper = /^optional\[(.+)\]$/i.exec(text);
    if (wrapper !== null) {
        optional = true;
        text = wrapper[1] as string;
    }
    const generic = /^(list|array|tuple|set|sequence)\s*[[<](.+)[\]>]$/i.exec(text);
    if (generic !== null) {
        const inner = (generic[2] as string).trim();
        const items = /^(object|dict)\b/i.test(inner) ? {type: "object"} : looseType(inner).schema;
        return {schema: {type: "array", items}, optional};
    }
    const mapped = typeNames[text.toLowerCase()];
    if (mapped === undefined) throw new LooseSchemaError(`unknown type ${JSON.stringify(name)}`);
    return {schema: mapped === "array" ? {type: "array", items: {type: "string"}} : {type: mapped}, optional};
}

function coerceDefault(value: unknown, type: JsonValue | undefined): JsonValue | undefined {
    if (value === undefined || value === null) return undefined;
    switch (type) {
        case "string": return typeof value === "string" ? value : undefined;
        case "integer": {
            const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
            return typeof number === "number" && Number.isSafeInteger(number) ? number : undefined;
        }
        case "number": {
            const number = typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
            return typeof number === "number" && Number.isFinite(number) ? number : undefined;
        }
        case "boolean": return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined;
        default: return undefined;
    }
}

/**
 * Turns a schema written loosely (Python type names, `"str, optional"`, `List[str]`, stray
 * keywords, `required` naming absent properties, defaults of the wrong type) into plain JSON
 * Schema that `normalizeTools` accepts. Keywords it does not know are dropped. Returns the schema
 * and whether the type said "optional". Throws `LooseSchemaError` for unknown type names.
 */
export function cleanLooseSchema(raw: unknown): {schema: {[key: string]: JsonValue}, optional: boolean} {
    if (!isRecord(raw)) return {schema: {type: "string"}, optional: false};
    let schema: {[key: string]: JsonValue} = {};
    let optional = false;
    if (typeof raw.type === "string") {
        const loose = looseType(raw.type);
        schema = loose.schema;
        optional = loose.optional;
    } else if (Array.isArray(raw.type) && raw.type.every((name) => typeof name === "string")) {
        schema.type = raw.type.map((name) => {
            const mapped = looseType(name as string).schema.type;
            return mapped === undefined ? "string" : mapped;
        }) as JsonValue;
    } else if (raw.properties !== undefined) {
        schema.type = "object";
    } else if (raw.enum === undefined && raw.items === undefined) {
        schema.type = "string";
    }
    for (const key of kept) {
        const value = raw[key];
        if (key === "enum") {
            if (Array.isArray(value) && value.length > 0) schema.enum = value as JsonValue[];
        } else if (typeof value === "string") schema[key] = value;
    }
    for (const key of counts) {
        const value = raw[key];
        if (typeof value === "number" && Number.isInteger(value) && value >= 0) schema[key] = value;
    }
    for (const key of ["minimum", "maximum"]) {
        const value = raw[key];
        if (typeof value === "number" && Number.isSafeInteger(value)) schema[key] = value;
    }
    if (schema.type === "array") {
        if (isRecord(raw.items)) schema.items = cleanLooseSchema(raw.items).schema;
        else if (schema.items === undefined) schema.items = {type: "string"};
    }
    if (schema.type === "object") {
        const properties: {[key: string]: JsonValue} = {};
        const required = new Set<string>();
        if (isRecord(raw.properties)) {
            for (const [name, property] of Object.entries(raw.properties)) {
                const cleaned = cleanLooseSchema(property);
                properties[name] = cleaned.schema;
                if (isRecord(property) && (property.required === true)) required.add(name);
                if (cleaned.optional) required.delete(name);
            }
        }
        if (Array.isArray(raw.required))
            for (const name of raw.required) if (typeof name === "string" && Object.hasOwn(properties, name)) required.add(name);
        for (const [name, property] of Object.entries(isRecord(raw.properties) ? raw.properties : {}))
            if (isRecord(property) && typeof property.type === "string" && /optional/i.test(property.type)) required.delete(name);
        if (Object.keys(properties).length > 0) {
            schema.properties = properties;
            schema.required = [...required];
        }
    }
    const fallback = coerceDefault(raw.default, schema.type);
    if (fallback !== undefined) schema.default = fallback;
    return {schema, optional};
}
