import {suite} from "uvu";
import * as assert from "uvu/assert";
import {REFINEMENT_PROTOCOL_VERSION, REFINEMENT_INSTRUCTION, refinementInstruction, refinementMessages, refinementTurn, renderRefinementChain} from "../../src/protocol/refinementProtocol.js";
import {chatmlFormat} from "../../src/protocol/formats/chatmlFormat.js";
import {mergeSegments} from "../../src/protocol/Segment.js";

const t = suite("refinementProtocol");

t("a refinement turn closes the previous turn, asks to check, opens the next assistant turn", () => {
    const text = refinementTurn(chatmlFormat).map((s) => s.text).join("");
    assert.is(text, `\n<|im_start|>user\n${REFINEMENT_INSTRUCTION}<|im_end|>\n<|im_start|>assistant\n`);
    assert.ok(refinementTurn(chatmlFormat).every((s) => !s.train), "nothing in the refinement turn is model output");
    assert.is(REFINEMENT_PROTOCOL_VERSION, 1);
});

t("validator feedback: the findings follow the instruction, round by round; without findings the turn is the plain one", () => {
    const findings = ["call 1 (book): $.zip: must match pattern \"^[0-9]{5}$\""];
    assert.is(refinementInstruction(findings), `${REFINEMENT_INSTRUCTION} A check against the tool definitions found: ${findings[0]}.`);
    assert.is(refinementInstruction([]), REFINEMENT_INSTRUCTION);
    assert.equal(refinementTurn(chatmlFormat, []), refinementTurn(chatmlFormat));
    assert.match(refinementTurn(chatmlFormat, findings).map((s) => s.text).join(""), /A check against the tool definitions found: call 1 \(book\)/);
    const round = {role: "assistant" as const, content: "x"};
    const chain = refinementMessages([{role: "user", content: "q"}], [round, round], [findings, []]);
    assert.equal(chain.map((message) => message.content), ["q", "x", refinementInstruction(findings), "x", REFINEMENT_INSTRUCTION]);
});

t("a chain interleaves outputs (trained) and refinement turns (not trained)", () => {
    const prompt = [{text: "P", special: false, train: false}];
    const call = {kind: "calls" as const, calls: [{name: "f", argumentsText: "{\"a\":1}"}]};
    const chain = mergeSegments(renderRefinementChain(chatmlFormat, prompt, [call, call]));
    const trained = chain.filter((s) => s.train).map((s) => s.text);
    const callText = "<tool_call>\n{\"name\": \"f\", \"arguments\": {\"a\":1}}\n</tool_call>";
    assert.equal(trained, [callText, "<|im_end|>", callText, "<|im_end|>"]);
    assert.is(chain.map((s) => s.text).join(""), "P" + callText + "<|im_end|>" + refinementTurn(chatmlFormat).map((s) => s.text).join("") + callText + "<|im_end|>");
});

t.run();
