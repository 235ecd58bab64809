/**
 * ShareGPT with tools, as LLaMA-Factory's sharegpt converter reads it: turns alternate
 * human/observation and gpt/function_call, end with the latter, function calls are
 * {"name", "arguments": {...}} (a list for parallel calls), tools a JSON list of function
 * definitions; the same keys and roles as LLaMA-Factory's own Glaive tool-call demo.
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseExportConversation} from "../../src/export/readExportConversations.js";
import {type ShareGptExample, toShareGpt} from "../../src/export/toShareGpt.js";
import {buildRefinementCorpus} from "../../src/iterate/buildRefinementCorpus.js";
import type {SampleRecord} from "../../src/iterate/sampleItems.js";
import {REFINEMENT_INSTRUCTION} from "../../src/protocol/refinementProtocol.js";
import {TrainError} from "../../src/train/TrainError.js";
import {synthFixtures} from "../iterate/synthFixtures.js";
import {llamaFactoryAccepts} from "./llamaFactoryAccepts.js";
import {sharedPath, withShared} from "../helpers/sharedData.js";

const t = suite("toShareGpt");
const items = synthFixtures();

t("a refinement conversation: human, function_call, human (the refinement request), function_call", () => {
    const item = items.find((candidate) => candidate.kind === "single" && candidate.messages[0]?.role === "system" && "calls" in candidate.answer)
        ?? items.find((candidate) => candidate.kind === "single" && "calls" in candidate.answer)!;
    const wrong: SampleRecord = {seed: 1, tool_calls: [{id: "x", type: "function", function: {name: item.tools[0]!.function.name, arguments: "{}"}}], content: null,
        correct: false, callSet: "w", inputTokens: 0, outputTokens: 0, ms: 0};
    const fix = buildRefinementCorpus(item, [wrong], {chains: false}).find((entry) => entry.kind === "fix");
    assert.ok(fix !== undefined);
    const example = toShareGpt(parseExportConversation(fix));
    assert.ok(llamaFactoryAccepts(example));
    assert.equal(example.conversations.map((turn) => turn.from), ["human", "function_call", "human", "function_call"]);
    assert.is(example.conversations[2]!.value, REFINEMENT_INSTRUCTION);
    const target = JSON.parse(example.conversations[3]!.value) as {name: string, arguments: unknown};
    const answer = (item.answer as {calls: {name: string, arguments: unknown}[]}).calls[0]!;
    assert.equal(target, {name: answer.name, arguments: answer.arguments}, "arguments as an object, not a string");
    if (item.messages[0]?.role === "system") assert.is(example.system, item.messages[0].content);
    else assert.not.ok("system" in example);
    const tools = JSON.parse(example.tools) as {name: string, description: string, parameters: unknown}[];
    assert.equal(tools.map((tool) => tool.name), item.tools.map((tool) => tool.function.name));
    assert.equal(Object.keys(tools[0]!).sort(), ["description", "name", "parameters"]);
});

t("parallel calls are a list; a text answer is gpt; tool results are observations", () => {
    const parallel = items.find((item) => item.kind === "parallel_same")!;
    const example = toShareGpt(parseExportConversation(parallel));
    const calls = JSON.parse(example.conversations[example.conversations.length - 1]!.value) as unknown[];
    assert.ok(Array.isArray(calls) && calls.length === (parallel.answer as {calls: unknown[]}).calls.length);
    const irrelevant = items.find((item) => item.kind === "irrelevant")!;
    assert.equal(toShareGpt(parseExportConversation(irrelevant)).conversations.at(-1), {from: "gpt", value: (irrelevant.answer as {text: string}).text});
    const tools = [{type: "function", function: {name: "get_time", description: "Time", parameters: {type: "object", properties: {tz: {type: "string"}}, required: ["tz"]}}}];
    const withResult = toShareGpt(parseExportConversation({tools, messages: [
        {role: "user", content: "Time in Tokyo?"},
        {role: "assistant", content: null, tool_calls: [{id: "1", type: "function", function: {name: "get_time", arguments: "{\"tz\":\"Asia/Tokyo\"}"}}]},
        {role: "tool", content: "09:00"},
        {role: "assistant", content: "It is 9 am."}
    ]}));
    assert.equal(withResult.conversations.map((turn) => turn.from), ["human", "function_call", "observation", "gpt"]);
    assert.ok(llamaFactoryAccepts(withResult));
});

t("a conversation LLaMA-Factory would drop is refused, naming the message", () => {
    const tools = [{type: "function", function: {name: "f", description: "", parameters: {type: "object", properties: {}}}}];
    const twoUsers = parseExportConversation({tools, messages: [{role: "user", content: "a"}, {role: "user", content: "b"}, {role: "assistant", content: "c"}]});
    assert.throws(() => toShareGpt(twoUsers), (error: unknown) => error instanceof TrainError && error.context.field === "messages[1]");
    const lateSystem = parseExportConversation({tools, messages: [{role: "user", content: "a"}, {role: "system", content: "s"}, {role: "user", content: "b"}, {role: "assistant", content: "c"}]});
    assert.throws(() => toShareGpt(lateSystem), /one system prompt/);
});

const demoFile = sharedPath(path.join("data", "train", "llamafactory_glaive_toolcall_en_demo.json"), "toShareGpt (LLaMA-Factory demo)");
withShared(t, demoFile, "LLaMA-Factory's Glaive demo in the shared data")("the same keys and roles as LLaMA-Factory's Glaive tool-call demo", () => {
    const demo = JSON.parse(readFileSync(demoFile!, "utf8")) as ShareGptExample[];
    assert.ok(demo.length > 0, "the demo has examples");
    const demoRoles = new Set(demo.flatMap((example) => example.conversations.map((turn) => turn.from)));
    const demoKeys = new Set(demo.flatMap((example) => Object.keys(example)));
    assert.ok(demo.every(llamaFactoryAccepts), "the checker accepts LLaMA-Factory's own demo");
    for (const item of items.slice(0, 100)) {
        const example = toShareGpt(parseExportConversation(item));
        assert.ok(llamaFactoryAccepts(example), item.id);
        for (const key of Object.keys(example)) assert.ok(demoKeys.has(key) || key === "system", `key ${key}`);
        for (const turn of example.conversations) assert.ok(demoRoles.has(turn.from), `role ${turn.from}`);
        for (const tool of JSON.parse(example.tools) as Record<string, unknown>[]) assert.equal(Object.keys(tool).sort(), ["description", "name", "parameters"]);
    }
    const demoCall = demo.flatMap((example) => example.conversations).find((turn) => turn.from === "function_call")!;
    assert.equal(Object.keys(JSON.parse(demoCall.value) as object).sort(), ["arguments", "name"], "the demo's calls have the same shape");
});

t.run();
