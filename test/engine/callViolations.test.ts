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

const relaxedPattern = "^(?!Paris)";

t("a call breaking a relaxed pattern is reported in its round and in the result", async () => {
    const result = await engine.call({messages, tools: tools(relaxedPattern), tool_choice: "required", refine: 1});
    assert.is(result.rounds.length, 2);
    for (const round of result.rounds)
        if (JSON.parse(round.tool_calls[0]!.function.arguments).city.startsWith("Paris"))
            assert.equal(round.violations, [{call: 0, tool: "get_weather", errors: [`$.city: must match pattern "${relaxedPattern}"`]}], JSON.stringify(round));
    assert.equal(result.violations, result.rounds[1]!.violations);
});

t("an enforced pattern is written by the grammar: no violation", async () => {
    const result = await engine.call({messages, tools: tools("^ZZZ[0-9]{3}$"), tool_choice: "required", refine: 1});
    for (const round of result.rounds) {
        assert.match(JSON.parse(round.tool_calls[0]!.function.arguments).city, /^ZZZ[0-9]{3}$/);
        assert.is(round.violations, undefined);
    }
});

t("validator feedback: the refinement turn after a violating round carries the check's findings (more prompt tokens), and none after a clean round", async () => {
    // A property the model always writes, whose relaxed keyword (`not`) it always breaks.
    const strict = [{type: "function", function: {name: "get_weather", parameters: {type: "object", properties: {city: {type: "string", not: {type: "string"}}}, required: ["city"]}}}];
    const plain = await engine.call({messages, tools: strict, tool_choice: "required", refine: 1});
    const fed = await engine.call({messages, tools: strict, tool_choice: "required", refine: 1, refine_feedback: "validator"});
    assert.ok(plain.rounds[0]!.violations !== undefined && fed.rounds[0]!.violations !== undefined);
    assert.ok(fed.rounds[1]!.inputTokens > plain.rounds[1]!.inputTokens + 10, `${fed.rounds[1]!.inputTokens} vs ${plain.rounds[1]!.inputTokens} refinement prompt tokens`);
    const clean = await engine.call({messages, tools: tools("^.*$"), tool_choice: "required", refine: 1, refine_feedback: "validator"});
    const cleanPlain = await engine.call({messages, tools: tools("^.*$"), tool_choice: "required", refine: 1});
    assert.is(clean.rounds[1]!.inputTokens, cleanPlain.rounds[1]!.inputTokens);
    try {
        await engine.call({messages, tools: strict, refine_feedback: "loud"});
        assert.unreachable("a bad refine_feedback");
    } catch (error) {
        assert.match((error as Error).message, /refine_feedback must be "none" or "validator"/);
    }
});

t("calls that satisfy the original schema carry no violations", async () => {
    const result = await engine.call({messages, tools: tools("^.*$"), tool_choice: "required", refine: "off"});
    assert.is(result.violations, undefined);
    assert.is(result.rounds[0]!.violations, undefined);
    assert.ok(result.tool_calls.length > 0);
});

t.run();
