import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseExportConversation} from "../../src/export/readExportConversations.js";
import {toOpenAIExample, toOpenAIJsonl} from "../../src/export/toOpenAIJsonl.js";
import {REFINEMENT_INSTRUCTION} from "../../src/protocol/refinementProtocol.js";

const t = suite("toOpenAIJsonl");
const tools = [{type: "function", function: {name: "get_weather", description: "Weather", parameters: {type: "object", properties: {city: {type: "string"}, unit: {type: "string"}}, required: ["city"]}}}];
const call = (args: string, id = "") => ({id, type: "function", function: {name: "get_weather", arguments: args}});
const refinement = parseExportConversation({tools, messages: [
    {role: "system", content: "Use tools."},
    {role: "user", content: "Weather in Oslo in celsius?"},
    {role: "assistant", content: null, tool_calls: [call("{\"unit\": \"kelvin\", \"city\": \"Oslo\"}")]},
    {role: "user", content: REFINEMENT_INSTRUCTION},
    {role: "assistant", content: null, tool_calls: [call("{\"unit\":\"celsius\",\"city\":\"Oslo\"}", "keep")]}
]});

t("messages as the Chat Completions API takes them; only the last assistant turn is trained", () => {
    const example = toOpenAIExample(refinement);
    assert.equal(example.messages.map((message) => message.role), ["system", "user", "assistant", "user", "assistant"]);
    const previous = example.messages[2]!;
    const target = example.messages[4]!;
    assert.equal(previous, {role: "assistant", content: null, tool_calls: [{id: "call_2_0", type: "function", function: {name: "get_weather", arguments: "{\"city\":\"Oslo\",\"unit\":\"kelvin\"}"}}], weight: 0},
        "an id where there was none, arguments in schema order, weight 0");
    assert.equal(target, {role: "assistant", content: null, tool_calls: [{id: "keep", type: "function", function: {name: "get_weather", arguments: "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"}}]});
    assert.equal(example.tools[0]!.type, "function");
    assert.is(example.tools[0]!.function.name, "get_weather");
    assert.not.ok("weight" in toOpenAIExample(refinement, {lossOnLast: false}).messages[2]!, "lossOnLast false trains every turn");
});

t("tool results get the id of the call they answer; one JSON object per line", () => {
    const conversation = parseExportConversation({tools, messages: [
        {role: "user", content: "Weather in Oslo?"},
        {role: "assistant", content: null, tool_calls: [call("{\"city\":\"Oslo\"}")]},
        {role: "tool", content: "5 C"},
        {role: "assistant", content: "It is 5 degrees."}
    ]});
    const example = toOpenAIExample(conversation);
    assert.equal(example.messages[2], {role: "tool", content: "5 C", tool_call_id: "call_1_0"});
    assert.equal(example.messages[3], {role: "assistant", content: "It is 5 degrees."});
    const jsonl = toOpenAIJsonl([refinement, conversation]);
    const lines = jsonl.trimEnd().split("\n");
    assert.is(lines.length, 2);
    assert.equal(Object.keys(JSON.parse(lines[0]!) as object).sort(), ["messages", "tools"]);
});

t.run();
