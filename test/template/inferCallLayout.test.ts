import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ChatTemplate} from "../../src/template/ChatTemplate.js";
import {listBundledTemplates, readBundledTemplate} from "../../src/template/bundledTemplates.js";
import {inferCallLayout} from "../../src/template/inferCallLayout.js";
import {layoutFamily} from "../../src/template/layoutFamily.js";
import {renderLayoutCalls} from "../../src/template/CallLayout.js";
import {parseLayoutCalls} from "../../src/template/parseLayoutCalls.js";
import {spacedJson} from "../../src/template/keyedArgs.js";
import {templateTools} from "../helpers/templateConversations.js";
import type {ChatMessage} from "../../src/protocol/ChatMessage.js";

const t = suite("inferCallLayout");

t("arguments written one parameter at a time (Qwen3-Coder): typed by the schema, read back", () => {
    const result = inferCallLayout(new ChatTemplate(readBundledTemplate("Qwen3-Coder.jinja").source, "coder", "<s>", "</s>"));
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.equal(result.inferred.layout.keyed, {open: "<parameter=", mid: ">\n", close: "\n</parameter>\n", separator: "", quote: "", booleans: "python"});
    const text = renderLayoutCalls(result.inferred.layout, [{name: "convert_currency", argumentsText: "{\"amount\": 20.5, \"from\": \"EUR <€>\", \"to\": \"USD\"}"}]);
    assert.is(text, "<tool_call>\n<function=convert_currency>\n<parameter=amount>\n20.5\n</parameter>\n<parameter=from>\nEUR <€>\n</parameter>\n<parameter=to>\nUSD\n</parameter>\n</function>\n</tool_call>");
    assert.equal(parseLayoutCalls(result.inferred.layout, text, templateTools), [{name: "convert_currency", argumentsText: "{\"amount\":20.5,\"from\":\"EUR <€>\",\"to\":\"USD\"}"}]);
});

/** Families the inference must find in llama.cpp's bundled templates (file → family, whether it takes parallel calls). */
const EXPECTED: Record<string, [string, boolean]> = {
    "Qwen-Qwen2.5-7B-Instruct.jinja": ["hermes", true],
    "NousResearch-Hermes-3-Llama-3.1-8B-tool_use.jinja": ["hermes", true],
    "ibm-granite-granite-4.0.jinja": ["hermes", true],
    "meta-llama-Llama-3.1-8B-Instruct.jinja": ["llama3-json", false],
    "meta-llama-Llama-3.3-70B-Instruct.jinja": ["llama3-json", false],
    "mistralai-Mistral-Nemo-Instruct-2407.jinja": ["mistral-nemo", true],
    "Mistral-Small-3.2-24B-Instruct-2506.jinja": ["mistral", true],
    "unsloth-mistral-Devstral-Small-2507.jinja": ["mistral", true],
    "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja": ["deepseek-r1", true],
    "deepseek-ai-DeepSeek-V3.1.jinja": ["deepseek-v3.1", true],
    "CohereForAI-c4ai-command-r7b-12-2024-tool_use.jinja": ["command-r7b", true],
    "moonshotai-Kimi-K2.jinja": ["kimi-k2", true],
    "openai-gpt-oss-120b.jinja": ["gpt-oss", false],
    "meetkai-functionary-medium-v3.1.jinja": ["functionary-v3.1", true],
    "Qwen3-Coder.jinja": ["qwen3-coder", true],
    "MiniMax-M2.jinja": ["minimax-m2", true],
    "NVIDIA-Nemotron-3-Nano-30B-A3B-BF16.jinja": ["qwen3-coder", true],
    "GLM-4.6.jinja": ["glm-4.5", true],
    "Apertus-8B-Instruct.jinja": ["apertus", true],
    "google-gemma-4-31B-it.jinja": ["gemma4", true],
    "LFM2.5-8B-A1B.jinja": ["lfm2", true]
};

const weather = {name: "get_weather", arguments: {city: "Paris", unit: "celsius"}, id: "a1b2c3d4e"};
const currency = {name: "convert_currency", arguments: {amount: 20, from: "EUR", to: "USD"}, id: "f5g6h7i8j"};


function historyWith(calls: readonly (typeof weather | typeof currency)[]): ChatMessage[] {
    return [
        {role: "user", content: "Weather in Paris, and 20 EUR in USD?"},
        {role: "assistant", content: null, tool_calls: calls.map((call) => ({id: call.id, type: "function" as const, function: {name: call.name, arguments: JSON.stringify(call.arguments)}}))}
    ];
}

t("finds each tool-call family in llama.cpp's bundled templates", () => {
    const found: Record<string, [string, boolean]> = {};
    for (const file of Object.keys(EXPECTED)) {
        const result = inferCallLayout(new ChatTemplate(readBundledTemplate(file).source, file, "<s>", "</s>"));
        assert.ok(result.ok, `${file}: ${result.ok ? "" : result.reason}`);
        if (result.ok) found[file] = [layoutFamily(result.inferred.layout), result.inferred.layout.maxCalls > 1];
    }
    assert.equal(found, EXPECTED);
});

t("every inferred layout writes real calls exactly as its template renders them, and reads them back", () => {
    let inferred = 0;
    for (const file of listBundledTemplates()) {
        const template = new ChatTemplate(readBundledTemplate(file).source, file, "<s>", "</s>");
        const result = inferCallLayout(template);
        if (!result.ok) continue;
        inferred++;
        const {layout} = result.inferred;
        const calls = layout.maxCalls > 1 ? [weather, currency] : [weather];
        const written = renderLayoutCalls(layout, calls.map((call) => ({name: call.name, argumentsText: spacedJson(call.arguments), id: call.id})));
        const rendered = template.render(historyWith(calls), templateTools, {addGenerationPrompt: false});
        assert.ok(rendered.includes(written + result.inferred.end.slice(0, 1)), `${file}: the template's rendering does not hold ${JSON.stringify(written)}`);
        const parsed = parseLayoutCalls(layout, written, templateTools);
        assert.equal(parsed.map((call) => call.name), calls.map((call) => call.name), file);
        assert.equal(parsed.map((call) => JSON.parse(call.argumentsText)), calls.map((call) => call.arguments), file);
        const ids = parsed.map((call) => call.id).filter((id) => id !== undefined);
        if (ids.length > 0) assert.equal(ids, calls.map((call) => call.id), `${file}: call ids`);
    }
    console.log(`    ${inferred} of ${listBundledTemplates().length} bundled templates have an inferred call layout`);
    assert.ok(inferred >= Object.keys(EXPECTED).length);
});

t("templates that write no calls, or calls in a way not modelled, are reported, not guessed", () => {
    for (const file of ["LFM2-8B-A1B.jinja", "Kimi-K3.jinja", "google-gemma-2-2b-it.jinja", "microsoft-Phi-3.5-mini-instruct.jinja"]) {
        const result = inferCallLayout(new ChatTemplate(readBundledTemplate(file).source, file, "<s>", "</s>"));
        assert.not.ok(result.ok, file);
        if (!result.ok) assert.ok(result.reason.length > 10);
    }
});

t("Gemma 4's notation: KEY:VALUE pairs joined by commas, text in <|\"|> quotes, keys unquoted", () => {
    const result = inferCallLayout(new ChatTemplate(readBundledTemplate("google-gemma-4-31B-it.jinja").source, "gemma4", "<bos>", "<eos>"));
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.equal(result.inferred.layout.keyed, {open: "", mid: ":", close: "", separator: ",", quote: "<|\"|>", booleans: "json"});
    const call = {name: "convert_currency", argumentsText: "{\"amount\":20.5,\"from\":\"EUR\",\"to\":\"USD\"}"};
    const text = renderLayoutCalls(result.inferred.layout, [call]);
    assert.ok(text.startsWith("<|tool_call>call:convert_currency{amount:20.5,from:<|\"|>EUR<|\"|>,to:<|\"|>USD<|\"|>}<tool_call|>"), text);
    assert.equal(parseLayoutCalls(result.inferred.layout, text, templateTools), [call]);
});

t("Python calls (LFM2.5): KEY=VALUE joined by commas, text in quotes, Python booleans", () => {
    const result = inferCallLayout(new ChatTemplate(readBundledTemplate("LFM2.5-8B-A1B.jinja").source, "lfm", "<s>", "</s>"));
    assert.ok(result.ok);
    if (!result.ok) return;
    const text = renderLayoutCalls(result.inferred.layout, [{name: "get_weather", argumentsText: "{\"city\":\"Paris\",\"unit\":\"celsius\"}"}]);
    assert.is(text, "<|tool_call_start|>[get_weather(city='Paris', unit='celsius')]<|tool_call_end|>");
    assert.equal(parseLayoutCalls(result.inferred.layout, text, templateTools).map((call) => JSON.parse(call.argumentsText)), [{city: "Paris", unit: "celsius"}]);
});

t("a malformed calls turn is an OutputParseError naming the position", () => {
    const result = inferCallLayout(new ChatTemplate(readBundledTemplate("Qwen-Qwen2.5-7B-Instruct.jinja").source, "qwen", "", ""));
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.throws(() => parseLayoutCalls(result.inferred.layout, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Par"), /unterminated/);
    assert.throws(() => parseLayoutCalls(result.inferred.layout, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {}}\n</tool_call> trailing"), /between two calls/);
});

t.run();
