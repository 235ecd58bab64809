/**
 * Bad-input catalogue, agent mode (serveAgent in front of a real engine on the tiny spm model):
 * every kind of bad request line gets one reply with its id (when it can be read) and a clear
 * error naming the problem, and the agent goes on serving the next line.
 */
import {Readable, Writable} from "node:stream";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {serveAgent} from "../../src/agent/serveAgent.js";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("reliability: bad requests");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const engine = await ToolCallEngine.load({model: await createTestModel("spm-tiny"), llama, contextSize: 2048, grammar: {maxStringLength: 8, maxArrayItems: 3}});

interface Reply {
    id: string | number | null;
    error?: {code: string, message: string, details?: Record<string, unknown>};
    tool_calls?: {function: {name: string, arguments: string}}[];
}

/** Serves `lines` (each followed by a newline) and returns the replies in the order of the lines that carry ids. */
async function serve(lines: (string | Buffer)[]): Promise<Reply[]> {
    let text = "";
    const output = new Writable({write(chunk: Buffer, _encoding, done) {
        text += chunk.toString("utf8");
        done();
    }});
    const input = Readable.from(lines.map((line) => Buffer.concat([Buffer.from(line), Buffer.from("\n")])));
    await serveAgent({call: (request) => engine.call(request), input, output, parallel: 2});
    return text.trim().split("\n").map((line) => JSON.parse(line) as Reply);
}

/** The reply to one line. */
async function replyTo(line: string | Buffer): Promise<Reply> {
    const replies = await serve([line]);
    assert.is(replies.length, 1, `one reply to one line: ${JSON.stringify(replies)}`);
    return replies[0]!;
}

const user = [{role: "user", content: "what is the weather in Paris?"}];
const weather = [{type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {
    type: "object", properties: {city: {type: "string"}, days: {type: "integer", minimum: 1, maximum: 14}}, required: ["city"]}}}];
const good = (id: string) => JSON.stringify({id, messages: user, tools: weather, tool_choice: "required", parallel_tool_calls: false, refine: "off", max_tokens: 256});

function expectError(reply: Reply, id: string | null, code: string, ...patterns: RegExp[]): void {
    assert.is(reply.id, id, JSON.stringify(reply));
    assert.is(reply.error?.code, code, JSON.stringify(reply));
    for (const pattern of patterns) assert.match(reply.error!.message, pattern);
}

t("malformed JSON: bad_json, with the id when the line starts with it, and serving goes on", async () => {
    const replies = await serve([`{"id":"cut","messages":[{"role":"user","content":"hel`, "{not json", "[1,2", good("after")]);
    assert.is(replies.length, 4);
    expectError(replies.find((reply) => reply.id === "cut")!, "cut", "bad_json", /not valid JSON/);
    assert.equal(replies.filter((reply) => reply.id === null).map((reply) => reply.error?.code), ["bad_json", "bad_json"]);
    assert.ok(replies.find((reply) => reply.id === "after")?.tool_calls?.length, "the next request is answered");
});

t("missing fields: the field is named", async () => {
    expectError(await replyTo(JSON.stringify({id: "m1", tools: weather})), "m1", "bad_request", /messages must be a non-empty array/);
    expectError(await replyTo(JSON.stringify({id: "m2", messages: [{role: "user"}]})), "m2", "bad_request", /messages\[0\]\.content must be a string/);
    expectError(await replyTo(JSON.stringify({id: "m3", messages: [{role: "assistant"}, ...user]})), "m3", "bad_request", /messages\[0\] needs content or tool_calls/);
    expectError(await replyTo(JSON.stringify({id: "m4", messages: user, tools: [{type: "function", function: {parameters: {}}}]})), "m4", "tool_schema", /tool #0: the tool name must be a non-empty string at \$\.name/);
});

t("mistyped fields: the field and the expected type are named", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
        [{messages: "hello"}, /messages must be a non-empty array/],
        [{messages: [{role: "user", content: 5}]}, /messages\[0\]\.content must be a string/],
        [{messages: [{role: "robot", content: "x"}]}, /messages\[0\]\.role must be one of system, user, assistant, tool; got "robot"/],
        [{messages: user, tool_choice: 5}, /tool_choice must be "auto", "none", "required" or \{type:"function", function:\{name\}\}, got 5/],
        [{messages: user, refine: "sometimes"}, /refine must be "off", "adaptive" or a number of rounds, got "sometimes"/],
        [{messages: user, temperature: "hot"}, /temperature must be a number from 0 to 5, got "hot"/],
        [{messages: user, parallel_tool_calls: "yes"}, /parallel_tool_calls must be a boolean/],
        [{messages: user, max_tokens: 2.5}, /max_tokens must be a positive integer, got 2.5/],
        [{messages: user, tools: "weather"}, /tool #0: a tool must be an object at \$/]
    ];
    const replies = await serve(cases.map(([request], i) => JSON.stringify({id: `t${i}`, ...request})));
    cases.forEach(([, pattern], i) => {
        const reply = replies.find((r) => r.id === `t${i}`)!;
        assert.ok(reply.error !== undefined, `t${i} is an error`);
        assert.match(reply.error!.message, pattern);
    });
    expectError(await replyTo(JSON.stringify({id: {nested: 1}, messages: user})), null, "bad_request", /id must be a string or a number/);
});

t("unknown tool_choice name: the name and the known tools are given", async () => {
    const reply = await replyTo(JSON.stringify({id: "c", messages: user, tools: weather, tool_choice: {type: "function", function: {name: "get_time"}}}));
    expectError(reply, "c", "bad_request", /tool_choice names the function "get_time", which is not among the tools \(get_weather\)/);
    assert.equal(reply.error!.details, {field: "tool_choice.function.name"});
});

t("unsatisfiable schemas: tool_schema naming the tool, the problem and the JSON path", async () => {
    const reply = await replyTo(JSON.stringify({id: "s", messages: user, tools: [{type: "function", function: {name: "find", parameters: {
        type: "object", properties: {city: {type: "object", properties: {zip: {type: "string", minLength: 6, maxLength: 5}}}}}}}]}));
    expectError(reply, "s", "tool_schema", /^tool "find": "minLength" is greater than "maxLength" at \$\.parameters\.properties\.city\.properties\.zip$/);
    assert.equal(reply.error!.details, {tool: "find", path: "$.parameters.properties.city.properties.zip", problem: "\"minLength\" is greater than \"maxLength\""});
});

t("endless recursion: a $ref every value needs again is refused with the path", async () => {
    const reply = await replyTo(JSON.stringify({id: "cyc", messages: user, tools: [{type: "function", function: {name: "chain", parameters: {
        type: "object", properties: {head: {$ref: "#/$defs/link"}}, required: ["head"],
        $defs: {link: {type: "object", properties: {next: {$ref: "#/$defs/link"}}, required: ["next"]}}}}}]}));
    expectError(reply, "cyc", "tool_schema", /^tool "chain": a \$ref recurses without end: no finite value satisfies the schema \(recursion is unrolled \d+ times\) at \$\.parameters$/);
});

t("schemas nested too deep, or expanding exponentially through $refs: rejected with the path and the limit", async () => {
    let deep: Record<string, unknown> = {type: "string"};
    for (let i = 0; i < 70; i++) deep = {type: "array", items: deep};
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) defs[`d${i}`] = i === 29 ? {type: "string"} : {type: "object", properties: {x: {$ref: `#/$defs/d${i + 1}`}, y: {$ref: `#/$defs/d${i + 1}`}}};
    const replies = await serve([
        JSON.stringify({id: "deep", messages: user, tools: [{type: "function", function: {name: "f", parameters: {type: "object", properties: {a: deep}}}}]}),
        JSON.stringify({id: "wide", messages: user, tools: [{type: "function", function: {name: "g", parameters: {type: "object", properties: {a: {$ref: "#/$defs/d0"}}, $defs: defs}}}]}),
        `{"id":"nested","messages":${JSON.stringify(user)},"extra":${"[".repeat(100_000)}${"]".repeat(100_000)}}`
    ]);
    expectError(replies.find((r) => r.id === "deep")!, "deep", "tool_schema", /the schema nests deeper than 64 levels/, /at \$\.parameters\.properties\.a(\.items)+$/);
    expectError(replies.find((r) => r.id === "wide")!, "wide", "tool_schema", /the schema is too large: \d+ characters of JSON with \$refs expanded, more than 1048576 at \$\.parameters\.\$defs\.d\d+/);
    expectError(replies.find((r) => r.id === "nested")!, "nested", "bad_request", /the request nests arrays and objects more than 256 levels deep, at \$\.extra(\[0\])+/);
});

t("tools larger than the context: context_overflow with the token counts", async () => {
    const tools = Array.from({length: 60}, (_, i) => ({type: "function", function: {name: `tool_${i}`, description: "a tool described at length ".repeat(10), parameters: {type: "object", properties: {}}}}));
    const reply = await replyTo(JSON.stringify({id: "big", messages: user, tools, max_tokens: 256}));
    expectError(reply, "big", "context_overflow", /the conversation and tools take \d+ tokens, but the context of 2048 tokens leaves 1792 for them after 256 output tokens/);
    const details = reply.error!.details as {promptTokens: number, contextSize: number, maxTokens: number};
    assert.ok(details.promptTokens > 1792, `${details.promptTokens} prompt tokens`);
    assert.equal([details.contextSize, details.maxTokens], [2048, 256]);
});

t("invalid UTF-8: bad_utf8 with the id, anonymous when the id itself is broken", async () => {
    const text = JSON.stringify({id: "u", messages: [{role: "user", content: "caf?"}]});
    const broken = Buffer.from(text.replace("caf?", "caf\u0000"));
    broken[broken.indexOf(0)] = 0xe9; // a Latin-1 é: not UTF-8
    const replies = await serve([broken, Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), good("next")]);
    expectError(replies.find((r) => r.id === "u")!, "u", "bad_utf8", /not valid UTF-8/);
    expectError(replies.find((r) => r.id === null)!, null, "bad_utf8");
    assert.ok(replies.find((r) => r.id === "next")?.tool_calls?.length);
});

t("very long strings: a 1 MB user message is a context_overflow with token counts; a 9 MB line is line_too_long", async () => {
    const megabyte = JSON.stringify({id: "mb", messages: [{role: "user", content: "word ".repeat(210_000)}]});
    const huge = `{"id":"huge","messages":[{"role":"user","content":"${"x".repeat(9 * 1024 * 1024)}"}]}`;
    const replies = await serve([megabyte, huge, good("after")]);
    assert.is(replies.length, 3);
    // so far beyond the context that it is rejected before tokenizing, with a lower bound of its tokens
    const overflow = replies.find((r) => r.id === "mb")!;
    expectError(overflow, "mb", "context_overflow", /take at least \d+ tokens \(1050\d\d\d bytes; no token of this model stands for more than \d+\), but the context of 2048 tokens leaves 1536/);
    assert.ok((overflow.error!.details as {promptTokensAtLeast: number}).promptTokensAtLeast > 1536);
    expectError(replies.find((r) => r.id === null)!, null, "line_too_long", new RegExp(`request line of ${Buffer.byteLength(huge)} bytes exceeds the limit of 8388608 bytes`));
    assert.ok(replies.find((r) => r.id === "after")?.tool_calls?.length, "served on after both");
});

t("huge numbers in requests: seed 1e300, max_rounds 1e9, max_tokens 1e9, temperature 1e308, id 1e400", async () => {
    const cases: [string, RegExp][] = [
        [`{"id":"seed","messages":${JSON.stringify(user)},"seed":1e300}`, /seed must be a non-negative integer, got 1e\+300/],
        [`{"id":"rounds","messages":${JSON.stringify(user)},"refine":"adaptive","max_rounds":1e9}`, /max_rounds must be an integer from 1 to 16, got 1000000000/],
        [`{"id":"tokens","messages":${JSON.stringify(user)},"max_tokens":1e9}`, /max_tokens \(1000000000\) must be less than the context size \(2048 tokens\)/],
        [`{"id":"temp","messages":${JSON.stringify(user)},"temperature":1e308}`, /temperature must be a number from 0 to 5, got 1e\+308/]
    ];
    const replies = await serve([...cases.map(([line]) => line), `{"id":1e400,"messages":${JSON.stringify(user)}}`]);
    for (const [line, pattern] of cases) {
        const id = (JSON.parse(line) as {id: string}).id;
        expectError(replies.find((r) => r.id === id)!, id, "bad_request", pattern);
    }
    expectError(replies.find((r) => r.id === null)!, null, "bad_request", /id must be a string or a number/);
});

t("huge numbers in tool schemas: minimum 1e300 is rejected with the path; maximum 1e300 works", async () => {
    const tool = (parameters: unknown) => [{type: "function", function: {name: "count", parameters}}];
    const replies = await serve([
        JSON.stringify({id: "min", messages: user, tools: tool({type: "object", properties: {n: {type: "integer", minimum: 1e300}}, required: ["n"]})}),
        JSON.stringify({id: "max", messages: user, tools: tool({type: "object", properties: {n: {type: "number", maximum: 1e300}, m: {type: "integer", maximum: 1e300}}, required: ["n", "m"]}), tool_choice: "required", parallel_tool_calls: false, refine: "off", max_tokens: 256})
    ]);
    expectError(replies.find((r) => r.id === "min")!, "min", "tool_schema", /^tool "count": bounds beyond ±999999999999999 are not supported at \$\.parameters\.properties\.n$/);
    const call = replies.find((r) => r.id === "max")!;
    assert.is(call.error, undefined, JSON.stringify(call.error));
    const args = JSON.parse(call.tool_calls![0]!.function.arguments) as {n: number, m: number};
    assert.ok(args.n <= 1e300 && Number.isSafeInteger(args.m), call.tool_calls![0]!.function.arguments);
});

t.after(async () => {
    await engine.dispose();
});

t.run();
