import {suite} from "uvu";
import * as assert from "uvu/assert";
import {BfclCheckError} from "../../src/eval/BfclCheckError.js";
import {checkCalls} from "../../src/eval/checkCalls.js";
import type {CheckResult} from "../../src/eval/CheckResult.js";
import {type DecodedCall, decodedCallsFromPyValue} from "../../src/eval/DecodedCall.js";
import {decodePromptCalls} from "../../src/eval/decodePromptCalls.js";
import {type FunctionDoc, parseFunctionDoc} from "../../src/eval/FunctionDoc.js";
import {type GroundTruthCall, parseGroundTruth} from "../../src/eval/GroundTruthCall.js";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import {standardizeString} from "../../src/eval/standardizeString.js";

const t = suite("checkCalls");

/** A function doc from `name` and a JSON object of properties; every property in `required` is required. */
function doc(name: string, properties: string, required: string[] = []): FunctionDoc {
    return parseFunctionDoc(parseLosslessJson(
        `{"name": "${name}", "description": "d", "parameters": {"type": "dict", "properties": ${properties}, "required": ${JSON.stringify(required)}}}`));
}

function truth(json: string): GroundTruthCall[] {
    return parseGroundTruth(parseLosslessJson(json));
}

/** Runs a prompt-mode reply through the decoder and the checker. */
function check(category: string, functions: FunctionDoc[], groundTruth: string, reply: string, underscoreToDot = false): CheckResult {
    return checkCalls({category, functions, groundTruth: truth(groundTruth), calls: decodePromptCalls(reply), underscoreToDot});
}

function verdict(result: CheckResult): string {
    return result.valid ? "valid" : result.errorType ?? "invalid";
}

const area = doc("area", "{\"base\": {\"type\": \"float\"}, \"count\": {\"type\": \"integer\"}, \"unit\": {\"type\": \"string\"}, \"exact\": {\"type\": \"boolean\"}}", ["base"]);
const areaTruth = "[{\"area\": {\"base\": [2.0], \"count\": [3, \"\"], \"unit\": [\"square meters\", \"m2\", \"\"], \"exact\": [true, \"\"]}}]";

t("an int stands for a float, but not a bool, a string or a float for an int", () => {
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2)]")), "valid");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2.0)]")), "valid");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=True)]")), "type_error:simple");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base='2')]")), "type_error:simple");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, count=3.0)]")), "type_error:simple");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, count=True)]")), "type_error:simple");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, exact=1)]")), "type_error:simple");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2.5)]")), "value_error:others");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, count=4)]")), "value_error:others");
});

t("strings are compared after BFCL's normalisation", () => {
    assert.is(standardizeString("New York, NY."), "newyorkny");
    assert.is(standardizeString("a-b_c*d^e/f g'h"), "abcdefg\"h");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, unit='Square-Meters.')]")), "valid");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, unit=' M2 ')]")), "valid");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, unit='square metres')]")), "value_error:string");
    const quote = doc("q", "{\"s\": {\"type\": \"string\"}}", ["s"]);
    assert.is(verdict(check("simple_python", [quote], "[{\"q\": {\"s\": [\"it's\"]}}]", "[q(s='it\"s')]")), "valid");
});

t("\"\" marks optional parameters; required and unexpected parameters are enforced", () => {
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2)]")), "valid");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(count=3)]")), "simple_function_checker:missing_required");
    assert.is(verdict(check("simple_python", [area], areaTruth, "[area(base=2, colour='red')]")), "simple_function_checker:unexpected_param");
    const noUnit = "[{\"area\": {\"base\": [2.0], \"count\": [3]}}]";
    assert.is(verdict(check("simple_python", [area], noUnit, "[area(base=2, unit='m2')]")), "simple_function_checker:unexpected_param");
    assert.is(verdict(check("simple_python", [area], noUnit, "[area(base=2)]")), "simple_function_checker:missing_optional");
});

t("dict values: keys must exist, values must be among the key's alternatives, missing keys must allow \"\"", () => {
    const f = doc("f", "{\"d\": {\"type\": \"dict\"}}", ["d"]);
    const gt = "[{\"f\": {\"d\": [{\"city\": [\"Paris\"], \"days\": [3, \"\"]}]}}]";
    assert.is(verdict(check("simple_python", [f], gt, "[f(d={'city': 'paris'})]")), "valid");
    assert.is(verdict(check("simple_python", [f], gt, "[f(d={'city': 'PARIS.', 'days': 3.0})]")), "valid");
    assert.is(verdict(check("simple_python", [f], gt, "[f(d={'city': 'Rome'})]")), "value_error:dict_value");
    assert.is(verdict(check("simple_python", [f], gt, "[f(d={'city': 'Paris', 'nights': 3})]")), "value_error:dict_key");
    assert.is(verdict(check("simple_python", [f], gt, "[f(d={'days': 3})]")), "value_error:dict_key");
    assert.is(verdict(check("simple_python", [f], gt, "[f(d=['Paris'])]")), "type_error:simple");
});

t("lists compare whole and in order; lists of dicts position by position", () => {
    const f = doc("f", "{\"names\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}, \"rows\": {\"type\": \"array\", \"items\": {\"type\": \"dict\"}}}");
    const gt = "[{\"f\": {\"names\": [[\"Ann Lee\", \"Bo\"], \"\"], \"rows\": [\"\", [{\"id\": [1]}, {\"id\": [2]}]]}}]";
    assert.is(verdict(check("simple_python", [f], gt, "[f(names=['ann lee', 'BO'])]")), "valid");
    assert.is(verdict(check("simple_python", [f], gt, "[f(names=['Bo', 'Ann Lee'])]")), "value_error:list/tuple");
    assert.is(verdict(check("simple_python", [f], gt, "[f(names=[])]")), "valid");
    assert.is(verdict(check("simple_python", [f], gt, "[f(rows=[{'id': 1}, {'id': 2}])]")), "valid");
    assert.is(verdict(check("simple_python", [f], gt, "[f(rows=[{'id': 2}, {'id': 1}])]")), "value_error:dict_value");
    assert.is(verdict(check("simple_python", [f], gt, "[f(rows=[{'id': 1}])]")), "value_error:list_dict_count");
    const ints = doc("g", "{\"xs\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}}}");
    assert.is(verdict(check("simple_python", [ints], "[{\"g\": {\"xs\": [[1, 2]]}}]", "[g(xs=[1, '2'])]")), "type_error:nested");
    const pair = doc("p", "{\"xy\": {\"type\": \"tuple\", \"items\": {\"type\": \"integer\"}}}");
    assert.is(verdict(check("simple_python", [pair], "[{\"p\": {\"xy\": [[1, 2]]}}]", "[p(xy=(1, 2))]")), "valid");
});

t("a ground truth of another type marks a variable: plain equality, no normalisation", () => {
    const f = doc("f", "{\"n\": {\"type\": \"integer\"}}", ["n"]);
    const gt = "[{\"f\": {\"n\": [\"count\"]}}]";
    assert.is(verdict(check("simple_python", [f], gt, "[f(n='count')]")), "valid");
    assert.is(verdict(check("simple_python", [f], gt, "[f(n='Count')]")), "value_error:others");
});

t("valid verdicts carry BFCL's leftover error type", () => {
    const result = check("simple_python", [area], areaTruth, "[area(base=2)]");
    assert.equal(result, {valid: true, errorType: "simple_function_checker:unclear"});
    assert.equal(check("simple_python", [area], areaTruth, "[area(base=2, unit='m2')]"), {valid: true});
});

t("function names: exact, with underscore_to_dot for models that cannot write dots", () => {
    const factorial = doc("math.factorial", "{\"n\": {\"type\": \"integer\"}}", ["n"]);
    const gt = "[{\"math.factorial\": {\"n\": [5]}}]";
    assert.is(verdict(check("simple_python", [factorial], gt, "[math.factorial(n=5)]")), "valid");
    assert.is(verdict(check("simple_python", [factorial], gt, "[math_factorial(n=5)]")), "simple_function_checker:wrong_func_name");
    assert.is(verdict(check("simple_python", [factorial], gt, "[math_factorial(n=5)]", true)), "valid");
    assert.is(verdict(check("simple_python", [factorial], gt, "[math.factorial(n=5)]", true)), "simple_function_checker:wrong_func_name");
});

const one = doc("one", "{\"x\": {\"type\": \"integer\"}}", ["x"]);
const two = doc("two", "{\"y\": {\"type\": \"string\"}}", ["y"]);

t("simple and multiple: exactly one call; multiple checks against the doc the answer names", () => {
    const gtOne = "[{\"one\": {\"x\": [1]}}]";
    assert.is(verdict(check("simple_python", [one], gtOne, "[]")), "simple_function_checker:wrong_count");
    assert.is(verdict(check("simple_python", [one], gtOne, "[one(x=1), one(x=1)]")), "simple_function_checker:wrong_count");
    const gtTwo = "[{\"two\": {\"y\": [\"b\"]}}]";
    assert.is(verdict(check("multiple", [one, two], gtTwo, "[two(y='b')]")), "valid");
    assert.is(verdict(check("multiple", [one, two], gtTwo, "[one(x=1)]")), "simple_function_checker:wrong_func_name");
    assert.is(verdict(check("multiple", [one, two], gtTwo, "[two(y='b'), one(x=1)]")), "multiple_function_checker:wrong_count");
});

t("parallel: same count, any order, greedy first-fit per expected call", () => {
    const gt = "[{\"one\": {\"x\": [1]}}, {\"two\": {\"y\": [\"b\"]}}, {\"one\": {\"x\": [2]}}]";
    assert.is(verdict(check("parallel_multiple", [one, two], gt, "[one(x=2), two(y='B'), one(x=1)]")), "valid");
    assert.is(verdict(check("parallel_multiple", [one, two], gt, "[one(x=2), one(x=1)]")), "parallel_function_checker_no_order:wrong_count");
    assert.is(verdict(check("parallel_multiple", [one, two], gt, "[one(x=1), two(y='b'), one(x=1)]")), "parallel_function_checker_no_order:cannot_find_match");
    // A perfect matching exists (first answer ← second call), but the first answer grabs the first call.
    const greedy = "[{\"one\": {\"x\": [1, 2]}}, {\"one\": {\"x\": [1]}}]";
    assert.is(verdict(check("parallel", [one], greedy, "[one(x=2), one(x=1)]")), "valid");
    assert.is(verdict(check("parallel", [one], greedy, "[one(x=1), one(x=2)]")), "parallel_function_checker_no_order:cannot_find_match");
});

t("relevance categories only ask whether there is a call", () => {
    const calls: DecodedCall[] = decodePromptCalls("[one(x=1)]");
    assert.is(verdict(checkCalls({category: "irrelevance", functions: [one], calls: []})), "valid");
    assert.is(verdict(checkCalls({category: "live_irrelevance", functions: [one], calls: null})), "valid");
    assert.is(verdict(checkCalls({category: "irrelevance", functions: [one], calls})), "irrelevance_error:decoder_success");
    assert.is(verdict(checkCalls({category: "live_relevance", functions: [one], calls})), "valid");
    assert.is(verdict(checkCalls({category: "live_relevance", functions: [one], calls: []})), "relevance_error:decoder_failed");
    assert.is(verdict(checkCalls({category: "live_relevance", functions: [one], calls: decodePromptCalls("[one(y=object)]")})), "valid");
});

t("undecodable replies, wrongly shaped outputs, unsupported categories and BFCL crashes", () => {
    assert.is(verdict(checkCalls({category: "simple_python", functions: [one], groundTruth: truth("[{\"one\": {\"x\": [1]}}]"), calls: null})),
        "ast_decoder:decoder_failed");
    assert.is(decodedCallsFromPyValue(parseLosslessJson("[{\"f\": {}, \"g\": {}}]")), undefined);
    assert.is(decodedCallsFromPyValue(parseLosslessJson("[{\"f\": 1}]")), undefined);
    assert.is(decodedCallsFromPyValue(parseLosslessJson("{\"f\": {}}")), undefined);
    assert.throws(() => checkCalls({category: "simple_java", functions: [one], groundTruth: [], calls: []}),
        (e: unknown) => e instanceof BfclCheckError && e.code === "bfcl_unsupported_category");
    assert.throws(() => checkCalls({category: "simple_python", functions: [one], calls: []}),
        (e: unknown) => e instanceof BfclCheckError && e.code === "bfcl_missing_ground_truth");
    const odd = doc("odd", "{\"v\": {\"type\": \"number\"}}", ["v"]);
    assert.is(verdict(check("simple_python", [odd], "[{\"odd\": {\"v\": [1]}}]", "[odd(v=1)]")), "checker_crash:KeyError");
    assert.is(verdict(check("parallel", [one], "[{\"missing\": {\"x\": [1]}}]", "[one(x=1)]")), "checker_crash:TypeError");
});

t.run();
