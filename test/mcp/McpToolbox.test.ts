import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import OpenAI from "openai";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {McpToolbox} from "../../src/mcp/McpToolbox.js";
import {checkTools} from "../../src/tools/checkTools.js";
import {startChatServer} from "../helpers/chatServer.js";
import {mcpServers} from "./mcpServers.js";

const t = suite("McpToolbox (real MCP servers from npm)");
const dir = mkdtempSync(path.join(tmpdir(), "toolace-mcp-"));
writeFileSync(path.join(dir, "notes.txt"), "hello from the filesystem server\n");
const env = {MEMORY_FILE_PATH: path.join(dir, "memory.jsonl")};
let toolbox: McpToolbox;
let engine: ToolCallEngine;

t.before(async () => {
    toolbox = await McpToolbox.start([mcpServers.memory, mcpServers.everything, mcpServers.filesystem(dir)], {env});
    // The three servers' 36 tools take about 4,700 prompt tokens: more than the default model's 2,048-token context.
    engine = await ToolCallEngine.load({gpu: false, contextSize: 8192});
});
t.after(async () => {
    await engine?.dispose();
    await toolbox?.close();
    rmSync(dir, {recursive: true, force: true});
});

t("lists the tools of the memory, everything and filesystem servers as OpenAI tools, and every schema compiles", () => {
    const names = toolbox.tools.map((tool) => tool.function.name);
    for (const name of ["create_entities", "read_graph", "search_nodes", "echo", "get-sum", "list_allowed_directories", "read_text_file", "edit_file"])
        assert.ok(names.includes(name), `${name} missing from ${names.join(", ")}`);
    assert.ok(names.length >= 30, `${names.length} tools`);
    assert.is(toolbox.serverOf("echo"), mcpServers.everything);
    assert.is(toolbox.serverOf("read_graph"), mcpServers.memory);
    const checked = checkTools(toolbox.tools);
    assert.equal(checked.tools.filter((tool) => !tool.ok), [], "every MCP tool's schema compiles");
    assert.ok(checked.ok);
});

// One call per server: the engine writes it under the tool's grammar, the server runs it.
for (const [tool, query, server] of [
    ["echo", "Echo the words good morning", "everything"],
    ["read_graph", "Show me everything in the knowledge graph", "memory"],
    ["list_allowed_directories", "Which directories may you read?", "filesystem"]
] as const) {
    t(`a call to ${tool} (${server} server) made through the engine and run by the server`, async () => {
        const result = await engine.call({messages: [{role: "user", content: query}], tools: toolbox.tools, tool_choice: {type: "function", function: {name: tool}}, refine: "off"});
        assert.is(result.tool_calls.length >= 1, true);
        const call = result.tool_calls[0]!;
        assert.is(call.function.name, tool);
        assert.is(result.violations, undefined, "the call keeps the server's schema");
        const answer = await toolbox.call(call.function.name, call.function.arguments);
        assert.is(answer.isError, false, JSON.stringify(answer));
        assert.ok(answer.content.length > 0);
        if (tool === "echo") assert.match(JSON.stringify(answer.content), /Echo:/);
        if (tool === "list_allowed_directories") assert.match(JSON.stringify(answer.content), /toolace-mcp-/);
    });
}

t("a server's own failure comes back as isError; unknown tools and non-object arguments throw", async () => {
    const missing = await toolbox.call("read_text_file", JSON.stringify({path: path.join(dir, "no-such-file.txt")}));
    assert.is(missing.isError, true);
    for (const [name, args, pattern] of [["no_such_tool", "{}", /no MCP server offers a tool named "no_such_tool"/], ["echo", "[1]", /not a JSON object/], ["echo", "{", /not a JSON object/]] as const) {
        try {
            await toolbox.call(name, args);
            assert.unreachable(`${name} ${args}`);
        } catch (error) {
            assert.instance(error, ToolaceError);
            assert.match((error as Error).message, pattern);
        }
    }
});

t("serve offers the MCP tools to requests that bring none (OpenAI client)", async () => {
    const server = await startChatServer(engine, {extraTools: toolbox.tools});
    try {
        const client = new OpenAI({baseURL: server.baseURL, apiKey: "none"});
        const completion = await client.chat.completions.create({model: "default", messages: [{role: "user", content: "add 2 and 3"}], tool_choice: {type: "function", function: {name: "get-sum"}}, refine: "off"} as never);
        const call = completion.choices[0]!.message.tool_calls![0]! as {function: {name: string, arguments: string}};
        assert.is(call.function.name, "get-sum");
        assert.is((await toolbox.call("get-sum", call.function.arguments)).server, mcpServers.everything);
    } finally {
        await server.close();
    }
});

t("a server that does not start, one that is not MCP, and two offering one name are refused, naming the command", async () => {
    const cases: [string[], RegExp][] = [
        [[`${JSON.stringify(process.execPath)} -e "process.exit(3)"`], /did not start/],
        [["/no/such/mcp-server --flag"], /did not start/],
        [[mcpServers.memory, mcpServers.memory], /both offer a tool named "create_entities"/],
        [["server | tee log"], /not a plain command line/]
    ];
    for (const [lines, pattern] of cases) {
        try {
            const opened = await McpToolbox.start(lines, {env, timeoutMs: 10_000});
            await opened.close();
            assert.unreachable(lines.join(" + "));
        } catch (error) {
            assert.instance(error, ToolaceError, String(error));
            assert.is((error as ToolaceError).code, lines[0]!.includes("|") ? "usage" : "mcp");
            assert.match((error as Error).message, pattern);
        }
    }
    const silent = Date.now();
    try {
        await McpToolbox.start([`${JSON.stringify(process.execPath)} -e "setInterval(() => {}, 1000)"`], {timeoutMs: 1_500});
        assert.unreachable("a silent process");
    } catch (error) {
        assert.match((error as Error).message, /did not start/);
        assert.ok(Date.now() - silent < 10_000);
    }
});

t.run();
