import {suite} from "uvu";
import {runCli} from "../helpers/runCli.js";
import * as assert from "uvu/assert";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("toolace-r agent");


const tools = [{type: "function", function: {name: "lookup", description: "Look a word up", parameters: {type: "object", properties: {word: {type: "string"}}, required: ["word"]}}}];
const good = (id: string | number) => JSON.stringify({id, messages: [{role: "user", content: "look up apple"}], tools, tool_choice: "required", refine: 1});

t("answers good and bad lines, each once with its id, and exits 0 at EOF", async () => {
    const model = await createTestModel("spm-tiny");
    const lines = [
        good("a"),
        "{not json",
        JSON.stringify({id: "b", messages: "hello", tools}),
        JSON.stringify({id: 7, messages: [{role: "user", content: "x"}], tools, tool_choice: {type: "function", function: {name: "missing"}}}),
        good(8),
        "",
        JSON.stringify({id: "c", messages: [{role: "user", content: "x"}], tools: [{type: "function", function: {name: "f", parameters: {type: "object", properties: {a: {$ref: "#/$defs/a"}}, required: ["a"], $defs: {a: {$ref: "#/$defs/a"}}}}}]})
    ];
    const input = Buffer.concat([Buffer.from(lines.join("\n") + "\n"), Buffer.from([0xc3, 0x28, 0x0a])]);
    const {code, stdout, stderr} = await runCli(["agent", "--model", model, "--parallel", "2", "--max-string-length", "12"], input);
    assert.is(code, 0, stderr);
    const replies = stdout.trim().split("\n").map((line) => JSON.parse(line) as {id: unknown, error?: {code: string, message: string}, tool_calls?: unknown[]});
    assert.is(replies.length, 7, stdout);
    const byId = new Map(replies.filter((r) => r.id != null).map((r) => [r.id, r]));
    assert.ok(Array.isArray(byId.get("a")?.tool_calls) && byId.get("a")!.tool_calls!.length > 0);
    assert.ok(Array.isArray(byId.get(8)?.tool_calls));
    assert.is(byId.get("b")?.error?.code, "bad_request");
    assert.match(byId.get("b")!.error!.message, /messages/);
    assert.match(byId.get(7)!.error!.message, /missing/);
    assert.is(byId.get("c")?.error?.code, "tool_schema");
    const anonymous = replies.filter((r) => r.id == null).map((r) => r.error?.code).sort();
    assert.equal(anonymous, ["bad_json", "bad_utf8"]);
});

t("call without a model file explains how to get one", async () => {
    const {code, stderr} = await runCli(["call", "--model", "/nonexistent/model.gguf", "--tools", "/dev/null", "--query", "x"], "");
    assert.is.not(code, 0);
    assert.match(stderr, /tools file|does not exist/);
});

t.run();
