import {suite} from "uvu";
import * as assert from "uvu/assert";
import {expandedJsonLength} from "../../src/tools/expandedJsonLength.js";

const t = suite("expandedJsonLength");

t("equals the length of JSON.stringify", () => {
    for (const value of [null, 0, -1.5e300, "", "é\"\\\n\u2028", true, [], {}, [1, "a", [null]], {"a b": {c: [1, 2, {d: false}]}, __proto__x: "y"}, {a: undefined, b: 1}])
        assert.is(expandedJsonLength(value, new WeakMap()), JSON.stringify(value).length, JSON.stringify(value));
});

t("measures shared objects once: exponential expansions cost linear time", () => {
    let value: unknown = {leaf: "x".repeat(10)};
    for (let i = 0; i < 60; i++) value = {left: value, right: value};
    const started = performance.now();
    const length = expandedJsonLength(value, new WeakMap());
    assert.ok(performance.now() - started < 1000);
    assert.ok(length > 2 ** 60, `${length}`);
    let small: unknown = [1];
    for (let i = 0; i < 10; i++) small = [small, small];
    assert.is(expandedJsonLength(small, new WeakMap()), JSON.stringify(small).length);
});

t.run();
