import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {CallRequest} from "../../src/engine/CallRequest.js";
import type {CallResult} from "../../src/engine/CallResult.js";
import type {CallHooks} from "../../src/engine/ToolCallEngine.js";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {startChatServer, startDefaultModelServer, type TestServer, weatherTools} from "../helpers/chatServer.js";

/** Bad input, limits and cancellation: each gets its status and OpenAI error object, and the server keeps serving. */
const t = suite("serve: errors and limits");
let server: TestServer;
const question = [{role: "user", content: "What is the weather in Paris?"}];

t.before(async () => {
    server = await startDefaultModelServer({sequences: 1, apiKey: "sk-test", bodyLimit: 256 * 1024, listed: ["smollm2-135m-instruct"]});
});
t.after(async () => server.close());

async function post(body: unknown, options: {key?: string | null, raw?: string, url?: string} = {}): Promise<{status: number, body: {error?: {message: string, type: string, param: string | null, code: string | null}} & Record<string, unknown>}> {
    const headers: Record<string, string> = {"content-type": "application/json"};
    if (options.key !== null) headers.authorization = `Bearer ${options.key ?? "sk-test"}`;
    const response = await fetch(options.url ?? `${server.baseURL}/chat/completions`, {method: "POST", headers, body: options.raw ?? JSON.stringify(body)});
    return {status: response.status, body: await response.json() as never};
}

function assertError(answer: Awaited<ReturnType<typeof post>>, status: number, pattern: RegExp, param?: string): void {
    assert.is(answer.status, status, JSON.stringify(answer.body));
    const error = answer.body.error!;
    assert.ok(error !== undefined && typeof error.type === "string" && "code" in error && "param" in error, JSON.stringify(answer.body));
    assert.match(error.message, pattern);
    if (param !== undefined) assert.is(error.param, param);
}

t("the API key: missing or wrong is 401, /health needs none", async () => {
    assertError(await post({messages: question}, {key: null}), 401, /no API key/);
    assertError(await post({messages: question}, {key: "sk-wrong"}), 401, /wrong/);
    const health = await fetch(`${server.url}/health`);
    assert.is(health.status, 200);
    assert.is((await health.json() as {status: string}).status, "ok");
});

t("invalid JSON, wrong types and shapes are 400 naming the field", async () => {
    assertError(await post(undefined, {raw: "{\"messages\": [}"}), 400, /not valid JSON/);
    assertError(await post({messages: "hello"}), 400, /messages/, "messages");
    assertError(await post({messages: [{role: "robot", content: "x"}]}), 400, /allowed values/, "messages[0].role");
    assertError(await post({messages: question, temperature: "0.5"}), 400, /number/, "temperature");
    assertError(await post({messages: question, max_tokens: 0}), 400, />= 1/, "max_tokens");
    assertError(await post({messages: question, n: 2}), 400, /n must be 1/, "n");
    assertError(await post({messages: question, frequency_penalty: 0.5}), 400, /frequency_penalty/, "frequency_penalty");
    assertError(await post({messages: [{role: "user", content: [{type: "image_url", image_url: {url: "data:"}}]}]}), 400, /only text parts/, "messages[0].content[0].type");
    assertError(await post({messages: [{role: "assistant", content: "hi"}]}), 400, /last message/, "messages[0].role");
});

t("an unknown named tool and a tool with a bad schema are 400", async () => {
    assertError(await post({messages: question, tools: weatherTools, tool_choice: {type: "function", function: {name: "book_flight"}}}), 400, /book_flight/, "tool_choice.function.name");
    const badTool = {type: "function", function: {name: "f", parameters: {type: "object", properties: {a: {$ref: "#/$defs/missing"}}}}};
    const answer = await post({messages: question, tools: [badTool]});
    assertError(answer, 400, /"f"|#0/);
    assert.is(answer.body.error!.code, "tool_schema");
});

t("an oversize body is 413; a conversation that does not fit the context is 400 context_length_exceeded", async () => {
    assertError(await post({messages: [{role: "user", content: "x".repeat(300 * 1024)}]}), 413, /larger than/);
    const long = await post({messages: [{role: "user", content: "weather in paris please ".repeat(4000)}], tools: weatherTools});
    assertError(long, 400, /context/, "messages");
    assert.is(long.body.error!.code, "context_length_exceeded");
});

t("unknown routes and models are 404; a catalog model that is not loaded says how to serve it", async () => {
    const route = await fetch(`${server.baseURL}/completions`, {method: "POST", headers: {authorization: "Bearer sk-test"}});
    assert.is(route.status, 404);
    assertError(await post({model: "gpt-4o", messages: question}), 404, /not served here/, "model");
    assertError(await post({model: "smollm2-135m-instruct", messages: question}), 404, /--model smollm2-135m-instruct/, "model");
    const models = await fetch(`${server.baseURL}/models`, {headers: {authorization: "Bearer sk-test"}});
    assert.equal((await models.json() as {data: {id: string}[]}).data.map((model) => model.id), ["default", "smollm2-135m-instruct"]);
});

t("a client aborting mid-stream cancels its request and frees its slot; the server keeps serving", async () => {
    const abort = new AbortController();
    const before = server.app.stats.cancelled;
    const response = await fetch(`${server.baseURL}/chat/completions`, {
        method: "POST", signal: abort.signal, headers: {"content-type": "application/json", authorization: "Bearer sk-test"},
        body: JSON.stringify({messages: question, tools: weatherTools, tool_choice: "none", max_tokens: 1500, stream: true})
    });
    assert.is(response.status, 200);
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("\"content\":\"")) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await reader.cancel().catch(() => undefined);
    for (let wait = 0; wait < 100 && server.app.stats.active > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.is(server.app.stats.active, 0, "the cancelled request left its slot");
    assert.is(server.app.stats.cancelled, before + 1);
    const next = await post({messages: question, tools: weatherTools, tool_choice: "required", refine: "off"});
    assert.is(next.status, 200, JSON.stringify(next.body));
});

t("stop sequences cut a text answer (finish_reason stop); calls are not cut", async () => {
    const plain = await post({messages: question, tools: weatherTools, tool_choice: "none", max_tokens: 60, refine: "off"});
    const content = (plain.body.choices as {message: {content: string}}[])[0]!.message.content;
    const stop = content.slice(10, 13);
    assert.ok(stop.trim().length > 0, `no stop sequence to take from ${JSON.stringify(content)}`);
    const cut = await post({messages: question, tools: weatherTools, tool_choice: "none", max_tokens: 60, refine: "off", stop: [stop]});
    const choice = (cut.body.choices as {message: {content: string}, finish_reason: string}[])[0]!;
    assert.is(choice.message.content, content.slice(0, content.indexOf(stop)));
    assert.is(choice.finish_reason, "stop");
});

/** A backend whose calls wait until released (or fail), to test admission and failures deterministically. */
function gatedBackend(slots: number) {
    const waiting: Array<() => void> = [];
    const result: CallResult = {tool_calls: [], content: "ok", rounds: [{round: 0, tool_calls: [], content: "ok", inputTokens: 1, outputTokens: 1, ms: 1}], stop: "text",
        model: "fake", finish_reason: "stop", usage: {promptTokens: 3, cachedTokens: 0, completionTokens: 1, evaluatedTokens: 3}};
    return {
        slots, formatName: "fake", waiting,
        async call(request: CallRequest, hooks: CallHooks): Promise<CallResult> {
            if (request.messages[0]!.content === "fail") throw new ToolaceError("grammar_violation", "the model produced an invalid call");
            await new Promise<void>((resolve, reject) => {
                waiting.push(resolve);
                hooks.signal?.addEventListener("abort", () => reject(new ToolaceError("aborted", "cancelled")));
            });
            return result;
        }
    };
}

t("past the slots and the queue, requests get 429; engine failures are 500", async () => {
    const backend = gatedBackend(1);
    const gated = await startChatServer(backend, {maxQueue: 1});
    try {
        const send = () => fetch(`${gated.baseURL}/chat/completions`, {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify({messages: [{role: "user", content: "hi"}]})});
        const first = send();
        const second = send();
        while (backend.waiting.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
        const third = await send();
        assert.is(third.status, 429);
        assert.is((await third.json() as {error: {code: string}}).error.code, "queue_full");
        for (const release of backend.waiting.splice(0)) release();
        assert.is((await first).status, 200);
        assert.is((await second).status, 200);
        const failed = await fetch(`${gated.baseURL}/chat/completions`, {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify({messages: [{role: "user", content: "fail"}]})});
        assert.is(failed.status, 500);
        assert.is((await failed.json() as {error: {type: string}}).error.type, "server_error");
        assert.is(gated.app.stats.active, 0);
    } finally {
        for (const release of backend.waiting.splice(0)) release();
        await gated.close();
    }
});

t.run();
