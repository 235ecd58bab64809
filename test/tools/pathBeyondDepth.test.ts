import {suite} from "uvu";
import * as assert from "uvu/assert";
import {pathBeyondDepth} from "../../src/tools/pathBeyondDepth.js";

const t = suite("pathBeyondDepth");

t("the path of the first array or object nested deeper than the limit", () => {
    assert.is(pathBeyondDepth({a: [{b: 1}]}, 3), undefined);
    assert.is(pathBeyondDepth({a: [{b: {}}]}, 3), "$.a[0].b");
    assert.is(pathBeyondDepth({"odd key": [[]]}, 2, "$.tools"), `$.tools["odd key"][0]`);
    assert.is(pathBeyondDepth("text", 0), undefined, "scalars have no depth");
    assert.is(pathBeyondDepth([], 0), "$");
});

t("any depth is safe to check", () => {
    const text = "[".repeat(200_000) + "]".repeat(200_000);
    const path = pathBeyondDepth(JSON.parse(text) as unknown, 256);
    assert.is(path, "$" + "[0]".repeat(256));
});

t.run();
