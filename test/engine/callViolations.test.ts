import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";

/** Calls that break a tool's original schema where the grammar relaxed it are reported, round by round (the default model). */
const t = suite("engine: schema violations");
let engine: ToolCallEngine;

t.before(async () => {
    engine = await ToolCallEngine.load({gpu: false});
});
t.after(async () => engine.dispose());

const tools = (pattern: string) => [{type: "function", function: {name: "get_weather", parameters: {type: "object", properties: {city: {type: "string", pattern}}, required: ["city"]}}}];
const messages = [{role: "user", content: "What is the weather in Paris?"}];

t("a call breaking a relaxed pattern is reported in its round and in the result", async () => {
    const result = await engine.call({messages, tools: tools("^ZZZ[0-9]{9}$"), tool_choice: "required", refine: 1});
    assert.is(result.rounds.length, 2);
    for (const round of result.rounds)
        assert.equal(round.violations, [{call: 0, tool: "get_weather", errors: [`$.city: must match pattern "^ZZZ[0-9]{9}$"`]}], JSON.stringify(round));
    assert.equal(result.violations, result.rounds[1]!.violations);
});

t("calls that satisfy the original schema carry no violations", async () => {
    const result = await engine.call({messages, tools: tools("^.*$"), tool_choice: "required", refine: "off"});
    assert.is(result.violations, undefined);
    assert.is(result.rounds[0]!.violations, undefined);
    assert.ok(result.tool_calls.length > 0);
});

t.run();
