import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseAssistantOutput, renderAssistantOutput, OutputParseError, type AssistantOutput} from "../../src/protocol/AssistantOutput.js";
import {chatmlFormat} from "../../src/protocol/formats/chatmlFormat.js";
import {llama3Format} from "../../src/protocol/formats/llama3Format.js";
import {genericFormat} from "../../src/protocol/formats/genericFormat.js";

const t = suite("AssistantOutput");
const formats = [chatmlFormat, llama3Format, genericFormat("</s>")];

t("render then parse returns the same calls, arguments text kept byte for byte", () => {
    const output: AssistantOutput = {kind: "calls", calls: [
        {name: "get_weather", argumentsText: "{\"city\":\"Paris, FR\",\"days\":3.0}"},
        {name: "math.factorial", argumentsText: "{\"n\":5,\"note\":\"a } brace and \\\" quote\"}"}
    ]};
    for (const format of formats) {
        const text = renderAssistantOutput(format, output);
        assert.equal(parseAssistantOutput(format, text), output, format.name);
    }
});

t("chatml layout is the Hermes envelope", () => {
    const text = renderAssistantOutput(chatmlFormat, {kind: "calls", calls: [{name: "f", argumentsText: "{}"}, {name: "g", argumentsText: "{\"a\":1}"}]});
    assert.is(text, "<tool_call>\n{\"name\": \"f\", \"arguments\": {}}\n</tool_call>\n<tool_call>\n{\"name\": \"g\", \"arguments\": {\"a\":1}}\n</tool_call>");
    assert.is(renderAssistantOutput(llama3Format, {kind: "calls", calls: [{name: "f", argumentsText: "{}"}]}), "{\"name\": \"f\", \"parameters\": {}}");
});

t("text answers stay text", () => {
    assert.equal(parseAssistantOutput(chatmlFormat, "No tool fits this request. \n"), {kind: "text", text: "No tool fits this request."});
    assert.equal(parseAssistantOutput(llama3Format, "Sure <tool_call>"), {kind: "text", text: "Sure <tool_call>"});
});

t("malformed calls raise OutputParseError with the position", () => {
    const cases = [
        "<tool_call>\n{\"name\": \"f\", \"arguments\": {}",
        "<tool_call>\n{\"name\": \"f\", \"arguments\": {}}\n</tool_call> trailing",
        "<tool_call>\n{\"arguments\": {}}\n</tool_call>",
        "<tool_call>\n{\"name\": \"f\", \"arguments\": [1]}\n</tool_call>"
    ];
    for (const text of cases) {
        try {
            parseAssistantOutput(chatmlFormat, text);
            assert.unreachable(`should fail: ${text}`);
        } catch (err) {
            assert.instance(err, OutputParseError, text);
            assert.type((err as OutputParseError).context.position, "number");
        }
    }
});

t.run();
