import {checkSimpleCall} from "./checkSimpleCall.js";
import type {CheckResult} from "./CheckResult.js";
import type {DecodedCall} from "./DecodedCall.js";
import type {FunctionDoc} from "./FunctionDoc.js";
import type {GroundTruthCall} from "./GroundTruthCall.js";

/**
 * BFCL's `parallel_function_checker_no_order`: the call counts must agree; then each expected
 * call, in order, takes the first model call not yet taken that passes {@link checkSimpleCall}
 * against the doc named by the expected call (greedy, so order-independent but not a full
 * matching: an early expected call can take a model call a later one needed).
 */
export function checkParallelCalls(functions: readonly FunctionDoc[], calls: readonly DecodedCall[],
    groundTruth: readonly GroundTruthCall[], underscoreToDot: boolean): CheckResult {
    if (calls.length !== groundTruth.length) {
        return {valid: false, errorType: "parallel_function_checker_no_order:wrong_count", error: "Wrong number of functions."};
    }
    const matched = new Set<number>();
    for (let i = 0; i < groundTruth.length; i++) {
        const expected = groundTruth[i] as GroundTruthCall;
        const doc = functions.find((f) => f.name === expected.name);
        const errors: string[] = [];
        let found = false;
        for (let index = 0; index < calls.length && !found; index++) {
            if (matched.has(index)) continue;
            const result = checkSimpleCall(doc, calls[index] as DecodedCall, expected, underscoreToDot);
            if (result.valid) {
                matched.add(index);
                found = true;
            } else {
                errors.push(`model call ${index}: [${result.errorType ?? ""}] ${result.error ?? ""}`);
            }
        }
        if (!found) {
            const considered = calls.map((_, index) => index).filter((index) => !matched.has(index));
            return {
                valid: false,
                errorType: "parallel_function_checker_no_order:cannot_find_match",
                error: [`Could not find a matching function among index [${considered.join(", ")}] of model output for index ${i} of possible answers.`, ...errors].join("\n"),
            };
        }
    }
    return {valid: true};
}
