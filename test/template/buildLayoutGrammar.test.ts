import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ChatTemplate} from "../../src/template/ChatTemplate.js";
import {readBundledTemplate} from "../../src/template/bundledTemplates.js";
import {inferCallLayout} from "../../src/template/inferCallLayout.js";
import {buildLayoutGrammar} from "../../src/template/buildLayoutGrammar.js";
import {renderLayoutCalls, type CallLayout} from "../../src/template/CallLayout.js";
import {HERMES_LAYOUT} from "../../src/template/hermesLayout.js";
import {templateTools} from "../helpers/templateConversations.js";
import {compileGrammar, grammarAccepts} from "../tools/llamaGrammar.js";

const t = suite("buildLayoutGrammar");

function layoutOf(file: string): CallLayout {
    const result = inferCallLayout(new ChatTemplate(readBundledTemplate(file).source, file, "<s>", "</s>"));
    if (!result.ok) throw new Error(`${file}: ${result.reason}`);
    return result.inferred.layout;
}

const args = (layout: CallLayout, city: string): string => layout.argsStyle === "spaced" ? `{"city": "${city}"}` : `{"city":"${city}"}`;

for (const file of ["Qwen-Qwen2.5-7B-Instruct.jinja", "meta-llama-Llama-3.1-8B-Instruct.jinja", "mistralai-Mistral-Nemo-Instruct-2407.jinja",
    "Mistral-Small-3.2-24B-Instruct-2506.jinja", "CohereForAI-c4ai-command-r7b-12-2024-tool_use.jinja", "moonshotai-Kimi-K2.jinja",
    "deepseek-ai-DeepSeek-V3.1.jinja", "openai-gpt-oss-120b.jinja", "Qwen3-Coder.jinja", "MiniMax-M2.jinja", "GLM-4.6.jinja", "Apertus-8B-Instruct.jinja", "google-gemma-4-31B-it.jinja", "LFM2.5-8B-A1B.jinja"]) {
    t(`${file}: the grammar takes the template's own call syntax, ids and positions included, and nothing else`, async () => {
        const layout = layoutOf(file);
        const grammar = await compileGrammar(buildLayoutGrammar(layout, templateTools, "auto", {maxParallelCalls: 3}));
        const one = renderLayoutCalls(layout, [{name: "get_weather", argumentsText: args(layout, "Paris"), id: "Ab3dE6gH9"}]);
        assert.ok(grammarAccepts(grammar, one), one);
        if (layout.maxCalls > 1) {
            const three = renderLayoutCalls(layout, ["Paris", "Rome", "Oslo"].map((city, i) => ({name: "get_weather", argumentsText: args(layout, city), id: `Ab3dE6gH${i}`})));
            assert.ok(grammarAccepts(grammar, three), three);
            const four = renderLayoutCalls(layout, ["Paris", "Rome", "Oslo", "Bern"].map((city, i) => ({name: "get_weather", argumentsText: args(layout, city), id: `Ab3dE6gH${i}`})));
            assert.not.ok(grammarAccepts(grammar, four), "more calls than maxParallelCalls");
        }
        assert.not.ok(grammarAccepts(grammar, one.replace("get_weather", "get_weathers")), "unknown tool");
        assert.not.ok(grammarAccepts(grammar, renderLayoutCalls(layout, [{name: "get_weather", argumentsText: "{}", id: "Ab3dE6gH9"}])), "missing required argument");
        assert.ok(grammarAccepts(grammar, layout.textOpen + "It is sunny."), "auto allows a text answer");
        const required = await compileGrammar(buildLayoutGrammar(layout, templateTools, {type: "function", function: {name: "convert_currency"}}, {maxParallelCalls: 1}));
        assert.not.ok(grammarAccepts(required, one), "named tool_choice refuses other tools");
        assert.not.ok(grammarAccepts(required, layout.textOpen + "It is sunny."), "named tool_choice refuses text");
    });
}

t("Hermes calls in a template's turns: compact arguments, as the ChatML format writes them", async () => {
    const grammar = await compileGrammar(buildLayoutGrammar(HERMES_LAYOUT, templateTools, "required", {maxParallelCalls: 2}));
    assert.ok(grammarAccepts(grammar, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\":\"Paris\"}}\n</tool_call>"));
    assert.not.ok(grammarAccepts(grammar, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>"));
});

t.run();
