import {suite} from "uvu";
import * as assert from "uvu/assert";
import {callSetKey} from "../../src/eval/callSetKey.js";
import {decodeBfclRound} from "../../src/eval/decodeBfclRound.js";
import {pyRepr} from "../../src/eval/pyRepr.js";

const t = suite("decodeBfclRound");
const call = (name: string, args: string) => ({id: "c", type: "function" as const, function: {name, arguments: args}});

t("fc: tool calls become {name, args} with ints and floats kept apart; no tool call is no call", () => {
    const decoded = decodeBfclRound("fc", {tool_calls: [call("math_hypot", "{\"x\": 5, \"y\": 5.0, \"z\": [1, 2.5]}"), call("g", "{}")], content: null});
    assert.equal(decoded.calls!.map((c) => `${c.name}${pyRepr(c.args)}`), ["math_hypot{'x': 5, 'y': 5.0, 'z': [1, 2.5]}", "g{}"]);
    assert.equal(decodeBfclRound("fc", {tool_calls: [], content: "I cannot help."}).calls, []);
});

t("fc: arguments that are not a JSON object make the reply undecodable", () => {
    const bad = decodeBfclRound("fc", {tool_calls: [call("f", "[1]")], content: null});
    assert.is(bad.calls, null);
    assert.match(bad.decodeError!, /not a JSON object/);
    assert.is(decodeBfclRound("fc", {tool_calls: [call("f", "{\"a\": }")], content: null}).calls, null);
});

t("prompt: the text is decoded as Python calls; prose fails, an empty reply is no call", () => {
    const decoded = decodeBfclRound("prompt", {tool_calls: [], content: "[geo.area(r=2.0, unit='m'), f(x=-1)]"});
    assert.equal(decoded.calls!.map((c) => `${c.name}${pyRepr(c.args)}`), ["geo.area{'r': 2.0, 'unit': 'm'}", "f{'x': -1}"]);
    const prose = decodeBfclRound("prompt", {tool_calls: [], content: "Sure! I will call f(x=1) now."});
    assert.is(prose.calls, null);
    assert.type(prose.decodeError, "string");
    assert.equal(decodeBfclRound("prompt", {tool_calls: [], content: ""}).calls, []);
});

t("callSetKey ignores argument and call order, keeps repeats and the int/float difference", () => {
    const a = decodeBfclRound("fc", {tool_calls: [call("f", "{\"a\": 1, \"b\": {\"y\": 2, \"x\": 1}}"), call("g", "{}")], content: null}).calls;
    const b = decodeBfclRound("fc", {tool_calls: [call("g", "{}"), call("f", "{\"b\": {\"x\": 1, \"y\": 2}, \"a\": 1}")], content: null}).calls;
    const c = decodeBfclRound("fc", {tool_calls: [call("g", "{}"), call("f", "{\"b\": {\"x\": 1, \"y\": 2}, \"a\": 1.0}")], content: null}).calls;
    const d = decodeBfclRound("fc", {tool_calls: [call("g", "{}"), call("g", "{}"), call("f", "{\"a\": 1, \"b\": {\"x\": 1, \"y\": 2}}")], content: null}).calls;
    assert.is(callSetKey(a), callSetKey(b));
    assert.is.not(callSetKey(a), callSetKey(c));
    assert.is.not(callSetKey(a), callSetKey(d));
    assert.is(callSetKey([]), "[]");
    assert.is(callSetKey(null), "<undecodable>");
});

t.run();
