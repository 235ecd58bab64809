import {suite} from "uvu";
import * as assert from "uvu/assert";
import {getLlama} from "node-llama-cpp";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {parseCallRequest} from "../../src/engine/parseCallRequest.js";
import {refinementTurn} from "../../src/protocol/refinementProtocol.js";
import {canonicalCallSet} from "../../src/refine/canonicalCallSet.js";
import {parseAssistantOutput} from "../../src/protocol/AssistantOutput.js";
import {renderAssistantOutput} from "../../src/protocol/AssistantOutput.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("ToolCallEngine");
const llama = await getLlama({gpu: false, build: "never"});
/** Rounds whose output was cut at a repeated call (see repeatedCallCut); where no token boundary fell at the cut, the end of the kept text was tokenized again. */
const retokenizedCuts: {engine: string, round: number}[] = [];
const spm = await ToolCallEngine.load({model: await createTestModel("spm-tiny"), llama, grammar: {maxStringLength: 16, maxArrayItems: 3}, contextSize: 2048,
    onTurn: (turn) => { if (turn.repeatsCut > 0) retokenizedCuts.push({engine: "spm", round: turn.round}); }});
const chatml = await ToolCallEngine.load({model: await createTestModel("chatml-tiny"), llama, grammar: {maxStringLength: 16, maxArrayItems: 3}, contextSize: 2048,
    onTurn: (turn) => { if (turn.repeatsCut > 0) retokenizedCuts.push({engine: "chatml", round: turn.round}); }});

const tools = [
    {type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {type: "object", properties: {
        city: {type: "string"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}, days: {type: "integer"}, detailed: {type: "boolean"}, lat: {type: "number"}}, required: ["city"]}}},
    {type: "function", function: {name: "get_time", description: "Local time", parameters: {type: "object", properties: {timezone: {type: "string"}}, required: ["timezone"]}}}
];
const ask = (extra: Record<string, unknown> = {}) => ({messages: [{role: "user", content: "What is the weather in Paris?"}], tools, refine: "off", ...extra});

t("formats are detected from the model; Llama 3 models get Llama 3.1 JSON calls", async () => {
    assert.is(spm.format.name, "generic");
    assert.is(chatml.format.name, "chatml");
    const llama3 = await ToolCallEngine.load({model: await createTestModel("llama3-tiny"), llama, grammar: {maxStringLength: 12, maxArrayItems: 2}, contextSize: 2048});
    try {
        assert.is(llama3.format.name, "llama3");
        const result = await llama3.call(ask({tool_choice: "required", parallel_tool_calls: false, temperature: 1, seed: 2}));
        assert.is(result.tool_calls.length, 1);
        assert.type(JSON.parse(result.tool_calls[0]!.function.arguments), "object");
    } finally {
        await llama3.dispose();
    }
});

t("tool_choice required and named always give calls of the allowed tools", async () => {
    for (let seed = 0; seed < 6; seed++) {
        const required = await spm.call(ask({tool_choice: "required", temperature: 1, seed}));
        assert.ok(required.tool_calls.length >= 1, "required gives a call");
        assert.ok(required.tool_calls.every((c) => c.function.name === "get_weather" || c.function.name === "get_time"));
        const named = await spm.call(ask({tool_choice: {type: "function", function: {name: "get_time"}}, temperature: 1, seed}));
        assert.ok(named.tool_calls.length >= 1 && named.tool_calls.every((c) => c.function.name === "get_time"), "named gives only that tool");
        assert.ok(named.tool_calls.every((c) => typeof JSON.parse(c.function.arguments).timezone === "string"));
    }
});

t("tool_choice none never calls; auto parses either way", async () => {
    for (let seed = 0; seed < 4; seed++) {
        const none = await spm.call(ask({tool_choice: "none", temperature: 1, seed, max_tokens: 24}));
        assert.is(none.tool_calls.length, 0);
        assert.type(none.content, "string");
        assert.is(none.stop, "off");
        const auto = await spm.call(ask({tool_choice: "auto", temperature: 1, seed, max_tokens: 200}));
        assert.ok(auto.tool_calls.length > 0 || typeof auto.content === "string");
    }
});

t("optional properties can be omitted, required ones never are", async () => {
    let omitted = 0;
    for (let seed = 0; seed < 12; seed++) {
        const result = await spm.call(ask({tool_choice: {type: "function", function: {name: "get_weather"}}, temperature: 1.5, seed}));
        for (const call of result.tool_calls) {
            const args = JSON.parse(call.function.arguments) as Record<string, unknown>;
            assert.type(args.city, "string", "required city present");
            if (Object.keys(args).length < 5) omitted++;
            if ("days" in args) assert.ok(Number.isInteger(args.days), "days is an integer");
        }
    }
    assert.ok(omitted > 0, "some call omitted an optional property");
});

t("same seed, same output; the result has the documented shape", async () => {
    const a = await chatml.call(ask({tool_choice: "required", temperature: 0.9, seed: 11, refine: 1}));
    const b = await chatml.call(ask({tool_choice: "required", temperature: 0.9, seed: 11, refine: 1}));
    assert.equal(a.tool_calls, b.tool_calls);
    assert.equal(a.rounds.map((r) => r.tool_calls), b.rounds.map((r) => r.tool_calls));
    assert.equal(Object.keys(a).sort(), ["content", "finish_reason", "model", "rounds", "stop", "tool_calls", "usage"]);
    assert.equal(Object.keys(a.rounds[0]!).sort(), ["content", "inputTokens", "ms", "outputTokens", "round", "tool_calls"]);
    assert.ok(a.tool_calls.every((c) => c.type === "function" && /^call_[0-9a-f]{16}$/.test(c.id)));
});

t("a refinement round evaluates exactly its refinement turn: the previous output is already cached", async () => {
    for (const [name, engine] of [["spm", spm], ["chatml", chatml]] as const) {
        const turnTokens = engine.tokenize(refinementTurn(engine.format), false).length;
        retokenizedCuts.length = 0;
        const result = await engine.call(ask({tool_choice: "required", refine: 3, temperature: 1, seed: 3}));
        assert.is(result.rounds.length, 4);
        assert.is(result.stop, "max_rounds");
        for (const round of result.rounds.slice(1)) {
            // The round evaluates the previous round's pending end-of-turn token plus its refinement turn;
            // the token meter counts the last of those as the position that produced the first output.
            // After a round cut at a repeated call, the few re-tokenized tokens at the cut are evaluated again too.
            const afterCut = retokenizedCuts.some((cut) => cut.engine === name && cut.round === round.round - 1);
            if (afterCut) assert.ok(round.inputTokens >= turnTokens && round.inputTokens <= turnTokens + 8, `${name} round ${round.round} after a cut: ${round.inputTokens}`);
            else assert.is(round.inputTokens, turnTokens, `${engine.format.name} round ${round.round}`);
            assert.ok(round.outputTokens >= 1);
        }
    }
});

t("adaptive refinement stops exactly when a round repeats the previous call set", async () => {
    for (let seed = 0; seed < 4; seed++) {
        const result = await spm.call(ask({tool_choice: "required", refine: "adaptive", max_rounds: 4, temperature: 0.7, seed}));
        const sets = result.rounds.map((r) => canonicalCallSet(parseAssistantOutput(spm.format, renderAssistantOutput(spm.format, {
            kind: "calls", calls: r.tool_calls.map((c) => ({name: c.function.name, argumentsText: c.function.arguments}))}))));
        for (let k = 1; k < sets.length - 1; k++) assert.is.not(sets[k], sets[k - 1], "no earlier round repeated its predecessor");
        if (result.stop === "converged") assert.is(sets[sets.length - 1], sets[sets.length - 2]);
        else assert.is(result.rounds.length, 5);
    }
});

t("a second request with the same tools reuses the cached prompt prefix", async () => {
    // Tools no earlier test used, so the first request must evaluate its whole prompt.
    const fresh = [{type: "function", function: {name: "book_table", description: "Book a restaurant table for a party", parameters: {type: "object", properties: {
        restaurant: {type: "string", description: "Restaurant name"}, people: {type: "integer", description: "Party size"}, time: {type: "string", description: "ISO time"}}, required: ["restaurant", "people"]}}}];
    const first = await chatml.call({messages: [{role: "user", content: "Table for two at Chez Paul"}], tools: fresh, refine: "off", tool_choice: "required", parallel_tool_calls: false});
    const second = await chatml.call({messages: [{role: "user", content: "Book Luigi's for 5 at 8pm"}], tools: fresh, refine: "off", tool_choice: "required", parallel_tool_calls: false});
    assert.ok(first.rounds[0]!.inputTokens > 100, `first request evaluated its prompt (${first.rounds[0]!.inputTokens})`);
    assert.ok(second.rounds[0]!.inputTokens < first.rounds[0]!.inputTokens / 4, `${second.rounds[0]!.inputTokens} vs ${first.rounds[0]!.inputTokens}`);
});

t("bad requests are rejected before generation with the field named", async () => {
    for (const [request, pattern] of [
        [{messages: [], tools}, /messages/],
        [{messages: [{role: "robot", content: "x"}], tools}, /role/],
        [{messages: [{role: "user", content: "x"}], tools, tool_choice: {type: "function", function: {name: "nope"}}}, /nope/],
        [{messages: [{role: "user", content: "x"}], tools, seed: -1}, /seed/]
    ] as const) {
        await spm.call(request as never).then(() => assert.unreachable(), (err: Error) => assert.match(err.message, pattern));
    }
    assert.throws(() => parseCallRequest({messages: [{role: "user", content: "x"}], tools: [{type: "function", function: {name: "f", parameters: {type: "object", properties: {a: {type: "string", minLength: 2, maxLength: 1}}}}}]}), /minLength/);
});

t("tools larger than the context give token counts", async () => {
    const big = Array.from({length: 60}, (_, i) => ({type: "function", function: {name: `tool_${i}`, description: "word ".repeat(40), parameters: {type: "object", properties: {}}}}));
    await spm.call({messages: [{role: "user", content: "x"}], tools: big}).then(() => assert.unreachable(), (err: Error & {code?: string}) => {
        assert.is(err.code, "context_overflow");
        assert.match(err.message, /\d+ tokens/);
    });
});

t.after(async () => {
    await spm.dispose();
    await chatml.dispose();
});

t.run();
