import {suite} from "uvu";
import * as assert from "uvu/assert";
import {answerTokenRoles} from "../../bench/support/answerTokenRoles.js";

const t = suite("answerTokenRoles");

t("names, repeated names, values and structure of a two-call answer", () => {
    const pieces = ["<tool_call>", "\n", "{\"", "name", "\":", " \"", "math", "_", "median", "\",", " \"", "arguments", "\":", " {\"", "numbers", "\":[",
        "7", "1", ".", "8", ",", "2", "]}}", "\n", "</tool_call>", "\n", "<tool_call>", "\n", "{\"", "name", "\":", " \"", "math", "_", "median", "\",",
        " \"", "arguments", "\":", " {\"", "city", "\":\"", "G", "dan", "sk", "\",\"", "ok", "\":", "true", "}}", "\n", "</tool_call>"];
    const roles = answerTokenRoles(pieces);
    assert.is(roles.length, pieces.length);
    const of = (role: string): string[] => pieces.filter((_, i) => roles[i] === role);
    assert.equal(of("name"), ["math", "_", "median"]);
    assert.equal(of("repeatedName"), ["math", "_", "median"]);
    assert.equal(of("value"), ["7", "1", ".", "8", "2", "G", "dan", "sk", "true"]);
    assert.ok(of("structure").includes("numbers") && of("structure").includes("city") && of("structure").includes("\",\""));
});

t("text answers and cut-off calls are structure where nothing is a name or value", () => {
    assert.equal(answerTokenRoles(["I", "'m", " sorry"]), ["structure", "structure", "structure"]);
    assert.equal(answerTokenRoles(["{\"", "name", "\":", " \"", "f", "\",", " \"", "arguments", "\":", " {\"", "q", "\":\"", "ab"]),
        ["structure", "structure", "structure", "structure", "name", "structure", "structure", "structure", "structure", "structure", "structure", "structure", "value"]);
});

t.run();
