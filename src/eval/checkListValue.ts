import type {CheckResult} from "./CheckResult.js";
import {pyIncludes} from "./pyEquals.js";
import {pyIndexedItems} from "./pySequence.js";
import {pyRepr} from "./pyRepr.js";
import type {PyValue} from "./PyValue.js";
import {standardizeString} from "./standardizeString.js";

/**
 * BFCL's `list_checker`: top-level string elements are normalised on both sides, then the list
 * must equal one alternative as a whole and in order (an alternative `""` reads as `[]`).
 */
export function checkListValue(param: string, value: readonly PyValue[], alternatives: PyValue): CheckResult {
    const normalise = (item: PyValue): PyValue => typeof item === "string" ? standardizeString(item) : item;
    const model = value.map(normalise);
    const wanted: PyValue[] = pyIndexedItems(alternatives).map((alternative) => pyIndexedItems(alternative).map(normalise));
    if (!pyIncludes(wanted, model)) {
        return {
            valid: false,
            errorType: "value_error:list/tuple",
            error: `Invalid value for parameter '${param}': ${pyRepr(value)}. Expected one of ${pyRepr(alternatives)}.`,
        };
    }
    return {valid: true};
}
