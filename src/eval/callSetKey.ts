import type {DecodedCall} from "./DecodedCall.js";
import {pyRepr} from "./pyRepr.js";
import {PyDict, type PyTuple, type PyValue, pyTuple, pyTypeOf} from "./PyValue.js";

/**
 * A canonical text for a set of decoded calls, to tell whether two rounds answered the same:
 * each call as the Python repr of `{name: args}` with dict keys sorted at every depth, the calls
 * sorted (order across parallel calls does not count, repeats do). `5` and `5.0` differ, as they
 * do for the checker. `null` (a reply that could not be decoded) is `"<undecodable>"`.
 */
export function callSetKey(calls: readonly DecodedCall[] | null): string {
    if (calls === null) return "<undecodable>";
    return `[${calls.map((call) => pyRepr(PyDict.from([[call.name, sortKeys(call.args)]]))).sort().join(", ")}]`;
}

function sortKeys(value: PyValue): PyValue {
    switch (pyTypeOf(value)) {
        case "list": return (value as readonly PyValue[]).map(sortKeys);
        case "tuple": return pyTuple((value as PyTuple).items.map(sortKeys));
        case "dict": {
            const entries = (value as PyDict).entries().map(([key, item]): [PyValue, PyValue] => [key, sortKeys(item)]);
            entries.sort((a, b) => compare(pyRepr(a[0]), pyRepr(b[0])));
            return PyDict.from(entries);
        }
        default: return value;
    }
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
