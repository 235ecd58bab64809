import {suite} from "uvu";
import * as assert from "uvu/assert";
import {normalizeParametersSchema, normalizeSchema} from "../../src/tools/normalizeSchema.js";

const t = suite("normalizeSchema");

t("normalises a standalone schema with $refs resolved inside its own root", () => {
    const raw = {type: "array", items: {$ref: "#/$defs/n"}, $defs: {n: {type: ["integer", "null"], maximum: 3}}};
    const source = {tool: "answer", dialect: "json-schema", root: raw, rootPath: "$.schema"} as const;
    assert.equal(normalizeSchema(raw, "$.schema", source), {type: "array", items: {anyOf: [{type: "integer", maximum: 3}, {type: "null"}]}});
    assert.equal(normalizeSchema({type: "string", pattern: "(?=x)", "x-vendor": 1}, "$.schema", source), {type: "string"});
    assert.throws(() => normalizeSchema({type: "string", minLength: 3, maxLength: 2}, "$.schema", source),
        (error: Error) => error.message === `tool "answer": "minLength" is greater than "maxLength" at $.schema`);
});

t("parameters must normalise to an object", () => {
    const source = (root: unknown) => ({tool: "f", dialect: "bfcl", root, rootPath: "$.parameters"} as const);
    assert.equal(normalizeParametersSchema({type: "dict", properties: {a: {}}}, source({})),
        {type: "object", properties: {a: {type: "string"}}, required: [], additionalProperties: false});
    assert.throws(() => normalizeParametersSchema({type: "list"}, source({})), /parameters must be an object schema at \$\.parameters/);
    assert.throws(() => normalizeParametersSchema({type: "any"}, source({})), /parameters must be an object schema/);
});

t.run();
