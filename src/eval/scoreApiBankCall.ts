import type {ApiBankCall} from "./ApiBankItem.js";
import type {DecodedCall} from "./DecodedCall.js";
import {normalizeApiBankValue} from "./normalizeApiBankValue.js";
import type {PyDict, PyValue} from "./PyValue.js";

/** The verdict on a call: right, or why not. */
export interface ApiBankVerdict {
    readonly correct: boolean;
    /** `no_call`, `undecodable`, `extra_calls`, `wrong_api`, `missing_argument:k`, `unexpected_argument:k`, `wrong_value:k`, `toolsearcher_keywords`. */
    readonly errorType?: string;
}

/** Words that do not make two ToolSearcher queries about the same thing. */
const STOP_WORDS = new Set(["a", "an", "the", "of", "for", "to", "in", "on", "at", "and", "or", "with", "by", "from", "my", "me", "i", "is", "api", "tool", "tools"]);

/**
 * Whether a model's calls match API-Bank's expected call, approximating API-Bank's execution
 * check (see docs/evaluation.md): exactly one call, the same API name (exactly), the same
 * argument names (arguments that are `None` count as omitted), and every value equal after
 * {@link normalizeApiBankValue}. ToolSearcher calls are checked by what they would retrieve,
 * approximated by their keywords: right when the two keyword sets (split at non-letters and at
 * camel-case humps, lower-cased, stop words dropped) share a word.
 */
export function scoreApiBankCall(calls: readonly DecodedCall[] | null, expected: ApiBankCall): ApiBankVerdict {
    if (calls === null) return {correct: false, errorType: "undecodable"};
    const call = calls[0];
    if (call === undefined) return {correct: false, errorType: "no_call"};
    if (calls.length > 1) return {correct: false, errorType: "extra_calls"};
    if (call.name !== expected.name) return {correct: false, errorType: "wrong_api"};
    if (expected.name === "ToolSearcher") {
        const got = keywordWords(call.args.get("keywords"));
        const want = keywordWords(expected.args.get("keywords"));
        return [...got].some((word) => want.has(word)) ? {correct: true} : {correct: false, errorType: "toolsearcher_keywords"};
    }
    const got = argumentsOf(call.args);
    const want = argumentsOf(expected.args);
    for (const key of want.keys()) if (!got.has(key)) return {correct: false, errorType: `missing_argument:${key}`};
    for (const key of got.keys()) if (!want.has(key)) return {correct: false, errorType: `unexpected_argument:${key}`};
    for (const [key, value] of want) {
        if (got.get(key) !== value) return {correct: false, errorType: `wrong_value:${key}`};
    }
    return {correct: true};
}

/** Argument name → normalised value, leaving out `None` values. */
function argumentsOf(args: PyDict): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, value] of args.entries()) {
        if (value === null) continue;
        out.set(String(key), normalizeApiBankValue(value));
    }
    return out;
}

function keywordWords(value: PyValue | undefined): Set<string> {
    if (typeof value !== "string") return new Set();
    const words = value.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/);
    return new Set(words.filter((word) => word !== "" && !STOP_WORDS.has(word)));
}
