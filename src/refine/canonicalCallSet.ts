import type {AssistantOutput} from "../protocol/AssistantOutput.js";

/**
 * A canonical string for the calls of an output: each call as name + arguments with keys sorted
 * recursively and numbers compared by value (`5` = `5.0`), the calls sorted, so two outputs are
 * the same call set exactly when their canonical strings are equal (order across parallel calls
 * does not matter; repeated calls count). A text answer is the empty set.
 */
export function canonicalCallSet(output: AssistantOutput): string {
    if (output.kind === "text") return "[]";
    const calls = output.calls.map((call) => canonicalJson([call.name, parseOrText(call.argumentsText)]));
    calls.sort();
    return `[${calls.join(",")}]`;
}

function parseOrText(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return {"": text};
    }
}

function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
    if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}
