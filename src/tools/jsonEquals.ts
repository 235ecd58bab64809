import type {JsonValue} from "./JsonValue.js";

/** Deep equality of JSON values (object key order does not matter; `1` equals `1.0`). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
        return a.every((item, i) => jsonEquals(item, b[i] as JsonValue));
    }
    const aKeys = Object.keys(a);
    if (aKeys.length !== Object.keys(b).length) return false;
    return aKeys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key] as JsonValue, b[key] as JsonValue));
}
