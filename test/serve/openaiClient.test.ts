import {suite} from "uvu";
import * as assert from "uvu/assert";
import OpenAI from "openai";
import {startDefaultModelServer, type TestServer, weatherTools} from "../helpers/chatServer.js";

/** The official `openai` npm client against `toolace-r serve` (the default model, two slots). */
const t = suite("serve: openai client");
let server: TestServer;
let client: OpenAI;
const question = [{role: "user" as const, content: "What is the weather in Paris in celsius?"}];

t.before(async () => {
    server = await startDefaultModelServer();
    client = new OpenAI({baseURL: server.baseURL, apiKey: "unused", maxRetries: 0});
});
t.after(async () => server.close());

t("lists the served model", async () => {
    const models = await client.models.list();
    assert.equal(models.data.map((model) => model.id), ["default"]);
});

t("tools: a valid call of a given tool, usage and the refinement rounds", async () => {
    const completion = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools});
    const choice = completion.choices[0]!;
    assert.is(choice.finish_reason, "tool_calls");
    const call = choice.message.tool_calls![0]!;
    assert.is(call.type, "function");
    assert.ok(call.type === "function" && ["get_weather", "get_time"].includes(call.function.name));
    if (call.type === "function") assert.type(JSON.parse(call.function.arguments).city, "string");
    assert.ok(completion.usage!.prompt_tokens > 50 && completion.usage!.completion_tokens > 0);
    assert.is(completion.usage!.total_tokens, completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    const extension = (completion as unknown as {toolace_r: {rounds: unknown[], stop: string}}).toolace_r;
    assert.ok(extension.rounds.length >= 1 && ["converged", "max_rounds"].includes(extension.stop), JSON.stringify(extension));
});

t("each tool_choice: none answers in text, required and named call", async () => {
    const none = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: "none", max_tokens: 40});
    assert.is(none.choices[0]!.message.tool_calls, undefined);
    assert.type(none.choices[0]!.message.content, "string");
    assert.ok(["stop", "length"].includes(none.choices[0]!.finish_reason));
    const required = await client.chat.completions.create({model: "default", messages: [{role: "user", content: "hello there"}], tools: weatherTools, tool_choice: "required"});
    assert.ok(required.choices[0]!.message.tool_calls!.length >= 1);
    for (const name of ["get_time", "get_weather"]) {
        const named = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: {type: "function", function: {name}}});
        const calls = named.choices[0]!.message.tool_calls!;
        assert.ok(calls.length >= 1 && calls.every((call) => call.type === "function" && call.function.name === name), JSON.stringify(calls));
    }
});

t("streaming with tools: the deltas add up to the non-streamed answer; usage chunk; refinement rounds announced", async () => {
    const plain = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: "required", refine: "off"} as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const stream = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: "required", refine: "off", stream: true, stream_options: {include_usage: true}} as OpenAI.ChatCompletionCreateParamsStreaming);
    const calls: {id?: string, name: string, arguments: string}[] = [];
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    let rounds = 0;
    let role: string | undefined;
    for await (const chunk of stream) {
        if ((chunk as unknown as {toolace_r?: {round?: unknown}}).toolace_r?.round !== undefined) rounds++;
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices[0];
        if (choice === undefined) continue;
        role ??= choice.delta.role;
        for (const delta of choice.delta.tool_calls ?? []) {
            calls[delta.index] ??= {name: "", arguments: ""};
            const call = calls[delta.index]!;
            if (delta.id) call.id = delta.id;
            call.name += delta.function?.name ?? "";
            call.arguments += delta.function?.arguments ?? "";
        }
        finish = choice.finish_reason ?? finish;
    }
    assert.is(role, "assistant");
    assert.is(finish, "tool_calls");
    assert.is(rounds, 1);
    assert.equal(calls.map((call) => ({name: call.name, arguments: call.arguments})),
        plain.choices[0]!.message.tool_calls!.map((call) => call.type === "function" ? {name: call.function.name, arguments: call.function.arguments} : {}));
    assert.ok(usage !== undefined && usage.completion_tokens === plain.usage!.completion_tokens);
});

t("streaming a text answer: content deltas add up to the non-streamed content; the stream helper accumulates it", async () => {
    const request = {model: "default", messages: question, tools: weatherTools, tool_choice: "none" as const, max_tokens: 48};
    const plain = await client.chat.completions.create(request);
    const runner = client.chat.completions.stream(request);
    let deltas = 0;
    runner.on("content", () => deltas++);
    const final = await runner.finalChatCompletion();
    assert.is(final.choices[0]!.message.content, plain.choices[0]!.message.content);
    assert.ok(deltas >= 2, `only ${deltas} content deltas`);
});

t("a multi-turn exchange with tool results reuses the cached prefix", async () => {
    const first = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: "required", refine: "off"} as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const call = first.choices[0]!.message.tool_calls![0]!;
    const history: OpenAI.ChatCompletionMessageParam[] = [...question, first.choices[0]!.message as OpenAI.ChatCompletionMessageParam,
        {role: "tool", tool_call_id: call.id, content: JSON.stringify({temperature: 18, unit: "celsius"})}];
    const second = await client.chat.completions.create({model: "default", messages: history, tools: weatherTools, max_tokens: 40, refine: "off"} as OpenAI.ChatCompletionCreateParamsNonStreaming);
    assert.ok(second.choices.length === 1);
    const cached = second.usage!.prompt_tokens_details!.cached_tokens!;
    assert.ok(cached >= first.usage!.prompt_tokens - 1, `turn 2 reused ${cached} of turn 1's ${first.usage!.prompt_tokens} prompt tokens`);
    const evaluated = (second as unknown as {toolace_r: {rounds: {inputTokens: number}[]}}).toolace_r.rounds[0]!.inputTokens;
    // The token meter counts the last prompt position (whose logits give the first token) as output.
    assert.ok(evaluated >= second.usage!.prompt_tokens - cached - 1 && evaluated <= second.usage!.prompt_tokens - cached, `round 0 evaluated ${evaluated}: only what the cache lacks`);
});

t("the refine extension: off is one round, a fixed count runs that many", async () => {
    const off = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: "required", refine: "off"} as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const fixed = await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: "required", refine: 2} as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const rounds = (completion: unknown) => (completion as {toolace_r: {rounds: unknown[], stop: string}}).toolace_r;
    assert.is(rounds(off).rounds.length, 1);
    assert.is(rounds(off).stop, "off");
    assert.is(rounds(fixed).rounds.length, 3);
    assert.is(rounds(fixed).stop, "max_rounds");
});

t("errors come back as the client's typed errors", async () => {
    try {
        await client.chat.completions.create({model: "default", messages: question, tools: weatherTools, tool_choice: {type: "function", function: {name: "book_flight"}}});
        assert.unreachable();
    } catch (error) {
        assert.instance(error, OpenAI.BadRequestError);
        assert.match((error as Error).message, /book_flight/);
    }
    try {
        await client.chat.completions.create({model: "gpt-4o", messages: question});
        assert.unreachable();
    } catch (error) {
        assert.instance(error, OpenAI.NotFoundError);
    }
});

t.run();
