import {suite} from "uvu";
import * as assert from "uvu/assert";
import {TextAnswerStream} from "../../src/engine/TextAnswerStream.js";

const t = suite("TextAnswerStream");

/** Feeds the turn's text as it grows by `pieces`; a piece starting with "=" replaces the whole text (a broken character resolved). */
function follow(pieces: string[], options: {stop?: string[], textOpen?: string, callPrefix?: string} = {}) {
    const deltas: string[] = [];
    const prefix = options.callPrefix ?? "<tool_call>";
    const stream = new TextAnswerStream({
        stop: options.stop ?? [], textOpen: options.textOpen ?? "",
        opensCall: (text) => text.length > 0 && (text.startsWith(prefix) || prefix.startsWith(text)),
        onText: (delta) => deltas.push(delta)
    });
    let written = "";
    let stopped = false;
    for (const piece of pieces) {
        written = piece.startsWith("=") ? piece.slice(1) : written + piece;
        if (stream.push(written)) {
            stopped = true;
            break;
        }
    }
    return {deltas, stopped, final: (answer: string) => stream.finish(answer), written};
}

t("streams a text answer in pieces, holding back trailing whitespace and broken characters", () => {
    const run = follow(["Hel", "lo ", "wor", "ld\uFFFD", "=Hello world\u00e9!", " "]);
    assert.equal(run.deltas, ["Hel", "lo", " wor", "ld", "\u00e9!"]);
    assert.is(run.final("Hello world\u00e9!"), "Hello world\u00e9!");
    assert.equal(run.deltas.join(""), "Hello world\u00e9!");
});

t("holds everything while the text may still open a call; streams nothing of a call", () => {
    const call = follow(["<to", "ol_call>", "{\"name\""]);
    assert.equal(call.deltas, []);
    const text = follow(["<", "b>bold"]);
    assert.equal(text.deltas, ["<b>bold"]);
});

t("cuts at the first stop sequence, never streaming part of it", () => {
    const run = follow(["The answer", " is 4", "2.\nQ", ": next"], {stop: ["\nQ:", "END"]});
    assert.ok(run.stopped);
    assert.is(run.deltas.join(""), "The answer is 42.");
    assert.is(run.final("The answer is 42.\nQ: next"), "The answer is 42.");
    assert.is(run.deltas.join(""), "The answer is 42.");
    const split = follow(["abc E", "N", "D tail"], {stop: ["END"]});
    assert.ok(split.stopped);
    assert.is(split.deltas.join(""), "abc ");
});

t("skips a template's text-turn opening", () => {
    const run = follow(["<th", "ink></think>", "Sun", "ny"], {textOpen: "<think></think>"});
    assert.equal(run.deltas, ["Sun", "ny"]);
});

t.run();
