/** `toolace-r agent` on a real model named by its catalog name: good and bad lines, each answered once. */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {runCli} from "../helpers/runCli.js";
import {realModel, withRealModel} from "../helpers/realModels.js";

const t = suite("real models: agent");
const smollm2 = await realModel("smollm2-135m-instruct");

const tools = [{type: "function", function: {name: "get_weather", description: "Current weather for a city", parameters: {type: "object", properties: {
    city: {type: "string", description: "City name"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}}, required: ["city"]}}}];

withRealModel(t, smollm2, "smollm2-135m-instruct")("agent --model smollm2-135m-instruct answers good and bad lines and keeps serving", async () => {
    const lines = [
        JSON.stringify({id: "good-1", messages: [{role: "user", content: "Weather in Rome?"}], tools, tool_choice: "required", refine: "adaptive"}),
        "{not json",
        JSON.stringify({id: "bad-choice", messages: [{role: "user", content: "x"}], tools, tool_choice: {type: "function", function: {name: "nope"}}}),
        JSON.stringify({id: "bad-messages", messages: "hello", tools}),
        JSON.stringify({id: "good-2", messages: [{role: "user", content: "Is it cold in Oslo, in fahrenheit?"}], tools, tool_choice: {type: "function", function: {name: "get_weather"}}, refine: "off"})
    ];
    const {code, stdout, stderr} = await runCli(["agent", "--model", "smollm2-135m-instruct"], `${lines.join("\n")}\n`);
    assert.is(code, 0, stderr);
    const replies = stdout.trim().split("\n").map((line) => JSON.parse(line) as {id?: unknown, error?: {code: string, message: string}, tool_calls?: {function: {name: string, arguments: string}}[]});
    assert.is(replies.length, 5, stdout);
    const byId = new Map(replies.map((reply) => [reply.id, reply]));
    for (const id of ["good-1", "good-2"]) {
        const reply = byId.get(id);
        assert.ok(reply?.tool_calls != null && reply.tool_calls.length >= 1, `${id}: ${JSON.stringify(reply)}`);
        assert.is(reply.tool_calls[0]!.function.name, "get_weather");
        assert.type(JSON.parse(reply.tool_calls[0]!.function.arguments).city, "string");
    }
    assert.match(byId.get("bad-choice")!.error!.message, /nope/);
    assert.is(byId.get("bad-messages")!.error!.code, "bad_request");
    assert.ok(replies.some((reply) => reply.error?.code === "bad_json"));
});

t.run();
