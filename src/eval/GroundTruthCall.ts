import {BfclDataError} from "./BfclDataError.js";
import {type PyDict, type PyValue, pyTypeOf} from "./PyValue.js";

/**
 * One expected call of a BFCL answer, `{name: {param: [alternative, ...]}}`. `params` maps each
 * parameter to its alternatives as stored (normally a list; `""` in it means "may be omitted";
 * dict alternatives map keys to lists of alternatives again).
 */
export interface GroundTruthCall {
    readonly name: string;
    readonly params: PyDict;
}

/**
 * Reads an answer's `ground_truth` list. Throws {@link BfclDataError} (`bfcl_bad_entry`) unless
 * it is a list of single-key dicts whose value is a dict.
 */
export function parseGroundTruth(value: PyValue, path = "$.ground_truth"): GroundTruthCall[] {
    if (!Array.isArray(value)) throw bad(path, "ground_truth must be a list");
    return (value as readonly PyValue[]).map((item, i) => {
        const at = `${path}[${i}]`;
        if (pyTypeOf(item) !== "dict") throw bad(at, "each expected call must be an object");
        const entries = (item as PyDict).entries();
        const entry = entries[0];
        if (entries.length !== 1 || entry === undefined) throw bad(at, "each expected call must have exactly one function name");
        const [name, params] = entry;
        if (typeof name !== "string" || pyTypeOf(params) !== "dict") throw bad(at, "an expected call maps a name to a parameter object");
        return {name, params: params as PyDict};
    });
}

function bad(path: string, message: string): BfclDataError {
    return new BfclDataError("bfcl_bad_entry", `${message} (at ${path})`, {path});
}
