import {suite} from "uvu";
import * as assert from "uvu/assert";
import {canonicalCallSet} from "../../src/refine/canonicalCallSet.js";

const t = suite("canonicalCallSet");
const calls = (...list: [string, string][]) => ({kind: "calls" as const, calls: list.map(([name, argumentsText]) => ({name, argumentsText}))});

t("order of parallel calls and of keys does not matter; numbers compare by value", () => {
    assert.is(canonicalCallSet(calls(["f", "{\"a\":1,\"b\":2.0}"], ["g", "{}"])), canonicalCallSet(calls(["g", "{}"], ["f", "{\"b\":2,\"a\":1.0}"])));
});

t("different values, names, counts or text differ", () => {
    const base = canonicalCallSet(calls(["f", "{\"a\":1}"]));
    assert.is.not(base, canonicalCallSet(calls(["f", "{\"a\":2}"])));
    assert.is.not(base, canonicalCallSet(calls(["g", "{\"a\":1}"])));
    assert.is.not(base, canonicalCallSet(calls(["f", "{\"a\":1}"], ["f", "{\"a\":1}"])));
    assert.is.not(base, canonicalCallSet({kind: "text", text: "hi"}));
    assert.is(canonicalCallSet(calls(["f", "{\"a\":[1,2]}"])) === canonicalCallSet(calls(["f", "{\"a\":[2,1]}"])), false, "array order matters");
});

t.run();
