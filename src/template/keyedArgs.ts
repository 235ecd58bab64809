import {OutputParseError} from "../protocol/AssistantOutput.js";
import {scanJsonEnd} from "../protocol/scanJsonEnd.js";
import type {JsonSchema, ObjectSchema} from "../tools/JsonSchema.js";
import {schemaNode} from "../tools/schemaNode.js";

/**
 * Arguments written one parameter at a time, as XML-style templates write them (Qwen3-Coder's
 * `<parameter=KEY>\nVALUE\n</parameter>\n`, GLM's `<arg_key>KEY</arg_key>\n<arg_value>VALUE</arg_value>\n`,
 * MiniMax M2's `<parameter name="KEY">VALUE</parameter>\n`): `open KEY mid VALUE close` per argument.
 * Gemma 4's `KEY:VALUE` pairs joined by `,` with text in `<|"|>` quotes are the same with a
 * separator and a quote. String values are written as they are (between the quotes); other values
 * as JSON (`tojson`), booleans as the template prints them (`True` where it uses Python's `str`).
 */
export type KeyedArgs = {open: string, mid: string, close: string, separator: string, quote: string, booleans: "json" | "python"};

/** Python's json.dumps layout (what `tojson` writes). */
export function spacedJson(value: unknown): string {
    if (Array.isArray(value)) return "[" + value.map(spacedJson).join(", ") + "]";
    if (typeof value === "object" && value !== null)
        return "{" + Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${spacedJson(item)}`).join(", ") + "}";
    return JSON.stringify(value) ?? "null";
}

function valueText(keyed: KeyedArgs, value: unknown): string {
    if (typeof value === "string") return keyed.quote + value + keyed.quote;
    if (typeof value === "boolean" && keyed.booleans === "python") return value ? "True" : "False";
    return spacedJson(value);
}

/** The arguments (JSON text) written one parameter at a time. */
export function renderKeyedArgs(keyed: KeyedArgs, argumentsText: string): string {
    const args = JSON.parse(argumentsText) as Record<string, unknown>;
    return Object.entries(args).map(([key, value]) => keyed.open + key + keyed.mid + valueText(keyed, value) + keyed.close).join(keyed.separator);
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
    for (;;) {
        const lead = Object.keys(args).length === 0 ? keyed.open : keyed.separator + keyed.open;
        // Without an opening marker, an argument starts with a name (and, after the first, the separator).
        if (!text.startsWith(lead, pos) || (lead === "" && !/^[A-Za-z_$][\w.$-]*/.test(text.slice(pos)))) break;
        const keyStart = pos + lead.length;
        const keyEnd = text.indexOf(keyed.mid, keyStart);
        if (keyEnd < 0) throw new OutputParseError("an argument's name is not followed by its value", text, keyStart);
        const key = text.slice(keyStart, keyEnd);
        let valueStart = keyEnd + keyed.mid.length;
        const property = schema?.properties[key] as JsonSchema | undefined;
        let valueEnd: number;
        let value: unknown;
        if (isTextValue(property)) {
            if (!text.startsWith(keyed.quote, valueStart)) throw new OutputParseError(`expected the value of "${key}" to open with ${JSON.stringify(keyed.quote)}`, text, valueStart);
            valueStart += keyed.quote.length;
            const stop = keyed.quote !== "" ? keyed.quote : keyed.close;
            valueEnd = text.indexOf(stop, valueStart);
            if (valueEnd < 0) throw new OutputParseError(`the value of "${key}" is not closed`, text, valueStart);
            value = text.slice(valueStart, valueEnd);
            valueEnd += keyed.quote.length;
        } else {
            const head = text[valueStart];
            const scalar = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|True|False|null|None)/.exec(text.slice(valueStart))?.[0];
            valueEnd = head === "{" || head === "[" ? scanJsonEnd(text, valueStart) : scalar !== undefined ? valueStart + scalar.length : -1;
            if (valueEnd < 0) throw new OutputParseError(`the value of "${key}" is not JSON`, text, valueStart);
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
