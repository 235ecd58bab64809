import {suite} from "uvu";
import * as assert from "uvu/assert";
import {LosslessJsonError} from "../../src/eval/LosslessJsonError.js";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import {PyDict, pyTypeOf} from "../../src/eval/PyValue.js";
import {pyRepr} from "../../src/eval/pyRepr.js";

const t = suite("parseLosslessJson");

function repr(text: string): string {
    return pyRepr(parseLosslessJson(text));
}

function failure(text: string): LosslessJsonError {
    try {
        parseLosslessJson(text);
    } catch (error) {
        if (error instanceof LosslessJsonError) return error;
        throw error;
    }
    throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

t("keeps int and float apart the way Python's json.loads does", () => {
    assert.is(repr("5"), "5");
    assert.is(pyTypeOf(parseLosslessJson("5")), "int");
    assert.is(repr("5.0"), "5.0");
    assert.is(pyTypeOf(parseLosslessJson("5.0")), "float");
    assert.is(repr("1e3"), "1000.0");
    assert.is(repr("-0"), "0");
    assert.is(repr("-0.0"), "-0.0");
    assert.is(repr("2.5E-3"), "0.0025");
    assert.is(repr("1e400"), "inf");
});

t("big ints stay exact", () => {
    assert.is(repr("123456789012345678901234567890"), "123456789012345678901234567890");
    assert.is(repr("[9007199254740993]"), "[9007199254740993]");
});

t("objects become dicts; a repeated key keeps its first place and its last value", () => {
    const value = parseLosslessJson("{\"a\": 1, \"b\": [true, false, null], \"a\": 2}");
    assert.ok(value instanceof PyDict);
    assert.is(pyRepr(value), "{'a': 2, 'b': [True, False, None]}");
});

t("strings decode every JSON escape, surrogate pairs included", () => {
    assert.is(parseLosslessJson("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""), "a\"b\\c/d\b\f\n\r\t");
    assert.is(parseLosslessJson("\"\\u00e9\\ud83d\\ude00\""), "é😀");
    assert.is(parseLosslessJson("\"héllo\""), "héllo");
});

t("accepts NaN and Infinity as Python does", () => {
    assert.is(repr("[NaN, Infinity, -Infinity]"), "[nan, inf, -inf]");
});

t("rejects what json.loads rejects, with the position", () => {
    const trailing = failure("{\"a\": 1} x");
    assert.is(trailing.code, "json_syntax");
    assert.is(trailing.context.position, 9);
    assert.is(trailing.context.column, 10);
    assert.match(trailing.message, /Extra data/);
    assert.is(failure("[1,]").context.position, 3);
    assert.is(failure("01").context.position, 1);
    assert.is(failure("{'a': 1}").context.position, 1);
    assert.match(failure("\"a\nb\"").message, /Invalid control character/);
    assert.match(failure("\"\\x41\"").message, /Invalid \\escape/);
    assert.match(failure("\"abc").message, /Unterminated string/);
    const multiLine = failure("[1,\n 2,\n x]");
    assert.is(multiLine.context.line, 3);
    assert.is(multiLine.context.column, 2);
    assert.match(failure("").message, /Expecting value/);
    assert.match(failure("1.").message, /Extra data/);
});

t.run();
