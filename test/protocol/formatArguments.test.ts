import {suite} from "uvu";
import * as assert from "uvu/assert";
import {formatArguments} from "../../src/protocol/formatArguments.js";

const t = suite("formatArguments");

t("orders keys by the schema, recursively, compact", () => {
    const schema = {type: "object", properties: {b: {type: "integer"}, a: {type: "object", properties: {y: {}, x: {}}}, list: {type: "array", items: {type: "object", properties: {q: {}, p: {}}}}}};
    const value = {list: [{p: 1, q: 2}], a: {x: 1, y: "s"}, extra: true, b: 2};
    assert.is(formatArguments(schema, value), "{\"b\":2,\"a\":{\"y\":\"s\",\"x\":1},\"list\":[{\"q\":2,\"p\":1}],\"extra\":true}");
});

t("without a schema keeps the given order", () => {
    assert.is(formatArguments(undefined, {z: 1, a: [1, "x", null]}), "{\"z\":1,\"a\":[1,\"x\",null]}");
});

t.run();
