import type {DecodedCall} from "./DecodedCall.js";
import type {GroundTruthCall} from "./GroundTruthCall.js";
import {isOmitMarker} from "./pySequence.js";
import {PyDict, type PyValue, pyTuple, pyTypeOf} from "./PyValue.js";

/**
 * The calls an oracle would make: each expected call with every parameter set to its first
 * alternative that is not `""`, leaving out parameters that have none. (`""` may come first even
 * for a required parameter, e.g. `["", 25.0]`; BFCL's canonical answers then use `25.0`.)
 * Dict alternatives (`{key: [alternative, ...]}`), also inside lists, are resolved the same way.
 */
export function groundTruthToCalls(groundTruth: readonly GroundTruthCall[]): DecodedCall[] {
    return groundTruth.map((call) => ({name: call.name, args: firstAlternatives(call.params)}));
}

function firstAlternatives(params: PyDict): PyDict {
    const entries: [PyValue, PyValue][] = [];
    for (const [key, alternatives] of params.entries()) {
        if (!Array.isArray(alternatives)) {
            entries.push([key, alternatives]);
            continue;
        }
        const first = (alternatives as readonly PyValue[]).find((alternative) => !isOmitMarker(alternative));
        if (first === undefined) continue;
        entries.push([key, resolve(first)]);
    }
    return PyDict.from(entries);
}

function resolve(value: PyValue): PyValue {
    switch (pyTypeOf(value)) {
        case "dict": return firstAlternatives(value as PyDict);
        case "list": return (value as readonly PyValue[]).map(resolve);
        case "tuple": return pyTuple((value as {items: readonly PyValue[]}).items.map(resolve));
        default: return value;
    }
}
