import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parsePythonLiteral} from "../../src/synth/parsePythonLiteral.js";

const t = suite("parsePythonLiteral");

t("reads dicts, lists, tuples, strings, numbers and constants, and says where it stopped", () => {
    const text = "x->{'a': [1, -2.5, 3e2], \"b\": (True, False, None), 'c': {'d': 'it\\'s'}} tail";
    const parsed = parsePythonLiteral(text, 3);
    assert.equal(parsed?.value, {a: [1, -2.5, 300], b: [true, false, null], c: {d: "it's"}});
    assert.is(text.slice(parsed?.end), " tail");
});

t("tolerates what API-Bank writes: bare type names, unescaped apostrophes, sets", () => {
    assert.equal(parsePythonLiteral("{'type': str, 'items': List[int]}")?.value, {type: "str", items: "List[int]"});
    assert.equal(parsePythonLiteral("{'description': 'The user's budget.', 'n': 1}")?.value, {description: "The user's budget.", n: 1});
    assert.equal(parsePythonLiteral("{'input_parameters': {'none'}}")?.value, {input_parameters: ["none"]});
    assert.equal(parsePythonLiteral("{'a': 1,}")?.value, {a: 1});
});

t("returns undefined for text that is not a literal or is cut off", () => {
    assert.is(parsePythonLiteral("{'name': 'Broken', 'description': 'cut off"), undefined);
    assert.is(parsePythonLiteral("{'a' 1}"), undefined);
    assert.is(parsePythonLiteral("@"), undefined);
    assert.is(parsePythonLiteral("[1, 2"), undefined);
});

t.run();
