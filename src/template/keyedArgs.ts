import {OutputParseError} from "../protocol/AssistantOutput.js";
import {scanJsonEnd} from "../protocol/scanJsonEnd.js";
import type {JsonSchema, ObjectSchema} from "../tools/JsonSchema.js";
import {schemaNode} from "../tools/schemaNode.js";

/**
 * Arguments written one parameter at a time, as XML-style templates write them (Qwen3-Coder's
 * `<parameter=KEY>\nVALUE\n</parameter>\n`, GLM's `<arg_key>KEY</arg_key>\n<arg_value>VALUE</arg_value>\n`,
 * MiniMax M2's `<parameter name="KEY">VALUE</parameter>\n`): `open KEY mid VALUE close` per argument.
 * String values are written as they are; other values as JSON (`tojson`), booleans as the template
 * prints them (`True` where it uses Python's `str`).
 */
export type KeyedArgs = {open: string, mid: string, close: string, booleans: "json" | "python"};

/** Python's json.dumps layout (what `tojson` writes). */
export function spacedJson(value: unknown): string {
    if (Array.isArray(value)) return "[" + value.map(spacedJson).join(", ") + "]";
    if (typeof value === "object" && value !== null)
        return "{" + Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${spacedJson(item)}`).join(", ") + "}";
    return JSON.stringify(value) ?? "null";
}

function valueText(keyed: KeyedArgs, value: unknown): string {
    if (typeof value === "string") return value;
    if (typeof value === "boolean" && keyed.booleans === "python") return value ? "True" : "False";
    return spacedJson(value);
}

/** The arguments (JSON text) written one parameter at a time. */
export function renderKeyedArgs(keyed: KeyedArgs, argumentsText: string): string {
    const args = JSON.parse(argumentsText) as Record<string, unknown>;
    return Object.entries(args).map(([key, value]) => keyed.open + key + keyed.mid + valueText(keyed, value) + keyed.close).join("");
}

/** Whether a parameter's value is written as text (a string schema, or an enum of strings only). */
export function isTextValue(schema: JsonSchema | undefined): boolean {
    if (schema === undefined) return false;
    const node = schemaNode(schema);
    return node.kind === "string" || (node.kind === "enum" && node.schema.enum.every((value) => typeof value === "string"));
}

/**
 * Reads arguments written one parameter at a time from `pos`, while they follow; values typed by
 * the tool's schema (text for strings, JSON otherwise). Returns the arguments as JSON text and the
 * position after them.
 */
export function parseKeyedArgs(keyed: KeyedArgs, text: string, pos: number, schema: ObjectSchema | undefined): {argumentsText: string, end: number} {
    const args: Record<string, unknown> = {};
    while (text.startsWith(keyed.open, pos)) {
        const keyStart = pos + keyed.open.length;
        const keyEnd = text.indexOf(keyed.mid, keyStart);
        if (keyEnd < 0) throw new OutputParseError("an argument's name is not followed by its value", text, keyStart);
        const key = text.slice(keyStart, keyEnd);
        const valueStart = keyEnd + keyed.mid.length;
        const property = schema?.properties[key] as JsonSchema | undefined;
        let valueEnd: number;
        let value: unknown;
        if (isTextValue(property)) {
            valueEnd = text.indexOf(keyed.close, valueStart);
            if (valueEnd < 0) throw new OutputParseError(`the value of "${key}" is not closed`, text, valueStart);
            value = text.slice(valueStart, valueEnd);
        } else {
            const head = text[valueStart];
            valueEnd = head === "{" || head === "[" ? scanJsonEnd(text, valueStart) : text.indexOf(keyed.close, valueStart);
            if (valueEnd < 0) throw new OutputParseError(`the value of "${key}" is not closed`, text, valueStart);
            const raw = text.slice(valueStart, valueEnd);
            const json = keyed.booleans === "python" ? raw.replace(/^True$/, "true").replace(/^False$/, "false").replace(/^None$/, "null") : raw;
            try {
                value = JSON.parse(json);
            } catch {
                throw new OutputParseError(`the value of "${key}" is not JSON: ${raw.slice(0, 40)}`, text, valueStart);
            }
        }
        if (!text.startsWith(keyed.close, valueEnd)) throw new OutputParseError(`expected the end of argument "${key}"`, text, valueEnd);
        args[key] = value;
        pos = valueEnd + keyed.close.length;
    }
    return {argumentsText: JSON.stringify(args), end: pos};
}
