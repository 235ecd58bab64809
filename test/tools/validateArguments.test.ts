import {suite} from "uvu";
import * as assert from "uvu/assert";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import type {ToolDefinition} from "../../src/tools/ToolDefinition.js";
import {validateArguments} from "../../src/tools/validateArguments.js";

const t = suite("validateArguments");

const [tool] = normalizeTools({
    type: "function",
    function: {
        name: "book",
        parameters: {
            type: "object",
            properties: {
                city: {type: "string", minLength: 2, maxLength: 5},
                nights: {type: "integer", minimum: 1, maximum: 30},
                budget: {type: "number", exclusiveMinimum: 0},
                unit: {enum: ["eur", "usd", 3, null, {a: [1]}]},
                tags: {type: "array", items: {type: "string"}, maxItems: 2},
                note: {type: ["string", "null"]},
                extra: {type: "object"},
                anything: {}
            },
            required: ["city", "nights"]
        }
    }
}) as [ToolDefinition];

function errors(args: unknown): string[] {
    const result = validateArguments(tool, args);
    return result.valid ? [] : result.errors;
}

t("accepts valid arguments, with optional properties present or absent", () => {
    assert.equal(validateArguments(tool, {city: "Rome", nights: 2}), {valid: true});
    assert.equal(errors({city: "Oslo", nights: 30, budget: 0.5, unit: {a: [1]}, tags: ["a"], note: null, extra: {x: [1, {y: null}]}, anything: [true]}), []);
    assert.equal(errors({city: "Oslo", nights: 1.0, unit: 3, note: "n"}), []);
    assert.equal(errors({city: "日本語", nights: 3}), [], "length counts code points");
    assert.equal(errors({city: "😀😀", nights: 3}), [], "astral characters count once");
});

t("reports each problem with its JSON path", () => {
    assert.equal(errors({nights: 1.5, extra: 1}), [
        `$: missing required property "city"`,
        "$.nights: expected an integer, got 1.5",
        "$.extra: expected an object, got 1"
    ]);
    assert.equal(errors({city: "R", nights: 0, budget: 0, unit: "gbp", tags: ["a", "b", 3], note: 1, other: 1}), [
        "$.city: string shorter than 2 characters",
        "$.nights: 0 is less than the minimum 1",
        "$.budget: 0 is not greater than 0",
        `$.unit: expected one of ["eur","usd",3,null,{"a":[1]}], got "gbp"`,
        "$.tags: more than 2 items",
        "$.tags[2]: expected a string, got 3",
        "$.note: 1 matches none of the 2 alternatives",
        `$: unexpected property "other"`
    ]);
    assert.equal(errors({city: "Toulouse", nights: 31}), ["$.city: string longer than 5 characters", "$.nights: 31 is greater than the maximum 30"]);
    assert.equal(errors({city: "Rome", nights: 2, unit: {a: [1, 2]}}).length, 1, "enum objects compare deeply");
});

t("non-objects and non-JSON values are rejected", () => {
    assert.equal(errors([]), ["$: expected an object, got []"]);
    assert.equal(errors(null), ["$: expected an object, got null"]);
    assert.equal(errors({city: "Rome", nights: Infinity}), ["$.nights: expected an integer, got Infinity"]);
    assert.equal(errors({city: "Rome", nights: 2, anything: undefined}), ["$.anything: expected a JSON value, got undefined"]);
    assert.equal(errors({city: "Rome", nights: 2, extra: {f: () => 1}}), ["$.extra.f: expected a JSON value, got function"]);
});

t.run();
