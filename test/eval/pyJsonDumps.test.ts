import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import {pyJsonDumps} from "../../src/eval/pyJsonDumps.js";
import {PyDict, pyFloat, pyInt, pyTuple} from "../../src/eval/PyValue.js";

const t = suite("pyJsonDumps");

t("writes Python's json.dumps without indent: ', ' and ': ' separators, float repr, exact ints, tuples as lists", () => {
    const value = PyDict.from([["a", [pyInt(1), pyFloat(2), pyFloat(1e-5), pyFloat(1e16), pyInt(12345678901234567890n)]], ["t", pyTuple([true, null])], ["e", []], ["d", PyDict.empty]]);
    assert.is(pyJsonDumps(value), "{\"a\": [1, 2.0, 1e-05, 1e+16, 12345678901234567890], \"t\": [true, null], \"e\": [], \"d\": {}}");
});

t("escapes like ensure_ascii=True, including DEL and astral characters as surrogate pairs", () => {
    assert.is(pyJsonDumps("é\"\\\n\t\u0001\u007f😀/"), "\"\\u00e9\\\"\\\\\\n\\t\\u0001\\u007f\\ud83d\\ude00/\"");
});

t("indent puts one item per line, empty containers stay inline", () => {
    const value = [PyDict.from([["name", "f"], ["p", PyDict.from([["x", [pyInt(1)]], ["y", []]])]])];
    assert.is(pyJsonDumps(value, 4), "[\n    {\n        \"name\": \"f\",\n        \"p\": {\n            \"x\": [\n                1\n            ],\n            \"y\": []\n        }\n    }\n]");
});

t("non-string keys become strings as Python converts them; NaN and infinities as Python writes them", () => {
    assert.is(pyJsonDumps(PyDict.from([[pyInt(2), "a"], [true, "b"], [null, "c"], [pyFloat(2.5), "d"]])), "{\"2\": \"a\", \"true\": \"b\", \"null\": \"c\", \"2.5\": \"d\"}");
    assert.is(pyJsonDumps([pyFloat(NaN), pyFloat(Infinity), pyFloat(-Infinity)]), "[NaN, Infinity, -Infinity]");
});

t("round-trips through the lossless parser, int and float kept apart", () => {
    const text = "{\"a\": 5, \"b\": 5.0, \"c\": [1.5, -2], \"d\": {\"e\": \"x\"}}";
    assert.is(pyJsonDumps(parseLosslessJson(text)), text);
});

t.run();
