import {suite} from "uvu";
import * as assert from "uvu/assert";
import {generateText, jsonSchema, streamText, tool, type ModelMessage} from "ai";
import {createOpenAICompatible} from "@ai-sdk/openai-compatible";
import {startDefaultModelServer, type TestServer} from "../helpers/chatServer.js";

/** The Vercel AI SDK (`ai` with `@ai-sdk/openai-compatible`) against `toolace-r serve` (the default model). */
const t = suite("serve: AI SDK");
let server: TestServer;
let provider: ReturnType<typeof createOpenAICompatible>;

const tools = {
    get_weather: tool({description: "Current weather for a city", inputSchema: jsonSchema<{city: string, unit?: "celsius" | "fahrenheit"}>({type: "object", properties: {city: {type: "string"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}}, required: ["city"]})}),
    get_time: tool({description: "Local time in a city", inputSchema: jsonSchema<{city: string}>({type: "object", properties: {city: {type: "string"}}, required: ["city"]})})
};
const prompt = "What is the weather in Paris in celsius?";

t.before(async () => {
    server = await startDefaultModelServer({sequences: 1});
    provider = createOpenAICompatible({name: "toolace-r", baseURL: server.baseURL, apiKey: "unused", includeUsage: true});
});
t.after(async () => server.close());

t("generateText with tools returns typed tool calls and usage", async () => {
    const result = await generateText({model: provider.chatModel("default"), prompt, tools, toolChoice: "required", maxRetries: 0});
    assert.is(result.finishReason, "tool-calls");
    assert.ok(result.toolCalls.length >= 1);
    for (const call of result.toolCalls) {
        assert.ok(call.toolName in tools);
        assert.type((call.input as {city: unknown}).city, "string");
    }
    assert.ok((result.usage.inputTokens ?? 0) > 50 && (result.usage.outputTokens ?? 0) > 0);
});

t("each toolChoice: none, required, a named tool", async () => {
    const none = await generateText({model: provider.chatModel("default"), prompt, tools, toolChoice: "none", maxOutputTokens: 40, maxRetries: 0});
    assert.is(none.toolCalls.length, 0);
    assert.type(none.text, "string");
    for (const toolName of ["get_time", "get_weather"] as const) {
        const named = await generateText({model: provider.chatModel("default"), prompt, tools, toolChoice: {type: "tool", toolName}, maxRetries: 0});
        assert.ok(named.toolCalls.length >= 1 && named.toolCalls.every((call) => call.toolName === toolName), JSON.stringify(named.toolCalls));
    }
});

t("streamText with tools: streamed tool calls equal generateText's", async () => {
    const options = {model: provider.chatModel("default"), prompt, tools, toolChoice: "required" as const, maxRetries: 0, providerOptions: {"toolace-r": {refine: "off"}}};
    const plain = await generateText(options);
    const stream = streamText(options);
    const parts: string[] = [];
    for await (const part of stream.fullStream) parts.push(part.type);
    const calls = await stream.toolCalls;
    assert.equal(calls.map((call) => [call.toolName, call.input]), plain.toolCalls.map((call) => [call.toolName, call.input]));
    assert.ok(parts.includes("tool-input-delta") || parts.includes("tool-call"), parts.join(","));
    assert.is(await stream.finishReason, "tool-calls");
});

t("a multi-turn exchange: the tool's result goes back and the model answers", async () => {
    const messages: ModelMessage[] = [{role: "user", content: prompt}];
    const first = await generateText({model: provider.chatModel("default"), messages, tools, toolChoice: "required", maxRetries: 0});
    const call = first.toolCalls[0]!;
    messages.push(...first.response.messages);
    messages.push({role: "tool", content: [{type: "tool-result", toolCallId: call.toolCallId, toolName: call.toolName, output: {type: "json", value: {temperature: 18, unit: "celsius"}}}]});
    const second = await generateText({model: provider.chatModel("default"), messages, tools, toolChoice: "none", maxOutputTokens: 40, maxRetries: 0});
    assert.is(second.toolCalls.length, 0);
    assert.type(second.text, "string");
    assert.ok((second.usage.inputTokens ?? 0) > (first.usage.inputTokens ?? 0));
});

t("the refine extension through provider options, rounds in the raw response", async () => {
    const result = await generateText({model: provider.chatModel("default"), prompt, tools, toolChoice: "required", maxRetries: 0, providerOptions: {"toolace-r": {refine: 2}}});
    const body = result.response.body as {toolace_r?: {rounds: unknown[], stop: string}};
    assert.is(body.toolace_r?.rounds.length, 3);
    assert.is(body.toolace_r?.stop, "max_rounds");
});

t.run();
