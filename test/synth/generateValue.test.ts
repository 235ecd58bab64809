import {suite} from "uvu";
import * as assert from "uvu/assert";
import {generateValue} from "../../src/synth/generateValue.js";
import {SynthRandom} from "../../src/synth/SynthRandom.js";
import {validateValue} from "../../src/tools/validateValue.js";
import type {JsonSchema} from "../../src/tools/JsonSchema.js";

const t = suite("generateValue");

function many(schema: JsonSchema, context: Parameters<typeof generateValue>[1], n = 300): ReturnType<typeof generateValue>[] {
    const rng = new SynthRandom(11);
    return Array.from({length: n}, () => generateValue(schema, context, rng));
}

t("values satisfy their schema, bounds and enums included", () => {
    const schemas: JsonSchema[] = [
        {type: "integer", minimum: 3, maximum: 7}, {type: "number", minimum: 0, maximum: 1}, {type: "number", exclusiveMinimum: 0, exclusiveMaximum: 2},
        {enum: ["a", "b", 3]}, {type: "array", items: {type: "string"}, minItems: 2, maxItems: 2}, {type: "string", minLength: 30, maxLength: 40},
        {type: "object", properties: {x: {type: "integer"}, y: {type: "boolean"}}, required: ["x"], additionalProperties: false},
        {type: "object", properties: {}, required: [], additionalProperties: true}, {anyOf: [{type: "null"}, {type: "integer", minimum: 1, maximum: 2}]}, {}
    ];
    for (const schema of schemas)
        for (const generated of many(schema, {name: "value", description: ""}, 60))
            assert.equal(validateValue(schema, generated.value), [], `${JSON.stringify(schema)} ${JSON.stringify(generated.value)}`);
});

t("strings follow the hinted or inferred kind; numbers get decimals; text shows the value", () => {
    for (const {value, text, literal} of many({type: "string"}, {name: "email", description: ""}, 50)) {
        assert.match(value as string, /^[^@\s]+@[a-z]+\.[a-z.]+$/);
        assert.ok(literal && text === value);
    }
    for (const {value} of many({type: "string"}, {name: "x", description: "", hint: {kind: "airport"}}, 50)) assert.match(value as string, /^[A-Z]{3}$/);
    const prices = many({type: "number"}, {name: "price", description: ""}).map((generated) => generated.value as number);
    assert.ok(prices.filter((price) => !Number.isInteger(price)).length > 280);
    for (const generated of many({type: "number"}, {name: "x", description: "", hint: {min: 1, max: 2, decimals: 3}})) {
        assert.ok((generated.value as number) >= 1 && (generated.value as number) <= 2);
        assert.is(generated.text, String(generated.value));
    }
});

t("dates are paraphrased only when the description states the format, never for exact copies", () => {
    const plain = many({type: "string"}, {name: "date", description: "The day."});
    assert.ok(plain.every((generated) => generated.text === generated.value));
    const stated = many({type: "string"}, {name: "date", description: "Date in YYYY-MM-DD format."});
    assert.ok(stated.some((generated) => generated.text !== generated.value && !generated.literal));
    assert.ok(stated.every((generated) => /^\d{4}-\d{2}-\d{2}$/.test(generated.value as string)));
    const exact = many({type: "string"}, {name: "date", description: "Date in YYYY-MM-DD format.", literalOnly: true});
    assert.ok(exact.every((generated) => generated.text === generated.value));
});

t("an optional parameter's value avoids its default when it can", () => {
    const values = many({enum: ["metric", "imperial"]}, {name: "units", description: "", avoid: "metric"}).map((generated) => generated.value);
    assert.ok(values.every((value) => value === "imperial"));
    const flags = many({type: "boolean"}, {name: "on", description: "", avoid: false}).map((generated) => generated.value);
    assert.ok(flags.every((value) => value === true));
});

t.run();
