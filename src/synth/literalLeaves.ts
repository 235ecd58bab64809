import type {JsonValue} from "../tools/JsonValue.js";

/** The strings and numbers inside a value (as a request would write them), depth first. */
export function literalLeaves(value: JsonValue): string[] {
    if (typeof value === "string") return [value];
    if (typeof value === "number") return [String(value)];
    if (Array.isArray(value)) return value.flatMap(literalLeaves);
    if (value !== null && typeof value === "object") return Object.values(value).flatMap(literalLeaves);
    return [];
}
