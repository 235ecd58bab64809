import {suite} from "uvu";
import * as assert from "uvu/assert";
import {recoverRequestId} from "../../src/agent/recoverRequestId.js";

const t = suite("recoverRequestId");

t("reads a string or number id at the start of a broken line", () => {
    assert.is(recoverRequestId(`{"id":"r1","messages":[{"role":`), "r1");
    assert.is(recoverRequestId(` { "id" : 42 , "messages": oops`), 42);
    assert.is(recoverRequestId(`{"id":-1.5e3}garbage`), -1500);
    assert.is(recoverRequestId(`{"id":"a\\"b\\u00e9\\n"`), null, "no comma or brace after it: maybe cut inside the id");
    assert.is(recoverRequestId(`{"id":"a\\"b\\u00e9\\n",`), "a\"bé\n");
});

t("null when the id is not first, not a string or number, or not finite", () => {
    for (const line of [`{"messages":[],"id":"late"`, `{"id":{"x":1},`, `{"id":[1],`, `{"id":null,`, `{"id":true,`, `{"id":1e400,`, `{"id":"unterminated`, `["id",1]`, `{"id":01,`, `garbage`, ``])
        assert.is(recoverRequestId(line), null, line);
});

t("looks only at the start of the line", () => {
    assert.is(recoverRequestId(`{"id":"${"x".repeat(2000)}",`), null);
    assert.is(recoverRequestId(`{"id":"ok",${"x".repeat(100_000)}`), "ok");
});

t.run();
