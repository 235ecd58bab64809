import {suite} from "uvu";
import * as assert from "uvu/assert";
import {checkTools} from "../../src/tools/checkTools.js";

const t = suite("checkTools");
const fn = (name: string, parameters: unknown) => ({type: "function", function: {name, parameters}});

t("each tool on its own: ok with what is relaxed, or the error naming the tool and path", () => {
    const result = checkTools([
        fn("plain", {type: "object", properties: {a: {type: "string"}}}),
        fn("relaxed", {type: "object", properties: {zip: {type: "string", pattern: "^[0-9]{5}(?!-)", "x-order": 1}}}),
        fn("broken", {type: "object", properties: {n: {type: "integer", minimum: 3, maximum: 2}}}),
        {type: "function", function: {parameters: {}}}
    ]);
    assert.is(result.ok, false);
    assert.equal(result.tools.map((tool) => [tool.name, tool.ok]), [["plain", true], ["relaxed", true], ["broken", false], ["#3", false]]);
    assert.equal(result.tools[1]!.relaxed, [{path: "$.parameters.properties.zip", keyword: "pattern", action: "ignored"}]);
    assert.match(result.tools[2]!.error!, /^tool "broken": the integer range \[3, 2\] is empty at \$\.parameters\.properties\.n$/);
    assert.match(result.tools[3]!.error!, /^tool #3: the tool name must be a non-empty string/);
});

t("the list as a whole: duplicate names fail even when each tool compiles", () => {
    const result = checkTools([fn("a", {type: "object"}), fn("a", {type: "object"})]);
    assert.is(result.ok, false);
    assert.ok(result.tools.every((tool) => tool.ok));
    assert.match(result.error!, /duplicate tool name/);
    assert.is(checkTools([fn("a", {type: "object"}), fn("b", {type: "object"})]).ok, true);
});

t.run();
