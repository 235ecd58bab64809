import {suite} from "uvu";
import * as assert from "uvu/assert";
import {pyEquals} from "../../src/eval/pyEquals.js";
import {formatPyFloat} from "../../src/eval/formatPyFloat.js";
import {pyRepr} from "../../src/eval/pyRepr.js";
import {pyStringRepr} from "../../src/eval/pyStringRepr.js";
import {PyDict, pyDict, pyFloat, pyInt, pyTuple} from "../../src/eval/PyValue.js";
import {PyValueError} from "../../src/eval/PyValueError.js";

const t = suite("PyValue");

t("pyEquals follows Python: 1 == 1.0 == True, but not '1', and lists never equal tuples", () => {
    assert.ok(pyEquals(pyInt(1), pyFloat(1)));
    assert.ok(pyEquals(pyInt(1), true));
    assert.ok(pyEquals(pyFloat(0), false));
    assert.not.ok(pyEquals(pyInt(1), "1"));
    assert.not.ok(pyEquals(pyFloat(0.5), pyInt(0)));
    assert.not.ok(pyEquals(pyFloat(NaN), pyFloat(NaN)));
    assert.ok(pyEquals(pyInt(2n ** 60n), pyFloat(2 ** 60)));
    assert.not.ok(pyEquals(pyInt(2n ** 53n + 1n), pyFloat(2 ** 53)));
    assert.ok(pyEquals([pyInt(1), "a"], [pyFloat(1), "a"]));
    assert.not.ok(pyEquals([pyInt(1)], pyTuple([pyInt(1)])));
    assert.not.ok(pyEquals(null, false));
    assert.ok(pyEquals(pyDict({a: pyInt(1), b: [null]}), pyDict({b: [null], a: pyFloat(1)})));
    assert.not.ok(pyEquals(pyDict({a: pyInt(1)}), pyDict({a: pyInt(1), b: pyInt(2)})));
});

t("dict keys hash the Python way", () => {
    const d = PyDict.from([[pyInt(1), "a"], [pyFloat(1), "b"], [true, "c"], ["1", "d"]]);
    assert.is(d.size, 2);
    assert.is(pyRepr(d), "{1: 'c', '1': 'd'}");
    assert.is(d.get(pyFloat(1)), "c");
    assert.is(d.get([pyInt(1)]), undefined);
    assert.throws(() => PyDict.from([[[pyInt(1)], "x"]]), (e: unknown) => e instanceof PyValueError && e.context.pythonError === "TypeError");
});

t("formatPyFloat matches Python's repr(float)", () => {
    const cases: [number, string][] = [
        [1, "1.0"], [0.1, "0.1"], [1e16, "1e+16"], [1e15, "1000000000000000.0"], [1.5e16, "1.5e+16"], [0.0001, "0.0001"],
        [0.00001, "1e-05"], [123.456, "123.456"], [-2.5, "-2.5"], [1 / 3, "0.3333333333333333"], [-0, "-0.0"],
        [1.7976931348623157e308, "1.7976931348623157e+308"], [5e-324, "5e-324"], [Infinity, "inf"], [NaN, "nan"],
        [123456789012345680000, "1.2345678901234568e+20"], [2 ** 53, "9007199254740992.0"],
    ];
    for (const [x, expected] of cases) assert.is(formatPyFloat(x), expected, String(x));
});

t("pyStringRepr picks quotes and escapes like Python", () => {
    assert.is(pyStringRepr("abc"), "'abc'");
    assert.is(pyStringRepr("it's"), "\"it's\"");
    assert.is(pyStringRepr("a'b\"c"), "'a\\'b\"c'");
    assert.is(pyStringRepr("tab\tnl\nback\\"), "'tab\\tnl\\nback\\\\'");
    assert.is(pyStringRepr("\u0001\u007f"), "'\\x01\\x7f'");
    assert.is(pyStringRepr("é中😀"), "'é中😀'");
    assert.is(pyStringRepr("\u00a0\u200b"), "'\\xa0\\u200b'");
});

t("pyRepr writes containers like Python", () => {
    assert.is(pyRepr([pyInt(1), pyFloat(2), true, null, pyTuple([pyInt(3)]), pyTuple([]), pyDict({k: "v"})]),
        "[1, 2.0, True, None, (3,), (), {'k': 'v'}]");
});

t.run();
