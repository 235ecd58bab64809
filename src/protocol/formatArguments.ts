/**
 * Compact JSON of call arguments with object keys in the schema's property order — the exact
 * layout the call grammar generates, so that rendered history and training targets match what
 * the model writes at inference. Keys the schema does not list keep their order, after the rest.
 */
export function formatArguments(schema: unknown, value: unknown): string {
    if (Array.isArray(value)) {
        const items = isRecord(schema) ? schema.items : undefined;
        return "[" + value.map((item) => formatArguments(items, item)).join(",") + "]";
    }
    if (isRecord(value)) {
        const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
        const keys = [
            ...Object.keys(properties).filter((key) => Object.hasOwn(value, key)),
            ...Object.keys(value).filter((key) => !Object.hasOwn(properties, key))
        ];
        return "{" + keys.map((key) => JSON.stringify(key) + ":" + formatArguments(properties[key], value[key])).join(",") + "}";
    }
    return JSON.stringify(value) ?? "null";
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
