import {suite} from "uvu";
import * as assert from "uvu/assert";
import {openAiRequest} from "../../src/serve/openAiRequest.js";
import {OpenAiError} from "../../src/serve/OpenAiError.js";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {ToolSchemaError} from "../../src/tools/ToolSchemaError.js";

const t = suite("openAiRequest");

t("developer messages are system messages; text parts are joined; empty tool_calls are no calls", () => {
    const {callRequest, stream, includeUsage, model} = openAiRequest({
        model: "m",
        messages: [
            {role: "developer", content: "be brief"},
            {role: "user", content: [{type: "text", text: "a"}, {type: "text", text: "b"}]},
            {role: "assistant", content: "", tool_calls: [{id: "c1", type: "function", function: {name: "f", arguments: "{}"}}]},
            {role: "tool", tool_call_id: "c1", content: [{type: "text", text: "42"}]},
            {role: "assistant", content: "done", tool_calls: []},
            {role: "user", content: "again", name: "bob"}
        ],
        stream: true, stream_options: {include_usage: true}, user: "ignored", temperature: 0.2, seed: 7
    }, {refine: "off"});
    assert.is(model, "m");
    assert.ok(stream && includeUsage);
    assert.equal(callRequest, {
        messages: [
            {role: "system", content: "be brief"},
            {role: "user", content: "ab"},
            {role: "assistant", content: null, tool_calls: [{id: "c1", type: "function", function: {name: "f", arguments: "{}"}}]},
            {role: "tool", content: "42", tool_call_id: "c1"},
            {role: "assistant", content: "done"},
            {role: "user", content: "again"}
        ],
        temperature: 0.2, seed: 7, refine: "off"
    });
});

t("refuses what the server cannot honour, naming the field", () => {
    const base = {messages: [{role: "user", content: "x"}]};
    for (const [extra, field] of [
        [{presence_penalty: 1}, "presence_penalty"], [{logprobs: true}, "logprobs"], [{logit_bias: {"1": 5}}, "logit_bias"],
        [{response_format: {type: "json_object"}}, "response_format"], [{functions: []}, "functions"], [{stream_options: {include_usage: true}}, "stream_options"]
    ] as const) {
        try {
            openAiRequest({...base, ...extra});
            assert.unreachable(field);
        } catch (error) {
            assert.instance(error, ToolaceError);
            assert.is((error as ToolaceError).context.field, field);
        }
    }
    assert.not.throws(() => openAiRequest({...base, presence_penalty: 0, logprobs: false, response_format: {type: "text"}, logit_bias: {}}));
});

t("OpenAiError: statuses and params of the engine's errors", () => {
    const cases: [unknown, number, string | null, string | null][] = [
        [new ToolaceError("bad_request", "x", {field: "messages[0].role"}), 400, "messages[0].role", "bad_request"],
        [new ToolSchemaError(1, "$.parameters.properties.a", "bad"), 400, "tools[1].function.parameters.properties.a", "tool_schema"],
        [new ToolaceError("context_overflow", "too long"), 400, "messages", "context_length_exceeded"],
        [new ToolaceError("output_truncated", "cut"), 400, "max_tokens", "output_truncated"],
        [new ToolaceError("template_raise", "roles must alternate"), 400, null, "template_raise"],
        [new ToolaceError("grammar_violation", "bad call"), 500, null, "grammar_violation"],
        [new Error("boom"), 500, null, "internal"]
    ];
    for (const [error, status, param, code] of cases) {
        const mapped = OpenAiError.from(error);
        assert.equal([mapped.status, mapped.body.error.param, mapped.body.error.code], [status, param, code], String(error));
    }
});

t.run();
