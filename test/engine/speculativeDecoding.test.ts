import {suite} from "uvu";
import * as assert from "uvu/assert";
import {getLlama} from "node-llama-cpp";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("speculative decoding");

const queries = ["weather in Paris", "time in Tokyo", "rain tomorrow in Oslo?", "is it hot in Cairo", "forecast for Lima, 3 days",
    "what time is it in UTC", "temperature in Reykjavik in fahrenheit", "Berlin weather, detailed", "clock in Sydney", "weather at 45.5,-73.6"];
const tools = [
    {type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {type: "object", properties: {
        city: {type: "string"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}, days: {type: "integer"}}, required: ["city"]}}},
    {type: "function", function: {name: "get_time", description: "Local time", parameters: {type: "object", properties: {timezone: {type: "string"}}, required: ["timezone"]}}}
];

t("greedy output is token-identical with and without draft verification, on every round of many requests", async () => {
    const llama = await getLlama({gpu: false, build: "never"});
    const model = await createTestModel("spm-tiny");
    const options = {model, llama, contextSize: 2048, grammar: {maxStringLength: 24, maxArrayItems: 3}};
    const plain = await ToolCallEngine.load({...options, speculative: false});
    const fast = await ToolCallEngine.load({...options, speculative: true});
    try {
        for (const query of queries) {
            for (const toolChoice of ["required", "auto"] as const) {
                const request = {messages: [{role: "user", content: query}], tools, tool_choice: toolChoice, refine: 2, max_tokens: 400};
                const a = await plain.call(request);
                const b = await fast.call(request);
                assert.equal(b.rounds.map((r) => [r.tool_calls, r.content]), a.rounds.map((r) => [r.tool_calls, r.content]), `${query} (${toolChoice})`);
                assert.equal(b.rounds.map((r) => r.inputTokens), a.rounds.map((r) => r.inputTokens), "the same prompt tokens are evaluated");
            }
        }
    } finally {
        await plain.dispose();
        await fast.dispose();
    }
});

t.run();
