/**
 * BFCL-exact scoring of synthetic items: the category mapper, the tools converted to BFCL function
 * docs, and the expected answer of every generated item scored right, wrong answers wrong.
 */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {functionDocsFromTools} from "../../src/eval/functionDocsFromTools.js";
import {itemScoring, scoreSample} from "../../src/iterate/scoreSample.js";
import {synthCategory} from "../../src/iterate/synthCategory.js";
import type {SynthItem} from "../../src/synth/SynthItem.js";
import {TrainError} from "../../src/train/TrainError.js";
import {goldAnswer, synthFixtures} from "./synthFixtures.js";

const t = suite("scoreSample");
const items = synthFixtures();
const tool = (name: string) => ({type: "function" as const, function: {name, description: "", parameters: {type: "object" as const, properties: {}}}});

t("synthCategory: the BFCL category from the kind and the number of tools", () => {
    const one = [tool("a")];
    const two = [tool("a"), tool("b")];
    assert.is(synthCategory({kind: "single", tools: one}), "simple");
    assert.is(synthCategory({kind: "exact_copy", tools: one}), "simple");
    assert.is(synthCategory({kind: "exact_copy", tools: two}), "multiple");
    assert.is(synthCategory({kind: "choose", tools: two}), "multiple");
    assert.is(synthCategory({kind: "parallel_same", tools: one}), "parallel");
    assert.is(synthCategory({kind: "parallel_same", tools: two}), "parallel_multiple");
    assert.is(synthCategory({kind: "parallel_multi", tools: two}), "parallel_multiple");
    assert.is(synthCategory({kind: "irrelevant", tools: two}), "irrelevance");
    assert.throws(() => synthCategory({kind: "nope" as never, tools: one}), (error: unknown) => error instanceof TrainError && error.context.field === "kind");
});

t("functionDocsFromTools: JSON Schema types become BFCL's at every depth, other keys stay", () => {
    const [doc] = functionDocsFromTools([{type: "function", function: {name: "shop.order", description: "Order", parameters: {
        type: "object", required: ["qty"], properties: {
            qty: {type: "integer", minimum: 1}, price: {type: "number", default: 2.5}, note: {type: ["string", "null"]},
            address: {type: "object", properties: {zip: {type: "string"}, lat: {type: "number"}}},
            lines: {type: "array", items: {type: "object", properties: {weight: {type: "number"}}}}, tags: {type: "array", items: {type: "string"}}
        }}}}]);
    assert.ok(doc !== undefined);
    assert.is(doc.name, "shop.order");
    assert.is(doc.parameters.type, "dict");
    assert.equal(doc.parameters.required, ["qty"]);
    const props = doc.parameters.properties;
    assert.is(props.get("qty")?.type, "integer");
    assert.is(props.get("price")?.type, "float");
    assert.is(props.get("note")?.type, "string");
    assert.is(props.get("address")?.type, "dict");
    assert.is(props.get("address")?.properties?.get("lat")?.type, "float");
    assert.is(props.get("lines")?.items?.type, "dict");
    assert.is(props.get("lines")?.items?.properties?.get("weight")?.type, "float");
    assert.is(props.get("tags")?.items?.type, "string");
    assert.ok("default" in (props.get("price") ?? {}));
});

t("every generated item's expected answer scores right under its category", () => {
    const categories = new Set<string>();
    for (const item of items) {
        const scoring = itemScoring(item);
        categories.add(scoring.category);
        const score = scoreSample(scoring, goldAnswer(item));
        assert.ok(score.correct, `${item.id} (${item.kind}, ${scoring.category}): ${score.errorType}`);
    }
    assert.equal([...categories].sort(), ["irrelevance", "multiple", "parallel", "parallel_multiple", "simple"]);
});

t("wrong answers score wrong: a text instead of calls, a call instead of text, a changed value, a missing parallel call", () => {
    const find = (predicate: (item: SynthItem) => boolean): SynthItem => {
        const found = items.find(predicate);
        assert.ok(found !== undefined);
        return found!;
    };
    const single = find((item) => item.kind === "single" && "calls" in item.answer);
    const scoring = itemScoring(single);
    assert.is(scoreSample(scoring, {tool_calls: [], content: "I cannot."}).correct, false);
    const gold = goldAnswer(single);
    const call = gold.tool_calls[0]!;
    const args = JSON.parse(call.function.arguments) as Record<string, unknown>;
    const key = Object.keys(args).find((name) => typeof args[name] === "string");
    if (key !== undefined) {
        const changed = {...call, function: {...call.function, arguments: JSON.stringify({...args, [key]: `${String(args[key])}x`})}};
        const score = scoreSample(scoring, {tool_calls: [changed], content: null});
        assert.is(score.correct, false);
        assert.ok(score.errorType !== undefined);
        assert.is.not(score.callSet, scoreSample(scoring, gold).callSet, "a different answer has a different call set");
    }
    const irrelevant = find((item) => item.kind === "irrelevant");
    assert.is(scoreSample(itemScoring(irrelevant), {tool_calls: [call], content: null}).correct, false);
    const parallel = find((item) => item.kind === "parallel_same");
    const parallelGold = goldAnswer(parallel);
    assert.is(scoreSample(itemScoring(parallel), {tool_calls: parallelGold.tool_calls.slice(1), content: null}).correct, false);
    assert.is(scoreSample(itemScoring(parallel), {tool_calls: [...parallelGold.tool_calls].reverse(), content: null}).correct, true, "parallel calls in any order");
});

t.run();
