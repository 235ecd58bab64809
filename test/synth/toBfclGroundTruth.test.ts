import {suite} from "uvu";
import * as assert from "uvu/assert";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import type {JsonSchema} from "../../src/tools/JsonSchema.js";
import type {PlannedCall} from "../../src/synth/PlannedCall.js";
import type {PoolTool} from "../../src/synth/PoolTool.js";
import {toBfclGroundTruth} from "../../src/synth/toBfclGroundTruth.js";

const t = suite("toBfclGroundTruth");

const [definition] = normalizeTools([{type: "function", function: {name: "shop.place_order", description: "Order.", parameters: {type: "object", properties: {
    items: {type: "array", items: {type: "object", properties: {sku: {type: "string"}, qty: {type: "integer"}}, required: ["sku"]}},
    address: {type: "object", properties: {city: {type: "string"}, zip: {type: "string"}}, required: ["city"]},
    speed: {type: "string", enum: ["standard", "express"], default: "standard"},
    note: {type: "string"},
    weight: {type: "number"}
}, required: ["items", "address"]}}}]);
const tool = {definition, source: "generated", family: "f", domain: "d", split: "train", action: "order", fluentAction: true, hints: {}} as PoolTool;
const arg = (name: string, value: unknown) => ({name, schema: {} as JsonSchema, hint: undefined, required: false, value: {value: value as never, text: "", literal: true, exact: false}});

t("one alternative per given value, objects as dicts of alternatives, omitted optional ones may be left out", () => {
    const call: PlannedCall = {tool, args: [
        arg("items", [{sku: "AB-1", qty: 2}, {sku: "CD-2"}]),
        arg("address", {city: "Porto"}),
        arg("weight", 2.5)
    ]};
    assert.equal(toBfclGroundTruth([call]), [{"shop.place_order": {
        items: [[{sku: ["AB-1"], qty: [2]}, {sku: ["CD-2"]}]],
        address: [{city: ["Porto"]}],
        speed: ["standard", ""],
        note: [""],
        weight: [2.5]
    }}]);
    assert.equal(toBfclGroundTruth([]), []);
});

t.run();
