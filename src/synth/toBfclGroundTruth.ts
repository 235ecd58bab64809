import type {JsonValue} from "../tools/JsonValue.js";
import type {BfclGroundTruth} from "./BfclGroundTruth.js";
import type {PlannedCall} from "./PlannedCall.js";

function alternative(value: JsonValue): JsonValue {
    if (Array.isArray(value)) return value.map((item) => (isObject(item) ? objectAlternatives(item) : item));
    if (isObject(value)) return objectAlternatives(value);
    return value;
}

function objectAlternatives(value: {[key: string]: JsonValue}): JsonValue {
    const out: {[key: string]: JsonValue} = {};
    for (const [key, item] of Object.entries(value)) out[key] = [alternative(item)];
    return out;
}

function isObject(value: JsonValue): value is {[key: string]: JsonValue} {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The BFCL possible answer of planned calls: each given argument has its one value; each
 * optional parameter the request did not mention may be omitted (`""`) or, when the schema has
 * a default, given that default.
 */
export function toBfclGroundTruth(calls: readonly PlannedCall[]): BfclGroundTruth {
    return calls.map((call) => {
        const params: Record<string, JsonValue[]> = {};
        for (const [name, schema] of Object.entries(call.tool.definition.parameters.properties)) {
            const given = call.args.find((arg) => arg.name === name);
            if (given !== undefined) params[name] = [alternative(given.value.value)];
            else {
                const fallback = (schema as {default?: JsonValue}).default;
                params[name] = fallback === undefined ? [""] : [fallback, ""];
            }
        }
        return {[call.tool.definition.name]: params};
    });
}
