import {BfclCheckError} from "./BfclCheckError.js";
import {BfclCheckerCrash} from "./BfclCheckerCrash.js";
import {checkMultipleCalls} from "./checkMultipleCalls.js";
import {checkParallelCalls} from "./checkParallelCalls.js";
import {checkRelevance} from "./checkRelevance.js";
import type {CheckResult} from "./CheckResult.js";
import {checkSimpleCall} from "./checkSimpleCall.js";
import type {DecodedCall} from "./DecodedCall.js";
import type {FunctionDoc} from "./FunctionDoc.js";
import type {GroundTruthCall} from "./GroundTruthCall.js";
import {isRelevanceCategory} from "./isRelevanceCategory.js";

export interface CheckCallsInput {
    /** BFCL category name (`simple_python`, `parallel_multiple`, `live_irrelevance`...); it picks the checker. */
    readonly category: string;
    /** The entry's function docs, as given to the model. */
    readonly functions: readonly FunctionDoc[];
    /** The entry's answer; required except for relevance / irrelevance categories. */
    readonly groundTruth?: readonly GroundTruthCall[];
    /** The decoded reply; `null` when the reply could not be decoded at all. */
    readonly calls: readonly DecodedCall[] | null;
    /** The model writes `.` in function names as `_` (BFCL's `underscore_to_dot`). */
    readonly underscoreToDot?: boolean;
}

/**
 * Scores one decoded reply the way BFCL does for Python single-turn categories. Relevance
 * categories go to {@link checkRelevance}; an undecodable reply fails (`ast_decoder:decoder_failed`);
 * then the category name routes: contains `parallel` → {@link checkParallelCalls}, else
 * `multiple` → {@link checkMultipleCalls}, else exactly one call checked by
 * {@link checkSimpleCall} against the first doc and the first expected call. Where BFCL's own
 * code would raise, the result is invalid with error type `checker_crash:<PythonError>`.
 * Throws {@link BfclCheckError} for Java/JavaScript categories and missing ground truth.
 */
export function checkCalls(input: CheckCallsInput): CheckResult {
    const {category, functions, calls} = input;
    const underscoreToDot = input.underscoreToDot ?? false;
    if (isRelevanceCategory(category)) return checkRelevance(category, calls);
    if (category.includes("java")) {
        throw new BfclCheckError("bfcl_unsupported_category", `category ${category} needs BFCL's Java/JavaScript type conversion, which is not implemented`, {category});
    }
    const groundTruth = input.groundTruth;
    if (groundTruth === undefined) throw new BfclCheckError("bfcl_missing_ground_truth", `category ${category} needs ground truth`, {category});
    if (calls === null) return {valid: false, errorType: "ast_decoder:decoder_failed", error: "Invalid syntax. Failed to decode AST."};
    try {
        if (category.includes("parallel")) return checkParallelCalls(functions, calls, groundTruth, underscoreToDot);
        if (category.includes("multiple")) return checkMultipleCalls(functions, calls, groundTruth, underscoreToDot);
        const call = calls[0];
        if (calls.length !== 1 || call === undefined) {
            return {valid: false, errorType: "simple_function_checker:wrong_count", error: "Wrong number of functions."};
        }
        const expected = groundTruth[0];
        if (functions[0] === undefined || expected === undefined) throw new BfclCheckerCrash("IndexError", "list index out of range");
        return checkSimpleCall(functions[0], call, expected, underscoreToDot);
    } catch (error) {
        if (error instanceof BfclCheckerCrash) {
            return {valid: false, errorType: `checker_crash:${error.pythonError}`, error: error.message};
        }
        throw error;
    }
}
