/**
 * renderTrainingSample lays a conversation out exactly as the inference path does: its prompt
 * tokens are ToolCallEngine's prompt for the same messages and tools, the rest is the target as the
 * model writes it plus the end-of-turn token; a model fine-tuned on such a sample answers the
 * conversation with exactly that target through ToolCallEngine.
 */
import {mkdtemp, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseCallRequest} from "../../src/engine/parseCallRequest.js";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {initModel} from "../../src/model/initModel.js";
import {resolveVocab} from "../../src/model/vocabSource.js";
import {renderPrompt} from "../../src/protocol/renderPrompt.js";
import {renderTrainingSample} from "../../src/train/renderTrainingSample.js";
import {train} from "../../src/train/train.js";
import {TrainError} from "../../src/train/TrainError.js";
import {createTestModel, testModelSpec} from "../helpers/testModels.js";

const t = suite("renderTrainingSample");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-render-sample-"));
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const engines = {
    spm: await ToolCallEngine.load({model: await createTestModel("spm-tiny"), llama, contextSize: 1024, threads: 1, grammar: {maxStringLength: 16}}),
    chatml: await ToolCallEngine.load({model: await createTestModel("chatml-tiny"), llama, contextSize: 1024, threads: 1}),
    llama3: await ToolCallEngine.load({model: await createTestModel("llama3-tiny"), llama, contextSize: 1024, threads: 1})
};
t.after(async () => {
    for (const engine of Object.values(engines)) await engine.dispose();
    await rm(dir, {recursive: true, force: true});
});

const tools = [
    {type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {type: "object", properties: {
        city: {type: "string"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}}, required: ["city"]}}},
    {type: "function", function: {name: "get_time", description: "Local time", parameters: {type: "object", properties: {timezone: {type: "string"}}, required: ["timezone"]}}}
];
/** Arguments given out of schema order: the sample must hold them in schema order, as the grammar writes them. */
const weatherCall = {id: "c1", type: "function", function: {name: "get_weather", arguments: JSON.stringify({unit: "celsius", city: "Oslo"})}};
const context = [
    {role: "system", content: "You answer with tools."},
    {role: "user", content: "What is the time in Tokyo?"},
    {role: "assistant", content: null, tool_calls: [{id: "c0", type: "function", function: {name: "get_time", arguments: "{\"timezone\":\"Asia/Tokyo\"}"}}]},
    {role: "tool", content: "{\"time\":\"09:00\"}"},
    {role: "assistant", content: "It is 9 am in Tokyo."},
    {role: "user", content: "And the weather in Oslo?"}
];
const conversation = {messages: [...context, {role: "assistant", content: null, tool_calls: [weatherCall]}], tools};

/** Runs of consecutive true entries of a mask, as [start, end) pairs. */
function runs(mask: readonly boolean[]): [number, number][] {
    const out: [number, number][] = [];
    mask.forEach((flag, i) => {
        if (!flag) return;
        const last = out[out.length - 1];
        if (last !== undefined && last[1] === i) last[1] = i + 1;
        else out.push([i, i + 1]);
    });
    return out;
}

for (const [name, engine] of Object.entries(engines)) {
    t(`${name}: prompt tokens are ToolCallEngine's prompt; then the target in schema order and the end-of-turn token`, () => {
        const request = parseCallRequest({messages: context, tools});
        const prompt = engine.tokenize(renderPrompt(engine.format, request.messages, request.tools), true);
        const last = renderTrainingSample(engine.model, engine.format, conversation, {lossOn: "last"});
        assert.equal(last.tokens.slice(0, prompt.length), prompt.map(Number), "the prompt is what inference evaluates");
        const target = last.tokens.slice(prompt.length);
        assert.ok(engine.model.isEogToken(target[target.length - 1] as never), "the sample ends with the end-of-generation token");
        const text = engine.model.detokenize(target.slice(0, -1) as never, true);
        assert.ok(text.includes(`"${engine.format.argumentsKey}": {"city":"Oslo","unit":"celsius"}`), `schema order: ${text}`);
        assert.equal(runs(last.trainMask), [[prompt.length, last.tokens.length]], "lossOn last: the target only");

        const all = renderTrainingSample(engine.model, engine.format, conversation);
        assert.equal(all.tokens, last.tokens, "lossOn changes the mask, never the tokens");
        const trained = runs(all.trainMask);
        assert.is(trained.length, 3, "two context assistant turns and the target");
        assert.equal(trained[2], [prompt.length, last.tokens.length]);
        for (const [start, end] of trained.slice(0, 2)) {
            assert.ok(engine.model.isEogToken(all.tokens[end - 1] as never), "each trained context turn ends with its end-of-turn token");
            assert.not.ok(all.trainMask[start - 1], "the assistant header is not trained");
        }
        assert.is(engine.model.detokenize(all.tokens.slice(trained[1]![0], trained[1]![1] - 1) as never, true), "It is 9 am in Tokyo.");
    });
}

t("conversations the inference path could not produce are refused, naming the field", () => {
    const {model, format} = engines.chatml;
    const field = (raw: unknown): unknown => {
        try {
            renderTrainingSample(model, format, raw);
        } catch (error) {
            assert.instance(error, TrainError);
            assert.is((error as TrainError).code, "train_invalid_sample");
            return (error as TrainError).context.field;
        }
        assert.unreachable("accepted");
        return undefined;
    };
    const user = {role: "user", content: "hi"};
    assert.is(field({messages: [user], tools}), "messages[0].role", "the last message must be the assistant target");
    assert.is(field({messages: [user, {role: "assistant", content: "hello"}, {role: "assistant", content: "again"}], tools}), "messages[2]");
    assert.is(field({messages: [{role: "user"}, {role: "assistant", content: "x"}], tools}), "messages[0].content");
    assert.is(field({messages: [user, {role: "assistant", content: null, tool_calls: [{function: {name: "nope", arguments: "{}"}}]}], tools}),
        "messages[1].tool_calls[0].function.name");
    assert.is(field({messages: [user, {role: "assistant", content: null, tool_calls: [{function: {name: "get_weather", arguments: "{\"unit\":\"celsius\"}"}}]}], tools}),
        "messages[1].tool_calls[0].function.arguments", "city is required");
    assert.is(field({messages: [user, {role: "assistant", content: "<tool_call> no"}], tools}), "messages[1].content", "text that starts like a call");
    assert.is(field({messages: [user, {role: "assistant", content: ""}], tools}), "messages[1].content");
    assert.is(field({messages: [user, {role: "assistant", content: "ok"}], tools: [{type: "function", function: {name: "x", parameters: {type: "string"}}}]}), "tools");
    // An invalid turn of the context only matters when it is trained.
    const history = [user, {role: "assistant", content: ""}, user, {role: "assistant", content: "fine"}];
    assert.is(field({messages: history, tools}), "messages[1].content");
    assert.ok(renderTrainingSample(model, format, {messages: history, tools}, {lossOn: "last"}).tokens.length > 0);
});

t("a model fine-tuned on a sample answers that conversation with its target through ToolCallEngine", async () => {
    // A ChatML model with its own output weights and a byte-level BPE vocabulary: an SPM vocabulary's space prefix would put a leading space
    // before the tool-call envelope (see tokenizeSegments), which the call grammar never generates.
    const base = path.join(dir, "chatml-untied.gguf");
    await initModel({...testModelSpec("chatml-tiny"), vocab: (await resolveVocab("qwen2")).path, tieEmbeddings: false, out: base});
    const engine = await ToolCallEngine.load({model: base, llama, contextSize: 1024, threads: 1, grammar: {maxStringLength: 16}});
    const shortTools = tools.map((tool) => ({...tool, function: {...tool.function, description: tool.function.name === "get_weather" ? "Weather" : "Time"}}));
    const question = [{role: "user", content: "And the weather in Oslo?"}];
    try {
        const sample = renderTrainingSample(engine.model, engine.format, {messages: [...question, {role: "assistant", content: null, tool_calls: [weatherCall]}], tools: shortTools});
        const out = path.join(dir, "overfit.gguf");
        const contextSize = 256 * Math.ceil((sample.tokens.length - 1) / 256);
        const result = await train({
            model: base, out, samples: [sample], epochs: 40, learningRate: 1e-2, contextSize, batchSize: contextSize, threads: 2,
            validationSplit: 0, seed: 1, checkpointEvery: 0, llama
        });
        assert.ok(result.trainLoss[result.trainLoss.length - 1]! < 0.5, `learned: ${result.trainLoss.map((loss) => loss.toFixed(2)).join(" ")}`);
        const expected = [["get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"]];
        const before = await engine.call({messages: question, tools: shortTools, refine: "off"});
        assert.not.equal(before.tool_calls.map((call) => [call.function.name, call.function.arguments]), expected, "the base model does not answer so");
        const tuned = await ToolCallEngine.load({model: out, llama, contextSize: 1024, threads: 1, grammar: {maxStringLength: 16}});
        try {
            const answer = await tuned.call({messages: question, tools: shortTools, refine: "off"});
            assert.equal(answer.tool_calls.map((call) => [call.function.name, call.function.arguments]), expected);
        } finally {
            await tuned.dispose();
        }
    } finally {
        await engine.dispose();
    }
});

t.run();
