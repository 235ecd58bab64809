import {PyDict, type PyValue, pyTypeOf} from "./PyValue.js";

/**
 * One function call as BFCL's checker receives it, `{name: {param: value}}`. `args` is a Python
 * dict: keyword names are strings (a `**kwargs` argument in a prompt reply gives a `None` key).
 */
export interface DecodedCall {
    readonly name: string;
    readonly args: PyDict;
}

/** `[{name: args}, ...]`, the decoded-output shape BFCL's checker reads. */
export function decodedCallsToPyValue(calls: readonly DecodedCall[]): PyValue[] {
    return calls.map((call) => PyDict.from([[call.name, call.args]]));
}

/**
 * BFCL's `is_function_calling_format_output`: a list of single-key dicts whose value is a dict
 * becomes calls; anything else gives `undefined` (the checker's `decoder_wrong_output_format`).
 */
export function decodedCallsFromPyValue(value: PyValue): DecodedCall[] | undefined {
    if (!Array.isArray(value)) return undefined;
    const calls: DecodedCall[] = [];
    for (const item of value as readonly PyValue[]) {
        if (pyTypeOf(item) !== "dict") return undefined;
        const entries = (item as PyDict).entries();
        const entry = entries[0];
        if (entries.length !== 1 || entry === undefined) return undefined;
        const [name, args] = entry;
        if (pyTypeOf(args) !== "dict" || typeof name !== "string") return undefined;
        calls.push({name, args: args as PyDict});
    }
    return calls;
}
