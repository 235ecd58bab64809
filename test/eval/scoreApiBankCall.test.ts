import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {DecodedCall} from "../../src/eval/DecodedCall.js";
import {normalizeApiBankValue} from "../../src/eval/normalizeApiBankValue.js";
import {parseApiBankCall} from "../../src/eval/parseApiBankCall.js";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import type {PyDict} from "../../src/eval/PyValue.js";
import {scoreApiBankCall} from "../../src/eval/scoreApiBankCall.js";

const t = suite("scoreApiBankCall");
const expected = (text: string) => parseApiBankCall(text)!;
const call = (name: string, json: string): DecodedCall => ({name, args: parseLosslessJson(json) as PyDict});
const score = (calls: DecodedCall[] | null, text: string) => scoreApiBankCall(calls, expected(text));

t("normalisation: trimmed, spacing and case ignored, numbers by value, lists in strings as lists", () => {
    const same = (a: string, b: string) => normalizeApiBankValue(parseLosslessJson(a)) === normalizeApiBankValue(parseLosslessJson(b));
    assert.ok(same("\"  Dr.  Lee \"", "\"dr. lee\""));
    assert.ok(same("\"5\"", "5.0"));
    assert.ok(same("\"True\"", "true"));
    assert.ok(same("\"[{'name': 'bp', 'value': '120/80'}]\"", "[{\"value\": \"120/80\", \"name\": \"BP\"}]"));
    assert.ok(same("\"['John', 'Jane']\"", "[\"john\", \"jane\"]"));
    assert.not.ok(same("[\"jane\", \"john\"]", "[\"john\", \"jane\"]"), "lists keep their order");
    assert.not.ok(same("\"2023-03-26\"", "\"2023-03-26 00:00:00\""), "dates are not reinterpreted");
    assert.not.ok(same("\"Dr. Lee\"", "\"Dr Lee\""));
});

t("the expected call and light variants of it are right", () => {
    const text = "API-Request: [ModifyRegistration(appointment_id='34567890', new_appointment_date='2023-03-26', new_appointment_doctor='Dr. Lee')]";
    assert.equal(score([call("ModifyRegistration", "{\"appointment_id\": \"34567890\", \"new_appointment_date\": \"2023-03-26\", \"new_appointment_doctor\": \"Dr. Lee\"}")], text), {correct: true});
    assert.equal(score([call("ModifyRegistration", "{\"new_appointment_doctor\": \" dr. LEE\", \"appointment_id\": 34567890, \"new_appointment_date\": \"2023-03-26\", \"note\": null}")], text), {correct: true});
});

t("wrong API, missing, unexpected or different arguments, no call, several calls are wrong", () => {
    const text = "[QueryStock(stock_code='AAPL', date='2023-03-01')]";
    const right = "{\"stock_code\": \"AAPL\", \"date\": \"2023-03-01\"}";
    assert.equal(score([call("QueryBalance", right)], text), {correct: false, errorType: "wrong_api"});
    assert.equal(score([call("QueryStock", "{\"stock_code\": \"AAPL\"}")], text), {correct: false, errorType: "missing_argument:date"});
    assert.equal(score([call("QueryStock", "{\"stock_code\": \"AAPL\", \"date\": \"2023-03-01\", \"x\": 1}")], text), {correct: false, errorType: "unexpected_argument:x"});
    assert.equal(score([call("QueryStock", "{\"stock_code\": \"MSFT\", \"date\": \"2023-03-01\"}")], text), {correct: false, errorType: "wrong_value:stock_code"});
    assert.equal(score([], text), {correct: false, errorType: "no_call"});
    assert.equal(score(null, text), {correct: false, errorType: "undecodable"});
    assert.equal(score([call("QueryStock", right), call("QueryStock", right)], text), {correct: false, errorType: "extra_calls"});
});

t("ToolSearcher: right when the keywords share a content word (camel case split, stop words ignored)", () => {
    const text = "[ToolSearcher(keywords='history October 6th')]";
    assert.equal(score([call("ToolSearcher", "{\"keywords\": \"QueryHistory\"}")], text), {correct: true});
    assert.equal(score([call("ToolSearcher", "{\"keywords\": \"the tool for dates\"}")], text), {correct: false, errorType: "toolsearcher_keywords"});
    assert.equal(score([call("ToolSearcher", "{}")], text), {correct: false, errorType: "toolsearcher_keywords"});
});

t.run();
