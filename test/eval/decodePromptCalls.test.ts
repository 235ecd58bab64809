import {readFileSync} from "node:fs";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {decodedCallsToPyValue} from "../../src/eval/DecodedCall.js";
import {decodePromptCalls} from "../../src/eval/decodePromptCalls.js";
import {PromptDecodeError} from "../../src/eval/PromptDecodeError.js";
import {pyRepr} from "../../src/eval/pyRepr.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("decodePromptCalls");

function decoded(reply: string): string {
    return pyRepr(decodedCallsToPyValue(decodePromptCalls(reply)));
}

function failure(reply: string): PromptDecodeError {
    try {
        decodePromptCalls(reply);
    } catch (error) {
        if (error instanceof PromptDecodeError) return error;
        throw error;
    }
    throw new Error(`expected ${JSON.stringify(reply)} to fail`);
}

const dataDir = sharedBfclData("decodePromptCalls golden cases");
interface GoldenDecode {
    raw: string;
    decode_ok: boolean;
    decoded_repr?: string;
    error?: string;
    counts_as_function_call_for_relevance: boolean;
}
const golden: GoldenDecode[] = dataDir === undefined ? [] : readFileSync(path.join(dataDir, "golden_prompt_decode_vectors.jsonl"), "utf8")
    .split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as GoldenDecode);

withShared(t, dataDir, "the shared BFCL data")("reproduces all 39 golden decodes: the calls, or the failure and its Python exception", () => {
    assert.is(golden.length, 39);
    for (const row of golden) {
        if (row.decode_ok) {
            const calls = decodePromptCalls(row.raw);
            assert.is(pyRepr(decodedCallsToPyValue(calls)), row.decoded_repr, row.raw);
            assert.is(calls.length > 0, row.counts_as_function_call_for_relevance, row.raw);
        } else {
            assert.is(failure(row.raw).context.pythonError, row.error, row.raw);
            assert.not.ok(row.counts_as_function_call_for_relevance);
        }
    }
});

t("cleans the reply like BFCL: backticks, newlines and spaces at the ends, brackets added", () => {
    assert.is(decoded("`f(a=1)`"), "[{'f': {'a': 1}}]");
    assert.is(decoded("\n  f(a=1), g(b='x')  \n"), "[{'f': {'a': 1}}, {'g': {'b': 'x'}}]");
    assert.is(failure("(f(a=1), g())").context.pythonError, "AssertionError");
    assert.is(decoded("[]"), "[]");
    assert.is(decoded("``"), "[]");
    assert.is(failure("\t[f(a=1)]").context.pythonError, "SyntaxError");
});

t("values: Python types kept, unary ops negate, arithmetic evaluated, names and unknown calls as text", () => {
    assert.is(decoded("[f(a=1, b=1.0, c=1e2, d=True, e=None, g='s', h=x, i=[1, (2, 3)], j={'k': [1.5]})]"),
        "[{'f': {'a': 1, 'b': 1.0, 'c': 100.0, 'd': True, 'e': None, 'g': 's', 'h': 'x', 'i': [1, (2, 3)], 'j': {'k': [1.5]}}}]");
    assert.is(decoded("[f(a=-1, b=~1, c=+1.5, d=-True, e=not False)]"), "[{'f': {'a': -1, 'b': -1, 'c': -1.5, 'd': -1, 'e': 0}}]");
    assert.is(decoded("[f(a=2**10, b=7//2, c=1/3, d=-3+1, e='x'*2)]"), "[{'f': {'a': 1024, 'b': 3, 'c': 0.3333333333333333, 'd': -2, 'e': 'xx'}}]");
    assert.is(decoded("[f(a=g(1, \"x\"), b=np.array([1,2]), c=g(k=1), d=x[0], e=d['k'], f=...)]"),
        "[{'f': {'a': \"g(1, 'x')\", 'b': 'np.array([1, 2])', 'c': {'g': {'k': 1}}, 'd': 'x[0]', 'e': \"d['k']\", 'f': '...'}}]");
});

t("calls: dotted names, positional args dropped, repeated keywords keep the last value, **kwargs gives a None key", () => {
    assert.is(decoded("[a.b.c(1, 2, x=3)]"), "[{'a.b.c': {'x': 3}}]");
    assert.is(decoded("[f(a=1, a=2, b=3)]"), "[{'f': {'a': 2, 'b': 3}}]");
    assert.is(decoded("[f(a=1, **k)]"), "[{'f': {'a': 1, None: 'k'}}]");
    assert.is(decoded("[f(lambda x: x, *args, a=1)]"), "[{'f': {'a': 1}}]");
});

t("fails where BFCL fails, with BFCL's exception and a position", () => {
    const prose = failure("Sure, calling f(a=1)");
    assert.is(prose.code, "bfcl_decode");
    assert.is(prose.context.pythonError, "SyntaxError");
    assert.type(prose.context.position, "number");
    assert.is(failure("[f(a=1), 5]").context.pythonError, "AssertionError");
    assert.is(failure("[f(a=1)][0]").context.pythonError, "AttributeError");
    assert.is(failure("[f(a=x.y)]").context.pythonError, "Exception");
    assert.is(failure("[f(a={1, 2})]").context.pythonError, "Exception");
    assert.is(failure("[f(a={**d})]").context.pythonError, "Exception");
    assert.is(failure("[f(a=-x)]").context.pythonError, "AttributeError");
    assert.is(failure("[f(a=-x.y)]").context.pythonError, "TypeError");
    assert.is(failure("[f(a=-'s')]").context.pythonError, "TypeError");
    assert.is(failure("[f(a=lambda: 1)]").context.pythonError, "TypeError");
    assert.is(failure("[f(a=1/0)]").context.pythonError, "ZeroDivisionError");
    assert.is(failure("[f(a=y+1)]").context.pythonError, "NameError");
    assert.is(failure("[f(a={[1]: 2})]").context.pythonError, "TypeError");
    assert.is(failure("[f(a=1, 2)]").context.pythonError, "SyntaxError");
    assert.is(failure("[f(a=1j)]").context.pythonError, "Unsupported");
});

t.run();
