import type {CheckResult} from "./CheckResult.js";
import {pyIndexedItems} from "./pySequence.js";
import {pyRepr} from "./pyRepr.js";
import type {PyValue} from "./PyValue.js";
import {standardizeString} from "./standardizeString.js";

/** BFCL's `string_checker`: the normalised value must equal a normalised string alternative. */
export function checkStringValue(param: string, value: string, alternatives: PyValue): CheckResult {
    const wanted = pyIndexedItems(alternatives).filter((a): a is string => typeof a === "string").map(standardizeString);
    if (!wanted.includes(standardizeString(value))) {
        return {
            valid: false,
            errorType: "value_error:string",
            error: `Invalid value for parameter '${param}': ${pyRepr(value)}. Expected one of ${pyRepr(alternatives)}. Case insensitive.`,
        };
    }
    return {valid: true};
}
