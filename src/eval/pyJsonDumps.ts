import {formatPyFloat} from "./formatPyFloat.js";
import {type PyDict, type PyFloat, type PyInt, type PyTuple, type PyValue, pyTypeOf} from "./PyValue.js";
import {PyValueError} from "./PyValueError.js";

/**
 * Python's `json.dumps(value, indent=indent)` with its defaults (`ensure_ascii=True`): floats as
 * `repr` writes them (`5.0`, `1e-05`, `NaN`, `Infinity`), ints exact, tuples as arrays,
 * non-ASCII and control characters as `\uXXXX`. Without `indent` the separators are `", "` and
 * `": "`; with it, items go one per line and `","` ends a line. Dict keys that are not strings
 * become strings the way Python converts them (`1` → `"1"`, `True` → `"true"`, `None` → `"null"`).
 */
export function pyJsonDumps(value: PyValue, indent?: number): string {
    return dump(value, indent, 0);
}

function dump(value: PyValue, indent: number | undefined, level: number): string {
    switch (pyTypeOf(value)) {
        case "NoneType": return "null";
        case "bool": return value === true ? "true" : "false";
        case "int": return (value as PyInt).value.toString();
        case "float": return jsonFloat((value as PyFloat).value);
        case "str": return jsonString(value as string);
        case "list": return dumpItems((value as readonly PyValue[]).map((item) => dump(item, indent, level + 1)), "[", "]", indent, level);
        case "tuple": return dumpItems((value as PyTuple).items.map((item) => dump(item, indent, level + 1)), "[", "]", indent, level);
        case "dict":
            return dumpItems((value as PyDict).entries().map(([key, item]) => `${jsonString(keyText(key))}: ${dump(item, indent, level + 1)}`),
                "{", "}", indent, level);
    }
}

function dumpItems(items: readonly string[], open: string, close: string, indent: number | undefined, level: number): string {
    if (items.length === 0) return open + close;
    if (indent === undefined) return open + items.join(", ") + close;
    const inner = "\n" + " ".repeat(indent * (level + 1));
    return open + inner + items.join("," + inner) + "\n" + " ".repeat(indent * level) + close;
}

function jsonFloat(x: number): string {
    if (Number.isNaN(x)) return "NaN";
    if (x === Infinity) return "Infinity";
    if (x === -Infinity) return "-Infinity";
    return formatPyFloat(x);
}

function keyText(key: PyValue): string {
    switch (pyTypeOf(key)) {
        case "str": return key as string;
        case "NoneType": return "null";
        case "bool": return key === true ? "true" : "false";
        case "int": return (key as PyInt).value.toString();
        case "float": return jsonFloat((key as PyFloat).value);
        default:
            throw new PyValueError("py_bad_json_key", `keys must be str, int, float, bool or None, not ${pyTypeOf(key)}`, {pythonError: "TypeError"});
    }
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {"\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"};

/** `json.dumps(str)` with `ensure_ascii=True`: everything outside space..`~` is escaped. */
function jsonString(text: string): string {
    let out = "\"";
    for (let i = 0; i < text.length; i++) {
        const ch = text[i] as string;
        const code = text.charCodeAt(i);
        const short = SHORT_ESCAPES[ch];
        if (short !== undefined) out += short;
        else if (code >= 0x20 && code <= 0x7e) out += ch;
        else out += `\\u${code.toString(16).padStart(4, "0")}`;
    }
    return out + "\"";
}
