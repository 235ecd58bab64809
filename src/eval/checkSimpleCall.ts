import {BfclCheckerCrash} from "./BfclCheckerCrash.js";
import {checkDictValue} from "./checkDictValue.js";
import {checkListOfDictsValue} from "./checkListOfDictsValue.js";
import {checkListValue} from "./checkListValue.js";
import {checkParamType, pythonTypeForSchema} from "./checkParamType.js";
import type {CheckResult} from "./CheckResult.js";
import {checkStringValue} from "./checkStringValue.js";
import {convertFunctionName} from "./convertFunctionName.js";
import type {DecodedCall} from "./DecodedCall.js";
import type {FunctionDoc} from "./FunctionDoc.js";
import type {GroundTruthCall} from "./GroundTruthCall.js";
import {pyContains} from "./pySequence.js";
import {pyRepr} from "./pyRepr.js";
import {type PyTuple, type PyTypeName, type PyValue, pyFloat, pyTypeOf} from "./PyValue.js";

const UNCLEAR = "simple_function_checker:unclear";

/**
 * BFCL's `simple_function_checker` (Python) for one model call against one expected call and
 * its function doc, rule by rule with the first failure ending it: name, required parameters,
 * unknown parameters, per-parameter type and value, then omitted parameters that must allow `""`.
 * The ground truth's own name is not used: the doc's name (after {@link convertFunctionName}) is.
 */
export function checkSimpleCall(doc: FunctionDoc | undefined, call: DecodedCall, expected: GroundTruthCall,
    underscoreToDot: boolean): CheckResult {
    if (doc === undefined) throw new BfclCheckerCrash("TypeError", "'NoneType' object is not subscriptable");
    const possibleAnswer = expected.params;
    const properties = doc.parameters.properties;
    const funcName = convertFunctionName(doc.name, underscoreToDot);
    if (call.name !== funcName) {
        return {valid: false, errorType: "simple_function_checker:wrong_func_name", error: `Function name '${funcName}' not found in model output.`};
    }
    const modelParams = call.args;
    for (const param of doc.parameters.required) {
        if (!modelParams.has(param)) {
            return {valid: false, errorType: "simple_function_checker:missing_required", error: `Missing required parameter: '${param}'.`};
        }
    }
    let successType: string | undefined = UNCLEAR;
    for (const [param, rawValue] of modelParams.entries()) {
        const schema = typeof param === "string" ? properties.get(param) : undefined;
        const alternatives = possibleAnswer.get(param);
        if (typeof param !== "string" || schema === undefined || alternatives === undefined) {
            return {valid: false, errorType: "simple_function_checker:unexpected_param", error: `Unexpected parameter: ${pyRepr(param)}.`};
        }
        const description = schema.type;
        if (description === undefined) throw new BfclCheckerCrash("KeyError", `parameter '${param}' has no type`);
        const expectedType = pythonTypeForSchema(description);
        let nestedType: PyTypeName | null = null;
        if (description === "array" || description === "tuple") {
            if (schema.items === undefined) throw new BfclCheckerCrash("KeyError", `parameter '${param}' has no items`);
            nestedType = pythonTypeForSchema(schema.items.type);
        }
        let value: PyValue = rawValue;
        if (description === "tuple" && pyTypeOf(value) === "tuple") value = [...(value as PyTuple).items];
        if (description === "float" && pyTypeOf(value) === "int") value = pyFloat(Number((value as {value: bigint}).value));

        const typeResult = checkParamType(param, value, alternatives, description, expectedType, nestedType);
        if (!typeResult.valid) return {valid: false, errorType: typeResult.errorType as string, error: typeResult.error as string};

        if (!typeResult.isVariable) {
            let valueResult: CheckResult | undefined;
            if (expectedType === "dict") valueResult = checkDictValue(param, value, alternatives);
            else if (expectedType === "list" && nestedType === "dict") valueResult = checkListOfDictsValue(param, value as readonly PyValue[], alternatives);
            else if (expectedType === "str") valueResult = checkStringValue(param, value as string, alternatives);
            else if (expectedType === "list") valueResult = checkListValue(param, value as readonly PyValue[], alternatives);
            if (valueResult !== undefined) {
                if (!valueResult.valid) return valueResult;
                successType = undefined;
                continue;
            }
        }
        if (!pyContains(alternatives, value)) {
            return {
                valid: false,
                errorType: "value_error:others",
                error: `Invalid value for parameter '${param}': ${pyRepr(value)}. Expected one of ${pyRepr(alternatives)}.`,
            };
        }
    }
    for (const [param, alternatives] of possibleAnswer.entries()) {
        if (!modelParams.has(param) && !pyContains(alternatives, "")) {
            return {
                valid: false,
                errorType: "simple_function_checker:missing_optional",
                error: `Optional parameter ${pyRepr(param)} not provided and not marked as optional.`,
            };
        }
    }
    return successType === undefined ? {valid: true} : {valid: true, errorType: successType};
}
