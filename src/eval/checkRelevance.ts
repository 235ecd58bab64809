import type {CheckResult} from "./CheckResult.js";
import type {DecodedCall} from "./DecodedCall.js";

/**
 * BFCL's relevance runner: a reply "contains a call" when it decoded (`calls` is not null) to a
 * non-empty call list. Categories with `irrelevance` in their name pass without a call, the
 * others (`live_relevance`) with one; arguments are not checked.
 */
export function checkRelevance(category: string, calls: readonly DecodedCall[] | null): CheckResult {
    const containsCall = calls !== null && calls.length > 0;
    if (category.includes("irrelevance")) {
        return containsCall
            ? {valid: false, errorType: "irrelevance_error:decoder_success", error: "Valid syntax. Successfully decode AST when it should not."}
            : {valid: true};
    }
    return containsCall
        ? {valid: true}
        : {valid: false, errorType: "relevance_error:decoder_failed", error: "Invalid syntax. Failed to decode AST when it should have."};
}
