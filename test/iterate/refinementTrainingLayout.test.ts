/**
 * A self-refinement training conversation is tokenized exactly as the engine lays out a real
 * refinement round: renderTrainingSample of a conversation (request, round 0's call, the refinement
 * request, round 1's call) has the same parts as the engine's context sequence after answering that
 * request with one refinement round on a generated model: the prompt and the refinement turn token
 * for token, each round's output as the same text (the tokenizer's split of it), each ended by the
 * end-of-turn token at the same place.
 */
import type {LlamaContextSequence, Token} from "node-llama-cpp";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {tokenizeSegments} from "../../src/engine/tokenizeSegments.js";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {parseCallRequest} from "../../src/engine/parseCallRequest.js";
import {REFINEMENT_INSTRUCTION, refinementTurn} from "../../src/protocol/refinementProtocol.js";
import {renderPrompt} from "../../src/protocol/renderPrompt.js";
import {output} from "../../src/protocol/Segment.js";
import {renderAssistantOutput} from "../../src/protocol/AssistantOutput.js";
import {formatArguments} from "../../src/protocol/formatArguments.js";
import {renderTrainingSample} from "../../src/train/renderTrainingSample.js";
import {createTestModel} from "../helpers/testModels.js";
import {synthFixtures} from "./synthFixtures.js";

const t = suite("refinement training layout");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const engines = {
    chatml: await ToolCallEngine.load({model: await createTestModel("chatml-tiny"), llama, threads: 1, contextSize: 2048, maxTokens: 256, grammar: {maxStringLength: 8, maxArrayItems: 2}}),
    llama3: await ToolCallEngine.load({model: await createTestModel("llama3-tiny"), llama, threads: 1, contextSize: 2048, maxTokens: 256, grammar: {maxStringLength: 8, maxArrayItems: 2}})
};
t.after(async () => {
    for (const engine of Object.values(engines)) await engine.dispose();
});

const item = synthFixtures().find((candidate) => candidate.kind === "single" && candidate.tools.length === 1)!;

/** The engine's one context sequence (test-only access: the pool is private). */
function sequenceOf(engine: ToolCallEngine): LlamaContextSequence {
    const pool = (engine as unknown as {pool: {free: LlamaContextSequence[]}}).pool;
    assert.is(pool.free.length, 1);
    return pool.free[0]!;
}

for (const [name, engine] of Object.entries(engines)) {
    t(`${name}: the training tokens of a refinement conversation are the tokens the engine evaluated for round 0 and its refinement round`, async () => {
        const result = await engine.call({messages: item.messages, tools: item.tools, tool_choice: "required", parallel_tool_calls: false, refine: 1, temperature: 1, seed: 4});
        assert.is(result.rounds.length, 2);
        const [round0, round1] = result.rounds;
        const context = [...sequenceOf(engine).contextTokens];
        const conversation = {
            tools: item.tools,
            messages: [...item.messages,
                {role: "assistant", content: null, tool_calls: round0!.tool_calls},
                {role: "user", content: REFINEMENT_INSTRUCTION},
                {role: "assistant", content: null, tool_calls: round1!.tool_calls}]
        };
        const sample = renderTrainingSample(engine.model, engine.format, conversation, {lossOn: "last"});

        // The engine's sequence: prompt, round 0's output and end-of-turn token, the refinement turn, round 1's output
        // (its end-of-turn token is sampled, never evaluated). The sample: the same parts, plus that last token.
        const request = parseCallRequest({messages: item.messages, tools: item.tools});
        const prompt = engine.tokenize(renderPrompt(engine.format, request.messages, request.tools), true).map(Number);
        const turn = engine.tokenize(refinementTurn(engine.format), false).map(Number);
        const eog = sample.tokens[sample.tokens.length - 1]!;
        assert.ok(engine.model.isEogToken(eog as Token));
        const parts = (tokens: readonly number[]): {prompt: number[], out0: number[], turn: number[], out1: number[]} => {
            const end0 = tokens.indexOf(eog, prompt.length);
            assert.ok(end0 > prompt.length, "round 0 ends with the end-of-turn token");
            return {prompt: tokens.slice(0, prompt.length), out0: tokens.slice(prompt.length, end0), turn: tokens.slice(end0 + 1, end0 + 1 + turn.length), out1: tokens.slice(end0 + 1 + turn.length)};
        };
        const trainedParts = parts(sample.tokens.slice(0, -1));
        const engineParts = parts(context);
        // Control and request tokens: identical, token for token.
        assert.equal(trainedParts.prompt, prompt, "the sample starts with the engine's prompt");
        assert.equal(engineParts.prompt, prompt, "the engine evaluated that prompt");
        assert.equal(trainedParts.turn, turn, "the refinement turn follows round 0's end-of-turn token in the sample");
        assert.equal(engineParts.turn, turn, "and in the engine's sequence");
        // Model output: the same text. The sample holds the tokenizer's split of it; a random model under the call
        // grammar may have sampled another split of the same text, which a trained model does not.
        const text = (tokens: readonly number[]): string => engine.model.detokenize(tokens as Token[], true);
        const schema = request.tools[0]!.parameters;
        const written = (round: typeof round0) => renderAssistantOutput(engine.format, {kind: "calls", calls: round!.tool_calls.map((call) => ({
            name: call.function.name, argumentsText: formatArguments(schema, JSON.parse(call.function.arguments))}))});
        assert.is(text(trainedParts.out0), written(round0), "round 0 as the model wrote it");
        assert.is(text(engineParts.out0), written(round0));
        assert.is(text(trainedParts.out1), written(round1), "round 1 as the model wrote it");
        assert.is(text(engineParts.out1), written(round1));
        assert.equal(trainedParts.out0, engine.model.tokenize(written(round0), false).map(Number), "the sample's output is the tokenizer's split");
        const same = trainedParts.out0.length === engineParts.out0.length && trainedParts.out0.every((token, i) => token === engineParts.out0[i]);
        console.log(`  ${name}: prompt ${prompt.length} + round 0 ${engineParts.out0.length} (sampled; tokenizer split ${trainedParts.out0.length}, ${same ? "identical" : "differs"}) + 1 + refinement turn ${turn.length} + round 1 ${engineParts.out1.length} tokens`);

        const trained = sample.trainMask.flatMap((flag, index) => (flag ? [index] : []));
        const start = sample.tokens.length - 1 - trainedParts.out1.length;
        assert.equal(trained, Array.from({length: trainedParts.out1.length + 1}, (_, i) => start + i), "loss on the last round (and its end-of-turn token) only");
    });
}

t("a refinement conversation renders through the refinement protocol to the same tokens as the plain history layout", () => {
    const engine = engines.chatml;
    const call = {id: "c", type: "function", function: {name: item.tools[0]!.function.name, arguments: JSON.stringify((item.answer as {calls: {arguments: unknown}[]}).calls[0]!.arguments)}};
    const messages = [...item.messages, {role: "assistant", content: null, tool_calls: [call]}, {role: "user", content: REFINEMENT_INSTRUCTION}, {role: "assistant", content: null, tool_calls: [call]}];
    const sample = renderTrainingSample(engine.model, engine.format, {messages, tools: item.tools});
    const request = parseCallRequest({messages: [...messages.slice(0, -1)], tools: item.tools});
    const history = renderPrompt(engine.format, request.messages, request.tools);
    const target = renderAssistantOutput(engine.format, {kind: "calls", calls: [{name: call.function.name, argumentsText: formatArguments(request.tools[0]!.parameters, JSON.parse(call.function.arguments))}]});
    const plain = tokenizeSegments(engine.model, [...history, output(target), output(engine.format.assistantEnd, true)], {bos: true});
    assert.equal(sample.tokens, plain.tokens.map(Number));
    assert.equal(sample.trainMask, plain.trainMask, "lossOn all marks both rounds either way");
});

t.run();
