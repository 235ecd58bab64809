import {suite} from "uvu";
import * as assert from "uvu/assert";
import {withExtraTools} from "../../src/mcp/withExtraTools.js";

const t = suite("withExtraTools");
const tool = (name: string, description = "mcp"): {type: "function", function: {name: string, description: string, parameters: unknown}} =>
    ({type: "function", function: {name, description, parameters: {type: "object", properties: {}}}});

t("appends the extra tools; a request's tool of the same name wins", () => {
    const request = {messages: [], tools: [tool("echo", "own"), {name: "bfcl_doc", parameters: {}}]};
    const merged = withExtraTools(request, [tool("echo"), tool("get-sum"), tool("bfcl_doc")]) as {tools: {function?: {name: string, description: string}, name?: string}[]};
    assert.equal(merged.tools.map((entry) => entry.function?.name ?? entry.name), ["echo", "bfcl_doc", "get-sum"]);
    assert.is(merged.tools[0]!.function!.description, "own");
    assert.equal(withExtraTools({messages: []}, [tool("a")]), {messages: [], tools: [tool("a")]});
});

t("leaves what validation must refuse as it is", () => {
    for (const request of [null, "text", [1], {tools: "not a list"}]) assert.is(withExtraTools(request, [tool("a")]), request);
    const request = {tools: []};
    assert.is(withExtraTools(request, []), request);
});

t.run();
