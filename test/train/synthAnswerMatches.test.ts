import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {ToolCall} from "../../src/protocol/ChatMessage.js";
import type {SynthItem} from "../../src/synth/SynthItem.js";
import {synthAnswerMatches} from "../../src/train/synthAnswerMatches.js";

const t = suite("synthAnswerMatches");

const item = (answer: SynthItem["answer"]) => ({id: "x", split: "test", kind: "parallel_multi", tools: [], messages: [], answer, ground_truth: []}) as unknown as SynthItem;
const call = (name: string, args: string): ToolCall => ({id: "c", type: "function", function: {name, arguments: args}});
const expected = item({calls: [{name: "a", arguments: {x: 5, y: "Oslo"}}, {name: "b", arguments: {list: [1, 2]}}]});

t("the same calls in any order, argument order and number spelling match", () => {
    assert.ok(synthAnswerMatches(expected, [call("b", "{\"list\": [1, 2.0]}"), call("a", "{\"y\": \"Oslo\", \"x\": 5.0}")], null));
});

t("a wrong value, a missing or extra call, or text instead of calls does not match", () => {
    assert.not.ok(synthAnswerMatches(expected, [call("a", "{\"x\": 5, \"y\": \"oslo\"}"), call("b", "{\"list\": [1, 2]}")], null));
    assert.not.ok(synthAnswerMatches(expected, [call("a", "{\"x\": 5, \"y\": \"Oslo\"}")], null));
    assert.not.ok(synthAnswerMatches(expected, [call("a", "{\"x\": 5, \"y\": \"Oslo\"}"), call("b", "{\"list\": [1, 2]}"), call("b", "{\"list\": [1, 2]}")], null));
    assert.not.ok(synthAnswerMatches(expected, [], "Sorry."));
});

t("any text answers an item whose answer is text; a call does not", () => {
    const irrelevant = item({text: "None of the tools can do that."});
    assert.ok(synthAnswerMatches(irrelevant, [], "I can't help with that."));
    assert.not.ok(synthAnswerMatches(irrelevant, [call("a", "{}")], null));
});

t.run();
