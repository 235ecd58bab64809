import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolaceError} from "../src/errors/ToolaceError.js";

const t = suite("ToolaceError");

t("carries code, message and details into JSON", () => {
    const error = new ToolaceError("bad_tool", "tool x is wrong", {tool: "x", path: "$.a"});
    assert.is(error.name, "ToolaceError");
    assert.equal(error.toJSON(), {code: "bad_tool", message: "tool x is wrong", details: {tool: "x", path: "$.a"}});
    assert.equal(new ToolaceError("c", "m").toJSON(), {code: "c", message: "m"});
});

t.run();
