import type {JsonValue} from "../tools/JsonValue.js";
import {type PyDict, type PyFloat, type PyInt, type PyTuple, type PyValue, pyTypeOf} from "./PyValue.js";

/**
 * A Python value as `JSON.parse` would give it after `json.dumps`: ints and floats become JS
 * numbers (the int/float distinction is lost), tuples become arrays, dict keys become strings
 * the way `json.dumps` converts them. For schemas and messages, never for scoring.
 */
export function pyToJsonValue(value: PyValue): JsonValue {
    switch (pyTypeOf(value)) {
        case "NoneType": return null;
        case "bool": return value as boolean;
        case "int": return Number((value as PyInt).value);
        case "float": return (value as PyFloat).value;
        case "str": return value as string;
        case "list": return (value as readonly PyValue[]).map(pyToJsonValue);
        case "tuple": return (value as PyTuple).items.map(pyToJsonValue);
        case "dict": {
            const out: Record<string, JsonValue> = {};
            for (const [key, item] of (value as PyDict).entries()) out[keyText(key)] = pyToJsonValue(item);
            return out;
        }
    }
}

function keyText(key: PyValue): string {
    if (typeof key === "string") return key;
    if (key === null) return "null";
    if (typeof key === "boolean") return key ? "true" : "false";
    const json = pyToJsonValue(key);
    return typeof json === "number" ? String(json) : JSON.stringify(json);
}
