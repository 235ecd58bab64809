import {type PyDict, type PyFloat, type PyInt, type PyTuple, type PyValue, pyTypeOf} from "./PyValue.js";
import {parseLosslessJson} from "./parseLosslessJson.js";
import {tryPythonLiteral} from "./tryPythonLiteral.js";

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A canonical text for an API-Bank argument value, so that values equal "after light
 * normalisation" get equal texts:
 * - strings are trimmed, runs of white space become one space, and case is ignored;
 * - numbers compare by value, whether written as numbers or as strings (`5`, `5.0`, `'5'`);
 * - `true`/`false` compare equal to the strings `'true'`/`'False'`..., `None`/`null` likewise;
 * - a string holding a Python or JSON list or dict (API-Bank writes lists as strings:
 *   `health_data='[{...}]'`) compares as that list or dict;
 * - lists compare item by item in order; dicts key by key in any order.
 * Dates, times and units are not reinterpreted: `'2023-03-26'` and `'2023-03-26 00:00:00'` differ.
 */
export function normalizeApiBankValue(value: PyValue): string {
    switch (pyTypeOf(value)) {
        case "NoneType": return "none";
        case "bool": return value === true ? "b:true" : "b:false";
        case "int": return `n:${Number((value as PyInt).value)}`;
        case "float": return `n:${(value as PyFloat).value}`;
        case "str": return normalizeString(value as string);
        case "list": return `[${(value as readonly PyValue[]).map(normalizeApiBankValue).join(",")}]`;
        case "tuple": return `[${(value as PyTuple).items.map(normalizeApiBankValue).join(",")}]`;
        case "dict": {
            const entries = (value as PyDict).entries().map(([key, item]) => `${normalizeApiBankValue(key)}=${normalizeApiBankValue(item)}`);
            return `{${entries.sort().join(",")}}`;
        }
    }
}

function normalizeString(text: string): string {
    const trimmed = text.trim().replace(/\s+/g, " ");
    if (NUMBER.test(trimmed)) return `n:${Number(trimmed)}`;
    const lower = trimmed.toLowerCase();
    if (lower === "true" || lower === "false") return `b:${lower}`;
    if (lower === "none" || lower === "null") return "none";
    if (/^[[{(]/.test(trimmed)) {
        const structured = tryPythonLiteral(trimmed) ?? tryJson(trimmed);
        if (structured !== undefined && typeof structured !== "string") return normalizeApiBankValue(structured);
    }
    return `s:${lower}`;
}

function tryJson(text: string): PyValue | undefined {
    try {
        return parseLosslessJson(text);
    } catch {
        return undefined;
    }
}
