import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseParamSpec} from "../../src/synth/parseParamSpec.js";
import {SynthError} from "../../src/synth/SynthError.js";

const t = suite("parseParamSpec");

t("reads kinds, bounds, generation ranges, defaults and mentions", () => {
    assert.equal(parseParamSpec("city: str<city> | in {} | City name.", "x"), {
        name: "city", required: true, schema: {type: "string", description: "City name."}, hint: {kind: "city", mention: "in {}"}
    });
    assert.equal(parseParamSpec("days?=3: int[1..14](2..5) | for {} days | Days.", "x"), {
        name: "days", required: false, schema: {type: "integer", minimum: 1, maximum: 14, description: "Days.", default: 3}, hint: {min: 2, max: 5, mention: "for {} days"}
    });
    assert.equal(parseParamSpec("x: num(0.5..9)/3[]{2,4} | of {} | Values.", "x").schema, {type: "array", items: {type: "number"}, minItems: 2, maxItems: 4, description: "Values."});
    assert.equal(parseParamSpec("u?=metric: enum(metric,imperial) | in {} | Units.", "x").schema, {type: "string", enum: ["metric", "imperial"], description: "Units.", default: "metric"});
    assert.equal(parseParamSpec("n: enum(1,2,4) | {} | N.", "x").schema, {type: "integer", enum: [1, 2, 4], description: "N."});
    assert.equal(parseParamSpec("on?=false: bool | with it / without it | Flag.", "x").hint, {mentionTrue: "with it", mentionFalse: "without it"});
});

t("reads object and array-of-object parameters with their fields", () => {
    const parsed = parseParamSpec({param: "items: obj[]{1,3} | for {} | Items.", fields: ["sku: str<sku> | {} | SKU.", "qty?: int(1..5) | x{} | Quantity."]}, "x");
    assert.equal(parsed.schema, {type: "array", items: {type: "object", properties: {sku: {type: "string", description: "SKU."}, qty: {type: "integer", description: "Quantity."}}, required: ["sku"]}, minItems: 1, maxItems: 3, description: "Items."});
    assert.equal(parsed.hint.fields?.qty, {min: 1, max: 5, mention: "x{}"});
});

t("rejects malformed lines with a typed error naming the place", () => {
    const bad = ["city: str | in {} | No kind.", "city: str<nowhere> | in {} | Unknown kind.", "a: int | in {} |", "a=1: int | {} | Default on a required one.",
        "a: float | {} | Unknown type.", "a: int | no placeholder | Mention without {}.", "a: bool | only one phrase | Flag.", "o: obj | {} | No fields."];
    for (const line of bad)
        assert.throws(() => parseParamSpec(line, "weather/tool"), (error: unknown) => error instanceof SynthError && /weather\/tool/.test(error.message), line);
});

t.run();
