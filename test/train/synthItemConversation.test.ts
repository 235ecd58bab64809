import {suite} from "uvu";
import * as assert from "uvu/assert";
import {chatmlFormat} from "../../src/protocol/formats/chatmlFormat.js";
import type {SynthItem} from "../../src/synth/SynthItem.js";
import {parseTrainingConversation} from "../../src/train/parseTrainingConversation.js";
import {synthItemConversation} from "../../src/train/synthItemConversation.js";

const t = suite("synthItemConversation");

const tool = {type: "function" as const, function: {name: "get_weather", description: "Weather.", parameters: {
    type: "object", properties: {city: {type: "string"}, days: {type: "integer"}}, required: ["city"], additionalProperties: false
}}};
const base = {id: "x", split: "train", kind: "single", tools: [tool], messages: [{role: "user", content: "Weather in Oslo for 3 days?"}], ground_truth: []} as unknown as SynthItem;

t("calls become the assistant's tool_calls with JSON arguments, accepted by the training parser", () => {
    const item = {...base, answer: {calls: [{name: "get_weather", arguments: {city: "Oslo", days: 3}}]}} as SynthItem;
    const conversation = synthItemConversation(item);
    assert.equal(conversation.messages.at(-1), {role: "assistant", content: null, tool_calls: [
        {id: "call_0", type: "function", function: {name: "get_weather", arguments: "{\"city\":\"Oslo\",\"days\":3}"}}
    ]});
    const parsed = parseTrainingConversation(conversation, chatmlFormat, "last");
    assert.is(parsed.messages.length, 2);
    assert.is(parsed.tools[0]?.name, "get_weather");
});

t("a text answer becomes assistant content", () => {
    const item = {...base, kind: "irrelevant", answer: {text: "I cannot do that with these tools."}} as SynthItem;
    assert.equal(synthItemConversation(item).messages.at(-1), {role: "assistant", content: "I cannot do that with these tools."});
    assert.is(parseTrainingConversation(synthItemConversation(item), chatmlFormat, "last").messages.length, 2);
});

t.run();
