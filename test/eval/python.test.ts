import {suite} from "uvu";
import * as assert from "uvu/assert";
import {pyRepr} from "../../src/eval/pyRepr.js";
import {PyValueError} from "../../src/eval/PyValueError.js";
import {evaluatePythonExpression} from "../../src/eval/python/evaluatePythonExpression.js";
import {parsePythonExpression} from "../../src/eval/python/parsePythonExpression.js";
import {PythonSyntaxError} from "../../src/eval/python/PythonSyntaxError.js";
import {tokenizePython} from "../../src/eval/python/tokenizePython.js";
import {unparsePython} from "../../src/eval/python/unparsePython.js";

const t = suite("python expressions");

function syntaxError(source: string): PythonSyntaxError {
    try {
        parsePythonExpression(source);
    } catch (error) {
        if (error instanceof PythonSyntaxError) return error;
        throw error;
    }
    throw new Error(`expected a SyntaxError for ${JSON.stringify(source)}`);
}

function evaluate(source: string): string {
    return pyRepr(evaluatePythonExpression(parsePythonExpression(source)));
}

function evaluationError(source: string): string {
    try {
        evaluatePythonExpression(parsePythonExpression(source));
    } catch (error) {
        if (error instanceof PyValueError) return String(error.context.pythonError);
        throw error;
    }
    throw new Error(`expected ${source} to fail`);
}

t("strings: every prefix and quote form, escapes decoded, adjacent literals joined", () => {
    const value = (source: string): unknown => {
        const token = tokenizePython(source)[0];
        return token?.type === "STRING" && token.string.kind === "str" ? token.string.value : undefined;
    };
    assert.is(value("'a\\tb'"), "a\tb");
    assert.is(value("r'a\\tb'"), "a\\tb");
    assert.is(value("\"\"\"x\ny\"\"\""), "x\ny");
    assert.is(value("'\\x41\\101\\u00e9\\U0001F600\\0'"), "AAé😀\0");
    assert.is(value("'\\q'"), "\\q");
    assert.is(value("'a\\\nb'"), "ab");
    assert.is(evaluate("'con' \"cat\" '''x'''"), "'concatx'");
    assert.is(syntaxError("'abc").code, "python_syntax");
    assert.is(syntaxError("'a\nb'").context.position, 0);
    assert.match(syntaxError("'\\x4'").message, /truncated/);
    assert.match(syntaxError("b'x' 'y'").message, /cannot mix bytes/);
    assert.is(syntaxError("'\\N{BULLET}'").code, "python_unsupported");
});

t("numbers: ints exact, floats, hex/octal/binary, underscores; malformed literals are errors", () => {
    assert.is(evaluate("[0x1F, 0o17, 0b101, 1_000, 00, 123456789012345678901234567890]"), "[31, 15, 5, 1000, 0, 123456789012345678901234567890]");
    assert.is(evaluate("[1.5, 1., .5, 1e3, 1_0.2_5, 1E-2]"), "[1.5, 1.0, 0.5, 1000.0, 10.25, 0.01]");
    assert.match(syntaxError("01").message, /leading zeros/);
    assert.match(syntaxError("1_").message, /invalid decimal literal/);
    assert.match(syntaxError("1abc").message, /invalid decimal literal/);
    assert.match(syntaxError("0x").message, /invalid/);
    assert.is(evaluate("1if True else 2"), "1");
});

t("layout: brackets join lines, comments and continuations are skipped, a second line is an error", () => {
    assert.is(evaluate("[1,\n 2, # two\n 3]"), "[1, 2, 3]");
    assert.is(evaluate("1 + \\\n 2"), "3");
    assert.is(evaluate("[1]\n\n"), "[1]");
    assert.is(evaluate("[1]\r\n"), "[1]");
    assert.is(syntaxError("[1]\n[2]").code, "python_syntax");
    assert.match(syntaxError(" 1").message, /indent/);
    assert.match(syntaxError("[1").message, /never closed/);
    assert.match(syntaxError("(1]").message, /does not match/);
    assert.match(syntaxError("'a\0'").message, /null bytes/);
    assert.match(syntaxError("a $ b").message, /invalid character/);
});

t("calls: CPython's argument-order errors", () => {
    assert.match(syntaxError("f(a=1, 2)").message, /positional argument follows keyword argument/);
    assert.match(syntaxError("f(**k, 2)").message, /follows keyword argument unpacking/);
    assert.match(syntaxError("f(**k, *a)").message, /iterable argument unpacking/);
    assert.match(syntaxError("f(x for x in y, 1)").message, /Generator expression must be parenthesized/);
    assert.match(syntaxError("f(class=1)").message, /invalid syntax/);
    assert.match(syntaxError("f(True=1)").message, /cannot assign to True/);
    assert.match(syntaxError("f((a)=1)").message, /expression cannot contain assignment/);
    const call = parsePythonExpression("f(1, *a, b=2, **k)");
    assert.is(call.node, "Call");
    if (call.node === "Call") {
        assert.equal(call.keywords.map((k) => k.arg), ["b", null]);
        assert.equal(call.args.map((a) => a.node), ["Constant", "Starred"]);
    }
});

t("unparse matches CPython's ast.unparse (spacing, parentheses, constants)", () => {
    const cases: [string, string][] = [
        ["g(a  +  b*c, (a+b)*c, a-(b-c), (a-b)-c, 2**3**2, (2**3)**2, -2**2, (-2)**2)",
            "g(a + b * c, (a + b) * c, a - (b - c), a - b - c, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)"],
        ["g(not a, -a, ~a, not (a and b), a and b or c, a and (b or c), (a or b) and c)",
            "g(not a, -a, ~a, not (a and b), a and b or c, a and (b or c), (a or b) and c)"],
        ["g(a if b else c, (a if b else c) if d else e, lambda: 0, lambda x, *y, z=1, **w: x)",
            "g(a if b else c, (a if b else c) if d else e, lambda: 0, lambda x, *y, z=1, **w: x)"],
        ["g(x[1:2], x[::2], x[1, 2], x[a:b, c], x[()], y.z, 3 .real, (1).real, True.real)",
            "g(x[1:2], x[::2], x[1, 2], x[a:b, c], x[()], y.z, 3 .real, 1 .real, True .real)"],
        ["g(*a, **k, b=1)", "g(*a, **k, b=1)"],
        ["g((x := 1))", "g((x := 1))"],
        ["g(x for x in y if z)", "g((x for x in y if z))"],
        ["g([x for x in y], {x for x in y}, {k: v for k, v in z}, {}, {1, 2}, (), (1,), (1, 2))",
            "g([x for x in y], {x for x in y}, {k: v for k, v in z}, {}, {1, 2}, (), (1,), (1, 2))"],
        ["g(1.0, 1e16, 1e-5, 1e999, 0x1F, 1_000, 1j, 2.5j)", "g(1.0, 1e+16, 1e-05, 1e309, 31, 1000, 1j, 2.5j)"],
        ["g(u'x', b'y', \"a\\nb\", 'tab\\t', '\\x00', \"it's\")", "g(u'x', b'y', 'a\\nb', 'tab\\t', '\\x00', \"it's\")"],
        ["g(a < b <= c, a is not b, a not in b, (a < b) < c)", "g(a < b <= c, a is not b, a not in b, (a < b) < c)"],
        ["g((yield), await x)", "g((yield), await x)"],
        ["g(a | b ^ c & d << e + f * g ** h)", "g(a | b ^ c & d << e + f * g ** h)"],
        ["g((a | b) ^ c, -(-a), +-a, a * -b, a ** -b)", "g((a | b) ^ c, --a, +-a, a * -b, a ** (-b))"],
        ["g({**d, 'a': 1})", "g({**d, 'a': 1})"],
        ["a.b.c(1)(2)[3]", "a.b.c(1)(2)[3]"],
    ];
    for (const [source, expected] of cases) assert.is(unparsePython(parsePythonExpression(source)), expected, source);
    assert.is(unparsePython(parsePythonExpression("(1, 2)")), "(1, 2)");
    assert.throws(() => unparsePython(parsePythonExpression("f'{x}'")), (e: unknown) => e instanceof PythonSyntaxError && e.code === "python_unsupported");
});

t("evaluation follows Python arithmetic", () => {
    assert.is(evaluate("[7 // 2, -7 // 2, 7 % -3, -7 % 3, 10 / 4, 4 / 2, 2 ** 10, 2 ** -1, -2 ** 2]"), "[3, -4, -2, 2, 2.5, 2.0, 1024, 0.5, -4]");
    assert.is(evaluate("[7.5 // 2, -7.5 // 2, 7.5 % -2, -0.0 % 5, 1 + 2.0, True + True, 1 << 70]"), "[3.0, -4.0, -0.5, 0.0, 3.0, 2, 1180591620717411303424]");
    assert.is(evaluate("[6 & 3, 6 | 3, 6 ^ 3, True & False, ~5, -(-5), +True, not 0]"), "[2, 7, 5, False, -6, 5, 1, True]");
    assert.is(evaluate("['ab' * 2, 2 * 'ab', [1] * 2, (1,) + (2,), [1] + [2], 'a' * -1, 'a' + 'b']"), "['abab', 'abab', [1, 1], (1, 2), [1, 2], '', 'ab']");
    assert.is(evaluate("[1 < 2 < 3, 1 < 2 > 3, 1 == 1.0, [1, 2] < [1, 3], 'a' in 'abc', 2 in (1, 2), 1 if 0 else 2, 0 or 3, 1 and 0]"),
        "[True, False, True, True, True, True, 2, 3, 0]");
    assert.is(evaluate("1e308 * 10"), "inf");
    assert.is(evaluationError("1 / 0"), "ZeroDivisionError");
    assert.is(evaluationError("1.0 // 0"), "ZeroDivisionError");
    assert.is(evaluationError("0 ** -1"), "ZeroDivisionError");
    assert.is(evaluationError("2.0 ** 10000"), "OverflowError");
    assert.is(evaluationError("'a' + 1"), "TypeError");
    assert.is(evaluationError("None + 1"), "TypeError");
    assert.is(evaluationError("x + 1"), "NameError");
    assert.is(evaluationError("'%s' % 'x'"), "Unsupported");
});

t.run();
