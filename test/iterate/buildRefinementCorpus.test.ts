import {suite} from "uvu";
import * as assert from "uvu/assert";
import {buildRefinementCorpus, type CorpusEntry} from "../../src/iterate/buildRefinementCorpus.js";
import type {SampleRecord} from "../../src/iterate/sampleItems.js";
import {chatmlFormat} from "../../src/protocol/formats/chatmlFormat.js";
import {REFINEMENT_INSTRUCTION} from "../../src/protocol/refinementProtocol.js";
import {parseTrainingConversation} from "../../src/train/parseTrainingConversation.js";
import {synthItemConversation} from "../../src/train/synthItemConversation.js";
import {TrainError} from "../../src/train/TrainError.js";
import {goldAnswer, synthFixtures} from "./synthFixtures.js";

const t = suite("buildRefinementCorpus");
const items = synthFixtures();
const item = items.find((candidate) => candidate.kind === "single" && candidate.tools.length === 1 && "calls" in candidate.answer)!;
const irrelevant = items.find((candidate) => candidate.kind === "irrelevant")!;
const gold = goldAnswer(item);
const goldCall = gold.tool_calls[0]!;

/** A sample answering with `args` for the item's tool (or text), `correct` as told. */
function sample(correct: boolean, args: Record<string, unknown> | string, extra: Partial<SampleRecord> = {}): SampleRecord {
    const calls = typeof args === "string" ? [] : [{id: "call_x", type: "function" as const, function: {name: goldCall.function.name, arguments: JSON.stringify(args)}}];
    return {seed: 1, tool_calls: calls, content: typeof args === "string" ? args : null, correct, callSet: typeof args === "string" ? "[]" : JSON.stringify(args), inputTokens: 1, outputTokens: 1, ms: 1, ...extra};
}
const goldArgs = JSON.parse(goldCall.function.arguments) as Record<string, unknown>;
const wrongA = sample(false, {...goldArgs, extra: "a"});
const wrongB = sample(false, {...goldArgs, extra: "b"});
const right = sample(true, goldArgs);

/** The rounds (assistant messages) of an entry, checking that it starts with its item's messages and that every later round answers a refinement request. */
function rounds(entry: CorpusEntry): unknown[] {
    const context = (entry.item === item.id ? item : irrelevant).messages;
    assert.equal(entry.messages.slice(0, context.length), context, `${entry.id}: starts with the item's messages`);
    const rest = entry.messages.slice(context.length);
    rest.forEach((message, index) => {
        if (index % 2 === 1) assert.equal(message, {role: "user", content: REFINEMENT_INSTRUCTION}, `${entry.id}: a refinement request between rounds`);
        else assert.is(message.role, "assistant");
    });
    return rest.filter((_, index) => index % 2 === 0);
}

t("sft, one fix per distinct wrong call, the stop on the model's own correct call, and the chains", () => {
    const corpus = buildRefinementCorpus(item, [wrongA, right, wrongA, sample(false, "plain text"), wrongB, sample(false, {}, {error: {code: "output_truncated", message: "cut"}}), right]);
    assert.equal(corpus.map((entry) => entry.kind), ["sft", "fix", "fix", "stop", "fix_stop", "fix_fix"]);
    assert.equal(corpus.map((entry) => entry.id), [`${item.id}:sft`, `${item.id}:fix`, `${item.id}:fix:1`, `${item.id}:stop`, `${item.id}:fix_stop`, `${item.id}:fix_fix`]);
    const sft = synthItemConversation(item);
    const expected = sft.messages[sft.messages.length - 1];
    assert.equal(corpus[0]!.messages, sft.messages);
    assert.equal(rounds(corpus[1]!), [{role: "assistant", content: null, tool_calls: wrongA.tool_calls}, expected], "fix: the wrong call → the expected answer");
    assert.equal(rounds(corpus[2]!), [{role: "assistant", content: null, tool_calls: wrongB.tool_calls}, expected]);
    const stop = rounds(corpus[3]!);
    assert.equal(stop, [{role: "assistant", content: null, tool_calls: right.tool_calls}, {role: "assistant", content: null, tool_calls: right.tool_calls}], "stop: the same call again");
    assert.equal(rounds(corpus[4]!), [{role: "assistant", content: null, tool_calls: wrongA.tool_calls}, expected, expected]);
    assert.equal(rounds(corpus[5]!), [{role: "assistant", content: null, tool_calls: wrongA.tool_calls}, {role: "assistant", content: null, tool_calls: wrongB.tool_calls}, expected]);
    for (const entry of corpus) {
        assert.equal(entry.tools, item.tools);
        const parsed = parseTrainingConversation(entry, chatmlFormat, "last");
        assert.is(parsed.messages.length, entry.messages.length, `${entry.id} is a valid training conversation`);
    }
});

t("options: maxFixes, no chains, no refinement corpus; no correct sample → the expected call as the stop", () => {
    assert.equal(buildRefinementCorpus(item, [wrongA, wrongB], {maxFixes: 1}).map((entry) => entry.kind), ["sft", "fix", "stop", "fix_stop", "fix_fix"]);
    assert.equal(buildRefinementCorpus(item, [wrongA, wrongB], {chains: false}).map((entry) => entry.kind), ["sft", "fix", "fix", "stop"]);
    assert.equal(buildRefinementCorpus(item, [wrongA, wrongB, right], {refinement: false}).map((entry) => entry.kind), ["sft"]);
    const stop = buildRefinementCorpus(item, [wrongA]).find((entry) => entry.kind === "stop")!;
    const sft = synthItemConversation(item);
    assert.equal(rounds(stop), [sft.messages[sft.messages.length - 1], sft.messages[sft.messages.length - 1]]);
    assert.equal(buildRefinementCorpus(item, [right, right]).map((entry) => entry.kind), ["sft", "stop"], "an always-solved item teaches the stop");
    assert.throws(() => buildRefinementCorpus(item, [], {maxFixes: -1}), (error: unknown) => error instanceof TrainError && error.context.option === "max-fixes");
});

t("an item whose answer is text: wrong calls are fixed to the text, no stop conversation (refinement never follows a text answer)", () => {
    const call = {id: "c", type: "function" as const, function: {name: irrelevant.tools[0]!.function.name, arguments: "{}"}};
    const wrong: SampleRecord = {seed: 1, tool_calls: [call], content: null, correct: false, callSet: "[call]", inputTokens: 1, outputTokens: 1, ms: 1};
    const corpus = buildRefinementCorpus(irrelevant, [wrong, {...wrong, tool_calls: [], content: "No tool fits.", correct: true, callSet: "[]"}]);
    assert.equal(corpus.map((entry) => entry.kind), ["sft", "fix", "fix_stop"]);
    const fix = corpus[1]!;
    assert.equal(fix.messages[fix.messages.length - 1], {role: "assistant", content: (irrelevant.answer as {text: string}).text});
});

t.run();
