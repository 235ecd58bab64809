import type {JsonValue} from "./JsonValue.js";

/**
 * The JSON text of a value with object keys sorted: two values are `jsonEquals` exactly when
 * their canonical texts are equal, so a `Set` of these finds duplicates in linear time.
 */
export function canonicalJson(value: JsonValue): string {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(",")}}`;
}
