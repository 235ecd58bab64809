import {BfclCheckerCrash} from "./BfclCheckerCrash.js";
import {isOmitMarker, pyIterate} from "./pySequence.js";
import {pyRepr} from "./pyRepr.js";
import {type PyTypeName, type PyValue, pyTypeOf} from "./PyValue.js";

/** BFCL's `PYTHON_TYPE_MAPPING`: schema type → the Python type a value must have. */
const PYTHON_TYPE_MAPPING: Readonly<Record<string, PyTypeName>> = {
    string: "str", integer: "int", float: "float", boolean: "bool", array: "list", tuple: "list", dict: "dict", any: "str",
};

/** The Python type for a BFCL schema type; unknown types crash BFCL (`KeyError`). */
export function pythonTypeForSchema(schemaType: string | undefined): PyTypeName {
    const mapped = schemaType === undefined ? undefined : PYTHON_TYPE_MAPPING[schemaType];
    if (mapped === undefined) throw new BfclCheckerCrash("KeyError", `no Python type for schema type ${String(schemaType)}`);
    return mapped;
}

export interface TypeCheckResult {
    readonly valid: boolean;
    /** The value stands for a variable (the ground truth's type differs from the schema's): skip value normalisation. */
    readonly isVariable: boolean;
    readonly errorType?: "type_error:simple" | "type_error:nested";
    readonly error?: string;
}

/** `get_possible_answer_type`: the type of the first alternative that is not `""`. */
export function possibleAnswerType(alternatives: PyValue): PyTypeName | undefined {
    for (const answer of pyIterate(alternatives)) {
        if (!isOmitMarker(answer)) return pyTypeOf(answer);
    }
    return undefined;
}

/**
 * BFCL's `type_checker`. A value of exactly the expected type passes (for arrays, every element
 * must have the item type or the type of some list alternative's first element, and a non-list
 * alternative lets anything through); otherwise it passes only when its type equals the ground
 * truth's (a "variable"). Nested failures are `type_error:nested`, others `type_error:simple`.
 */
export function checkParamType(param: string, value: PyValue, alternatives: PyValue, expectedDescription: string,
    expected: PyTypeName, nested: PyTypeName | null): TypeCheckResult {
    const answerType = possibleAnswerType(alternatives);
    const isVariable = answerType !== undefined && answerType !== expected;
    const valueType = pyTypeOf(value);
    let failure: TypeCheckResult | undefined;
    if (valueType === expected) {
        if (nested === null) return {valid: true, isVariable};
        for (const alternative of pyIterate(alternatives)) {
            let fits = true;
            if (pyTypeOf(alternative) === "list") {
                for (const item of pyIterate(value)) {
                    if (!checkParamType(param, item, alternative, nested, nested, null).valid) {
                        fits = false;
                        break;
                    }
                }
            }
            if (fits) return {valid: true, isVariable};
        }
        failure = {
            valid: false,
            isVariable: false,
            errorType: "type_error:nested",
            error: `Nested type checking failed for parameter '${param}'. Expected outer type ${expectedDescription} with inner type ${nested}. Parameter value: ${pyRepr(value)}.`,
        };
    }
    if (answerType !== undefined && valueType === answerType) {
        return failure === undefined ? {valid: true, isVariable: true} : {...failure, isVariable: true};
    }
    return {
        valid: false,
        isVariable: false,
        errorType: "type_error:simple",
        error: `Incorrect type for parameter '${param}'. Expected type ${expectedDescription}, got ${valueType}. Parameter value: ${pyRepr(value)}.`,
    };
}
