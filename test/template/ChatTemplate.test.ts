import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ChatTemplate} from "../../src/template/ChatTemplate.js";
import {listBundledTemplates, readBundledTemplate} from "../../src/template/bundledTemplates.js";
import {TemplateError} from "../../src/template/TemplateError.js";
import {strftime} from "../../src/template/strftime.js";
import {matchesPythonJinja} from "../helpers/pythonJinja.js";

const t = suite("ChatTemplate");

const NOW = new Date("2026-03-05T10:07:09");

/**
 * Templates @huggingface/jinja does not render as Python's Jinja does, with the reason (measured;
 * the engine reports such a template's error and falls back to a built-in format).
 */
const KNOWN_DIVERGENCES: Record<string, string> = {
    "Apriel-1.6-15b-Thinker-fixed.jinja": "`|string` of a dict (Python's repr) is not supported",
    "unsloth-Apriel-1.5.jinja": "`|string` of a dict (Python's repr) is not supported",
    "ByteDance-Seed-OSS.jinja": "dict literals with integer keys are not supported",
    "llama-cpp-deepseek-r1.jinja": "Python cannot serialise a generator that JavaScript renders",
    "meetkai-functionary-medium-v3.1.jinja": "Python's Jinja escapes tojson output inside `|e`-style filters differently; selectattr on none",
    "meetkai-functionary-medium-v3.2.jinja": "tuple unpacking in a for loop is not supported",
    "openbmb-MiniCPM5-1B.jinja": "the `min` filter is not supported",
    "tencent-Hy3.jinja": "calls a method @huggingface/jinja lacks"
};

t("renders every bundled llama.cpp template as Python's Jinja (transformers' setup) does, for six conversations", () => {
    const files = listBundledTemplates();
    assert.ok(files.length >= 60, `expected llama.cpp's bundled templates, found ${files.length}`);
    let matching = 0;
    const diverging: string[] = [];
    for (const file of files) {
        const template = new ChatTemplate(readBundledTemplate(file).source, file, "<s>", "</s>");
        const same = matchesPythonJinja(template);
        if (same) matching++;
        else diverging.push(file);
    }
    console.log(`    ${matching} of ${files.length} bundled templates render exactly as Python's Jinja does on every conversation`);
    // Exactly the known ones: a new divergence fails, and so does one that went away (the list is then out of date).
    assert.equal(diverging, Object.keys(KNOWN_DIVERGENCES).sort());
});

t("a template that does not parse, raises, loops or writes too much is a TemplateError naming the problem", () => {
    const render = (source: string, limits = {}): unknown => new ChatTemplate(source, "bad.jinja", "", "").renderContext({messages: []}, {limits});
    const expectError = (source: string, code: string, pattern: RegExp, limits = {}): void => {
        try {
            render(source, limits);
            assert.unreachable(`should fail: ${source}`);
        } catch (error) {
            assert.instance(error, TemplateError);
            assert.is((error as TemplateError).code, code);
            assert.match((error as Error).message, /chat template bad\.jinja/);
            assert.match((error as Error).message, pattern);
        }
    };
    expectError("{% for x in %}", "template_syntax", /./);
    expectError("{{ raise_exception('only user and assistant roles are supported') }}", "template_raise", /only user and assistant roles/);
    expectError("{% for i in range(100000000) %}{{ i }}{% endfor %}", "template_limit", /longer than 300 ms|heap/, {timeMs: 300});
    expectError("{% for i in range(2000) %}{{ 'xxxxxxxxxx' }}{% endfor %}", "template_limit", /over the limit of 1000/, {maxOutputChars: 1000});
    // The sandbox keeps serving after a stopped rendering.
    assert.is(render("{{ 'ok' }}"), "ok");
});

t("a template sees only its variables: no way out to JavaScript's globals", () => {
    const template = new ChatTemplate("{{ messages.constructor }}|{{ process }}|{{ require }}|{{ globalThis }}|{{ messages[0].content.constructor }}", "probe", "", "");
    const text = template.renderContext({messages: [{role: "user", content: "hi"}]});
    assert.not.match(text, /function|native code|\[object/);
});

t("Python's strftime directives, booleans and none (as strings) as Python prints them, lenient string filters on undefined", () => {
    assert.is(strftime(NOW, "%d %b %Y, %A %B %-d %H:%M:%S %p %j %y %%"), "05 Mar 2026, Thursday March 5 10:07:09 AM 064 26 %");
    const template = new ChatTemplate("{{ strftime_now('%Y-%m-%d') }} {{ flag }} {{ flag | string }} {{ nothing | string }} [{{ missing | trim }}]", "t", "", "");
    assert.is(template.renderContext({flag: true, nothing: null}, {now: NOW}), "2026-03-05 True True None []");
});

t("an assistant turn of calls gets an empty content, or null where only null makes the template write the calls", () => {
    const calls = [{id: "a1b2c3d4e", type: "function" as const, function: {name: "get_weather", arguments: "{\"city\": \"Paris\"}"}}];
    const messages = [{role: "user" as const, content: "Weather?"}, {role: "assistant" as const, content: null, tool_calls: calls}];
    const onlyWithNull = new ChatTemplate("{% for m in messages %}{% if m.content is none %}CALL:{{ m.tool_calls[0].function.name }}{% else %}[{{ m.content }}]{% endif %}{% endfor %}", "t", "", "");
    assert.is(onlyWithNull.render(messages, [], {addGenerationPrompt: false}), "[Weather?]CALL:get_weather");
    const either = new ChatTemplate("{% for m in messages %}{{ m.content }}{% if m.tool_calls %}{{ m.tool_calls[0].function.arguments | tojson }}{% endif %}|{% endfor %}", "t", "", "");
    assert.is(either.render(messages, [], {addGenerationPrompt: false}), "Weather?|{\"city\": \"Paris\"}|");
});

t.run();
