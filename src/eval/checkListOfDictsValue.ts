import {checkDictValue} from "./checkDictValue.js";
import type {CheckResult} from "./CheckResult.js";
import {pyGetItem, pyIndexedItems, pyLen} from "./pySequence.js";
import {type PyValue, pyInt} from "./PyValue.js";

/**
 * BFCL's `list_dict_checker`: a list of dicts matches an alternative when the lengths agree and
 * each dict passes {@link checkDictValue} against the dict at the same position.
 */
export function checkListOfDictsValue(param: string, value: readonly PyValue[], alternatives: PyValue): CheckResult {
    let result: CheckResult = {valid: false, errorType: "list_dict_checker:unclear", error: `No list alternative for parameter '${param}'.`};
    for (const alternative of pyIndexedItems(alternatives)) {
        if (value.length !== pyLen(alternative)) {
            result = {valid: false, errorType: "value_error:list_dict_count", error: "Wrong number of dictionaries in the list."};
            continue;
        }
        let fits = true;
        for (let i = 0; i < value.length; i++) {
            result = checkDictValue(param, value[i] as PyValue, [pyGetItem(alternative, pyInt(i))]);
            if (!result.valid) {
                fits = false;
                break;
            }
        }
        if (fits) return {valid: true};
    }
    return result;
}
