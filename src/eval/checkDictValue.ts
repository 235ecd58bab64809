import {BfclCheckerCrash} from "./BfclCheckerCrash.js";
import type {CheckResult} from "./CheckResult.js";
import {pyIncludes} from "./pyEquals.js";
import {isOmitMarker, pyContains, pyGetItem, pyIndexedItems} from "./pySequence.js";
import {pyRepr} from "./pyRepr.js";
import {type PyDict, type PyValue, pyTypeOf} from "./PyValue.js";
import {standardizeString} from "./standardizeString.js";

/**
 * BFCL's `dict_checker`, for one dict value against dict alternatives (`""` alternatives are
 * skipped): every key of the value must be in the alternative with a (normalised) value among
 * that key's alternatives, and every key the value lacks must allow `""`. The first alternative
 * that fits wins; otherwise the last alternative's failure is reported.
 */
export function checkDictValue(param: string, value: PyValue, alternatives: PyValue): CheckResult {
    const model = asDict(value);
    let result: CheckResult = {valid: false, errorType: "dict_checker:unclear", error: `No dict alternative for parameter '${param}'.`};
    for (const alternative of pyIndexedItems(alternatives)) {
        if (isOmitMarker(alternative)) continue;
        const errors: string[] = [];
        let errorType = "dict_checker:unclear";
        let fits = true;
        for (const [key, item] of model.entries()) {
            if (!pyContains(alternative, key)) {
                errors.push(`Unexpected dict key parameter: ${pyRepr(key)}.`);
                errorType = "value_error:dict_key";
                fits = false;
                break;
            }
            const normalised = typeof item === "string" ? standardizeString(item) : item;
            const wanted = pyIndexedItems(pyGetItem(alternative, key)).map((a) => typeof a === "string" ? standardizeString(a) : a);
            if (!pyIncludes(wanted, normalised)) {
                errors.push(`Invalid value for parameter ${pyRepr(key)}: ${pyRepr(item)}. Expected one of ${pyRepr(wanted)}.`);
                errorType = "value_error:dict_value";
                fits = false;
                break;
            }
        }
        for (const [key, keyAlternatives] of asDict(alternative).entries()) {
            if (!model.has(key) && !pyContains(keyAlternatives, "")) {
                errors.push(`Missing dict key parameter: ${pyRepr(key)}.`);
                errorType = "value_error:dict_key";
                fits = false;
                break;
            }
        }
        if (fits) return {valid: true};
        result = {valid: false, errorType, error: errors.join(" ")};
    }
    return result;
}

function asDict(value: PyValue): PyDict {
    if (pyTypeOf(value) !== "dict") throw new BfclCheckerCrash("AttributeError", `'${pyTypeOf(value)}' object has no attribute 'items'`);
    return value as PyDict;
}
