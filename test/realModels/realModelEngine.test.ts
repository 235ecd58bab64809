/**
 * The engine on real pretrained models from the catalog (SmolLM2-135M-Instruct, Gemma 3 270M
 * base): chat format detection, forced calls to every function doc of a BFCL category validated
 * by ajv, adaptive refinement as a continuation of one sequence, and the repeated-call stop that
 * SmolLM2 needs (without it, it writes the same call eight times).
 */
import {readFileSync} from "node:fs";
import path from "node:path";
import {Ajv} from "ajv";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolCallEngine, type TurnObservation} from "../../src/engine/ToolCallEngine.js";
import {REFINEMENT_INSTRUCTION, refinementTurn} from "../../src/protocol/refinementProtocol.js";
import type {ChatMessage} from "../../src/protocol/ChatMessage.js";
import {renderPrompt} from "../../src/protocol/renderPrompt.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {realModel, withRealModel} from "../helpers/realModels.js";
import {sharedPath} from "../helpers/sharedData.js";

const t = suite("real models: engine");
const smollm2 = await realModel("smollm2-135m-instruct");
const gemma = await realModel("gemma-3-270m");
const withSmol = withRealModel(t, smollm2, "smollm2-135m-instruct");
const withGemma = withRealModel(t, gemma, "gemma-3-270m");
const bfcl = sharedPath(path.join("data", "bfcl"), "real models: engine");
const withSmolAndBfcl = withRealModel(t, smollm2 != null && bfcl != null ? smollm2 : undefined, "smollm2-135m-instruct and the shared BFCL data");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});

const weatherTools = JSON.parse(readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../examples/weather-tools.json"), "utf8")) as unknown[];
const weather = {messages: [{role: "user", content: "What's the weather in Paris in celsius?"}], tools: weatherTools, tool_choice: "required"};

withSmol("SmolLM2: its ChatML template is detected, with <|im_end|> ending the assistant turn", async () => {
    const engine = await ToolCallEngine.load({model: smollm2!, llama, contextSize: 2048});
    try {
        assert.is(engine.format.name, "chatml");
        assert.is(engine.format.assistantEnd, "<|im_end|>");
        assert.match(engine.formatReason, /ChatML/);
        const end = engine.model.tokenize("<|im_end|>", true);
        assert.is(end.length, 1, "<|im_end|> is one special token");
        assert.ok(engine.model.isEogToken(end[0]!), "and it ends generation");
    } finally {
        await engine.dispose();
    }
});

withGemma("Gemma 3 270M (base, no chat template): Gemma's turns (llama.cpp's Gemma template) with Hermes calls, ending at <end_of_turn>", async () => {
    const engine = await ToolCallEngine.load({model: gemma!, llama, contextSize: 2048});
    try {
        assert.is(engine.formatName, "template:hermes-fallback");
        assert.match(engine.template!.template.name, "google-gemma-2-2b-it.jinja");
        assert.is(engine.template!.end.startsWith("<end_of_turn>"), true);
        const prompt = engine.renderPromptText(weather.messages as ChatMessage[], normalizeTools(weatherTools));
        assert.ok(prompt.text.startsWith("<bos><start_of_turn>user\n# Tools"), prompt.text.slice(0, 60));
        assert.ok(prompt.text.endsWith("What's the weather in Paris in celsius?<end_of_turn>\n<start_of_turn>model\n"));
        assert.is(engine.model.detokenize([prompt.tokens[0]!], true), "<bos>", "one BOS: the template's, not two");
        assert.is(prompt.tokens.filter((token) => token === prompt.tokens[0]).length, 1);
        const turns: TurnObservation[] = [];
        const observed = await ToolCallEngine.load({model: gemma!, llama, contextSize: 2048, onTurn: (turn) => turns.push(turn)});
        try {
            const result = await observed.call({...weather, refine: "1", max_tokens: 160});
            assert.ok(result.tool_calls.length >= 1, "a required call is made");
            for (const call of result.tool_calls) assert.ok(["get_weather", "get_time"].includes(call.function.name));
            // The refinement round continues the context: it evaluates its own turn (the refinement request), not the prompt again.
            const turn = engine.model.tokenize(`\n<start_of_turn>user\n${REFINEMENT_INSTRUCTION}<end_of_turn>\n<start_of_turn>model\n`, true).length;
            assert.ok(result.rounds[1]!.inputTokens <= turn + 1, `round 1 evaluated ${result.rounds[1]!.inputTokens} tokens; its turn has ${turn}`);
        } finally {
            await observed.dispose();
        }
    } finally {
        await engine.dispose();
    }
});

withSmol("SmolLM2: the weather request gets one call, not the same call repeated up to the limit, and refinement continues one sequence", async () => {
    const turns: TurnObservation[] = [];
    const engine = await ToolCallEngine.load({model: smollm2!, llama, contextSize: 2048, onTurn: (turn) => turns.push(turn)});
    try {
        const result = await engine.call({...weather, refine: "adaptive", max_rounds: 3});
        assert.is(result.rounds[0]!.tool_calls.length, 1, JSON.stringify(result.rounds[0]!.tool_calls));
        assert.is(result.tool_calls[0]!.function.name, "get_weather");
        assert.equal(JSON.parse(result.tool_calls[0]!.function.arguments).city, "Paris");
        assert.ok(turns[0]!.repeatsCut === 1, "round 0 wrote the call again and was cut there");
        assert.ok(result.rounds.length >= 2, "at least one refinement round ran");
        const refinementTokens = engine.tokenize(refinementTurn(engine.format), false).length;
        for (const round of result.rounds.slice(1)) {
            // The round evaluates the refinement turn, and the previous round's end-of-turn token unless the cache holds it
            // already: nothing of the prompt or of earlier rounds. (node-llama-cpp's meter counts the last evaluated
            // position, whose logits give the first token, as an output position.)
            assert.ok(round.inputTokens === refinementTokens - 1 || round.inputTokens === refinementTokens,
                `round ${round.round} evaluated ${round.inputTokens} tokens; the refinement turn has ${refinementTokens}`);
        }
        const promptTokens = engine.tokenize(renderPrompt(engine.format, weather.messages as ChatMessage[], normalizeTools(weatherTools)), true).length;
        assert.is(result.rounds[0]!.inputTokens, promptTokens - 1, "round 0 evaluated the whole prompt on a fresh sequence");
    } finally {
        await engine.dispose();
    }
});

withSmolAndBfcl("SmolLM2: a forced call to every function doc of BFCL live_parallel validates against its schema (ajv)", async () => {
    const entries = readFileSync(path.join(bfcl!, "BFCL_v4_live_parallel.json"), "utf8").trim().split("\n")
        .map((line) => JSON.parse(line) as {id: string, question: {role: string, content: string}[][], function: Record<string, unknown>[]});
    const seen = new Set<string>();
    // A 135M model can loop inside a string value until max_tokens: strings are capped at 96 characters.
    const engine = await ToolCallEngine.load({model: smollm2!, llama, contextSize: 4096, grammar: {maxStringLength: 96, maxArrayItems: 6}});
    const ajv = new Ajv({strict: false, validateFormats: false});
    let calls = 0;
    try {
        for (const entry of entries) {
            for (const doc of entry.function) {
                const key = JSON.stringify(doc);
                if (seen.has(key)) continue;
                seen.add(key);
                const [tool] = normalizeTools([doc]);
                const result = await engine.call({messages: entry.question[0]!, tools: [doc], tool_choice: {type: "function", function: {name: tool!.name}},
                    parallel_tool_calls: false, refine: "off", max_tokens: 1024});
                assert.is(result.tool_calls.length, 1, entry.id);
                const validate = ajv.compile(tool!.parameters);
                const call = result.tool_calls[0]!;
                assert.is(call.function.name, tool!.name);
                assert.ok(validate(JSON.parse(call.function.arguments)), `${entry.id} ${tool!.name}: ${call.function.arguments}: ${ajv.errorsText(validate.errors)}`);
                calls++;
            }
        }
    } finally {
        await engine.dispose();
    }
    assert.ok(calls >= 15, `${calls} docs`);
    console.log(`  ${calls} forced calls to BFCL live_parallel docs validated`);
});

t.run();
