import {suite} from "uvu";
import * as assert from "uvu/assert";
import {runCli} from "../helpers/runCli.js";
import {mcpServers} from "./mcpServers.js";

const t = suite("--mcp on call and agent");

t("call --mcp --mcp-run: the model calls the server's tool, the server runs it, both are printed", async () => {
    const {code, stdout, stderr} = await runCli(["call", "--mcp", mcpServers.everything, "--query", "echo the words hello there", "--tool-choice", "echo", "--refine", "off", "--ctx", "4096", "--mcp-run"]);
    assert.is(code, 0, stderr);
    const result = JSON.parse(stdout) as {tool_calls: {id: string, function: {name: string}}[], tool_results: {tool_call_id: string, tool: string, isError: boolean, content: {text: string}[]}[]};
    assert.is(result.tool_calls[0]!.function.name, "echo");
    assert.is(result.tool_results.length, result.tool_calls.length);
    assert.is(result.tool_results[0]!.tool_call_id, result.tool_calls[0]!.id);
    assert.is(result.tool_results[0]!.isError, false);
    assert.match(result.tool_results[0]!.content[0]!.text, /^Echo: /);
});

t("agent --mcp: every request is offered the server's tools beside its own; calls are not run", async () => {
    const requests = [
        {id: "a", messages: [{role: "user", content: "add 4 and 5"}], tool_choice: {type: "function", function: {name: "get-sum"}}, refine: "off"},
        {id: "b", messages: [{role: "user", content: "weather in Oslo"}], tools: [{type: "function", function: {name: "get_weather", parameters: {type: "object", properties: {city: {type: "string"}}, required: ["city"]}}}], tool_choice: {type: "function", function: {name: "get_weather"}}, refine: "off"}
    ];
    const {code, stdout, stderr} = await runCli(["agent", "--mcp", mcpServers.everything, "--ctx", "4096"], requests.map((request) => JSON.stringify(request)).join("\n") + "\n");
    assert.is(code, 0, stderr);
    const replies = stdout.trim().split("\n").map((line) => JSON.parse(line) as {id: string, tool_calls?: {function: {name: string, arguments: string}}[], tool_results?: unknown});
    const byId = new Map(replies.map((reply) => [reply.id, reply]));
    assert.is(byId.get("a")?.tool_calls?.[0]?.function.name, "get-sum", stdout);
    assert.equal(Object.keys(JSON.parse(byId.get("a")!.tool_calls![0]!.function.arguments) as object).sort(), ["a", "b"]);
    assert.is(byId.get("b")?.tool_calls?.[0]?.function.name, "get_weather", stdout);
    assert.is(byId.get("a")?.tool_results, undefined);
});

t("a server that fails to start is a clear error with a non-zero exit; --tools or --mcp is needed", async () => {
    const failed = await runCli(["call", "--mcp", "/no/such/server", "--query", "hi"]);
    assert.is.not(failed.code, 0);
    assert.match(failed.stderr, /MCP server "\/no\/such\/server" did not start/);
    const neither = await runCli(["call", "--query", "hi"]);
    assert.is.not(neither.code, 0);
    assert.match(neither.stderr, /--tools FILE or --mcp/);
});

t.run();
