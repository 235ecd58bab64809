import {suite} from "uvu";
import * as assert from "uvu/assert";
import {canonicalJson} from "../../src/tools/canonicalJson.js";
import {jsonEquals} from "../../src/tools/jsonEquals.js";
import type {JsonValue} from "../../src/tools/JsonValue.js";

const t = suite("canonicalJson");

t("sorts object keys at every level; arrays keep their order", () => {
    assert.is(canonicalJson({b: 1, a: [{d: null, c: "x"}, 2]}), `{"a":[{"c":"x","d":null},2],"b":1}`);
    assert.is(canonicalJson(JSON.parse(`{"__proto__":1,"a":2}`) as JsonValue), `{"__proto__":1,"a":2}`);
});

t("equal texts exactly for jsonEquals values", () => {
    const values: JsonValue[] = [0, -0, 1, 1.5, "1", true, null, [], {}, [1, 2], [2, 1], {a: 1, b: 2}, {b: 2, a: 1}, {a: [1]}, {a: [1, {b: "é"}]}, "\u2028", "\ud800"];
    for (const a of values)
        for (const b of values)
            assert.is(canonicalJson(a) === canonicalJson(b), jsonEquals(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

t.run();
