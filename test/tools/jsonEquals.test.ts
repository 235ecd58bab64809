import {suite} from "uvu";
import * as assert from "uvu/assert";
import {jsonEquals} from "../../src/tools/jsonEquals.js";

const t = suite("jsonEquals");

t("compares JSON values deeply, ignoring object key order", () => {
    assert.ok(jsonEquals({a: [1, {b: null}], c: "x"}, {c: "x", a: [1, {b: null}]}));
    assert.ok(jsonEquals(1, 1.0));
    assert.not.ok(jsonEquals({a: 1}, {a: 1, b: 2}));
    assert.not.ok(jsonEquals({a: 1, b: undefined as never}, {a: 1, c: 2}));
    assert.not.ok(jsonEquals([1, 2], [2, 1]));
    assert.not.ok(jsonEquals([1], {0: 1}));
    assert.not.ok(jsonEquals(null, {}));
    assert.not.ok(jsonEquals("1", 1));
    assert.not.ok(jsonEquals(true, 1));
});

t.run();
