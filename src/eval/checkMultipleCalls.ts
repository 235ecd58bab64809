import {BfclCheckerCrash} from "./BfclCheckerCrash.js";
import {checkSimpleCall} from "./checkSimpleCall.js";
import type {CheckResult} from "./CheckResult.js";
import type {DecodedCall} from "./DecodedCall.js";
import type {FunctionDoc} from "./FunctionDoc.js";
import type {GroundTruthCall} from "./GroundTruthCall.js";

/**
 * BFCL's `multiple_function_checker`: as many calls as expected (one), and the first call checked
 * against the doc whose name is the expected call's.
 */
export function checkMultipleCalls(functions: readonly FunctionDoc[], calls: readonly DecodedCall[],
    groundTruth: readonly GroundTruthCall[], underscoreToDot: boolean): CheckResult {
    if (calls.length !== groundTruth.length) {
        return {valid: false, errorType: "multiple_function_checker:wrong_count", error: "Wrong number of functions."};
    }
    const expected = groundTruth[0];
    const call = calls[0];
    if (expected === undefined || call === undefined) throw new BfclCheckerCrash("IndexError", "list index out of range");
    return checkSimpleCall(functions.find((f) => f.name === expected.name), call, expected, underscoreToDot);
}
