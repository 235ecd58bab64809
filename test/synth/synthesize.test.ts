import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {JsonValue} from "../../src/tools/JsonValue.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {schemaNode} from "../../src/tools/schemaNode.js";
import {validateArguments} from "../../src/tools/validateArguments.js";
import {literalLeaves} from "../../src/synth/literalLeaves.js";
import type {SynthItem} from "../../src/synth/SynthItem.js";
import {synthKinds} from "../../src/synth/SynthKind.js";
import {synthSplits} from "../../src/synth/SynthSplit.js";
import {synthesize} from "../../src/synth/synthesize.js";
import {SynthError} from "../../src/synth/SynthError.js";
import {toolPool} from "../../src/synth/toolPool.js";

const t = suite("synthesize");

// Generated tools only: these tests must pass without ../shared.
const pool = toolPool({sourcesDir: "/nonexistent/toolace-sources", seed: 3});
const result = synthesize(pool, {count: 1500, seed: 3});
const all: SynthItem[] = synthSplits.flatMap((split) => result.items[split]);
const serialise = (items: Record<string, SynthItem[]>): string => JSON.stringify(items);

function userText(item: SynthItem): string {
    const last = item.messages[item.messages.length - 1];
    assert.ok(last !== undefined && last.role === "user", `${item.id}: last message is the user's`);
    return last.content as string;
}

t("the same seed gives identical items; another seed gives different ones", () => {
    const again = synthesize(toolPool({sourcesDir: "/nonexistent/toolace-sources", seed: 3}), {count: 1500, seed: 3});
    assert.is(serialise(again.items), serialise(result.items));
    assert.equal(again.stats, result.stats);
    const other = synthesize(toolPool({sourcesDir: "/nonexistent/toolace-sources", seed: 4}), {count: 1500, seed: 4});
    assert.is.not(serialise(other.items), serialise(result.items));
});

t("a first index draws fresh items over the same tools and split", () => {
    const more = synthesize(pool, {count: 1500, seed: 3, firstIndex: 1500});
    const toolSplit = new Map(all.flatMap((item) => item.tools.map((tool) => [tool.function.name, item.split] as const)));
    const fresh = synthSplits.flatMap((split) => more.items[split]);
    assert.is(fresh.length, all.length);
    assert.is(fresh[0]!.id, `train-${String(1500).padStart(6, "0")}`);
    const seen = new Set(all.map((item) => JSON.stringify(item.messages)));
    assert.ok(fresh.filter((item) => seen.has(JSON.stringify(item.messages))).length < fresh.length / 50, "requests are new");
    for (const item of fresh) for (const tool of item.tools) {
        const split = toolSplit.get(tool.function.name);
        if (split !== undefined) assert.is(split, item.split, `${tool.function.name} stays in its split`);
    }
    assert.throws(() => synthesize(pool, {count: 10, seed: 3, firstIndex: -1}), (error: unknown) => error instanceof SynthError && /firstIndex/.test((error as Error).message));
});

t("counts split about 80/10/10 and every kind appears in every split", () => {
    assert.is(all.length, 1500);
    assert.is(result.items.train.length, 1200);
    assert.is(result.items.dev.length, 150);
    assert.is(result.items.test.length, 150);
    for (const split of synthSplits)
        for (const kind of synthKinds)
            assert.ok(result.items[split].some((item) => item.kind === kind), `${kind} in ${split}`);
    assert.equal(new Set(all.map((item) => item.id)).size, all.length, "ids are unique");
});

t("every call validates against its tool, whose JSON normalises again", () => {
    for (const item of all) {
        const tools = normalizeTools(item.tools);
        if (!("calls" in item.answer)) continue;
        assert.ok(item.answer.calls.length > 0, item.id);
        for (const call of item.answer.calls) {
            const tool = tools.find((candidate) => candidate.name === call.name);
            assert.ok(tool !== undefined, `${item.id}: ${call.name} is among the item's tools`);
            const verdict = validateArguments(tool, call.arguments);
            assert.ok(verdict.valid, `${item.id}: ${JSON.stringify(verdict)}`);
        }
    }
});

t("no tool name is shared between splits", () => {
    const names = Object.fromEntries(synthSplits.map((split) => [split, new Set(result.items[split].flatMap((item) => item.tools.map((tool) => tool.function.name)))]));
    for (const name of names.test ?? []) assert.not.ok(names.train?.has(name) || names.dev?.has(name), `${name} leaks out of test`);
    for (const name of names.dev ?? []) assert.not.ok(names.train?.has(name), `${name} leaks out of dev`);
    const poolSplit = new Map(pool.tools.map((tool) => [tool.definition.name, tool.split]));
    for (const item of all) for (const tool of item.tools) assert.is(poolSplit.get(tool.function.name), item.split, `${item.id} uses ${tool.function.name}`);
});

t("integers are integers, numbers are mostly written with decimals, enums come from the enum", () => {
    let numbers = 0;
    let fractional = 0;
    const check = (schema: JsonValue, value: JsonValue, where: string): void => {
        const node = schemaNode(schema as never);
        if (node.kind === "enum") assert.ok(node.schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value)), where);
        else if (node.kind === "integer") assert.ok(typeof value === "number" && Number.isInteger(value), `${where}: ${value}`);
        else if (node.kind === "number") {
            assert.type(value, "number", where);
            numbers++;
            if (!Number.isInteger(value)) fractional++;
        } else if (node.kind === "array") (value as JsonValue[]).forEach((item, i) => check(node.schema.items as JsonValue, item, `${where}[${i}]`));
        else if (node.kind === "object")
            for (const [key, item] of Object.entries(value as Record<string, JsonValue>)) check(node.schema.properties[key] as JsonValue, item, `${where}.${key}`);
        else if (node.kind === "string") assert.type(value, "string", where);
        else if (node.kind === "boolean") assert.type(value, "boolean", where);
    };
    for (const item of all) {
        if (!("calls" in item.answer)) continue;
        for (const call of item.answer.calls) {
            const tool = item.tools.find((candidate) => candidate.function.name === call.name);
            for (const [param, value] of Object.entries(call.arguments))
                check((tool?.function.parameters as {properties: Record<string, JsonValue>}).properties[param] as JsonValue, value, `${item.id} ${call.name}.${param}`);
        }
    }
    assert.ok(numbers > 200, `${numbers} number values`);
    assert.ok(fractional / numbers > 0.8, `${fractional} of ${numbers} number values have decimals`);
});

t("exact-copy items write every string and number verbatim in the request", () => {
    const exact = all.filter((item) => item.kind === "exact_copy");
    assert.ok(exact.length > 100);
    for (const item of exact) {
        const text = userText(item);
        assert.ok("calls" in item.answer);
        for (const call of item.answer.calls)
            for (const leaf of literalLeaves(call.arguments)) assert.ok(text.includes(leaf), `${item.id}: ${JSON.stringify(leaf)} in ${JSON.stringify(text)}`);
    }
});

t("irrelevant items answer with a short text and expect no call", () => {
    const irrelevant = all.filter((item) => item.kind === "irrelevant");
    for (const item of irrelevant) {
        assert.ok("text" in item.answer, item.id);
        assert.match(item.answer.text, /none of the/i);
        assert.ok(item.answer.text.length < 200);
        assert.equal(item.ground_truth, []);
        assert.ok(item.tools.length >= 1);
    }
});

t("kinds have their shape: choose offers 2-5 tools, parallel items make several calls", () => {
    for (const item of all) {
        const calls = "calls" in item.answer ? item.answer.calls : [];
        if (item.kind === "single") assert.is(item.tools.length, 1, item.id);
        if (item.kind === "choose") {
            assert.ok(item.tools.length >= 2 && item.tools.length <= 5, item.id);
            assert.is(calls.length, 1, item.id);
        }
        if (item.kind === "parallel_same") {
            assert.ok(calls.length >= 2, item.id);
            assert.is(new Set(calls.map((call) => call.name)).size, 1, item.id);
        }
        if (item.kind === "parallel_multi") assert.ok(new Set(calls.map((call) => call.name)).size >= 2, item.id);
    }
});

t("optional parameters are passed only sometimes, and the ground truth lets omitted ones be left out", () => {
    let given = 0;
    let omitted = 0;
    for (const item of all) {
        if (!("calls" in item.answer)) continue;
        item.answer.calls.forEach((call, i) => {
            const tool = item.tools.find((candidate) => candidate.function.name === call.name);
            const parameters = tool?.function.parameters as {properties: Record<string, {default?: JsonValue}>, required: string[]};
            const truth = item.ground_truth[i]?.[call.name];
            assert.ok(truth !== undefined, `${item.id}: ground truth for ${call.name}`);
            for (const [param, schema] of Object.entries(parameters.properties)) {
                const alternatives = truth[param];
                assert.ok(alternatives !== undefined, `${item.id}: ${param} in the ground truth`);
                if (Object.hasOwn(call.arguments, param)) {
                    assert.is(alternatives.length, 1);
                    if (!parameters.required.includes(param)) given++;
                } else {
                    assert.not.ok(parameters.required.includes(param), `${item.id}: required ${param} is passed`);
                    assert.ok(alternatives.includes(""), `${item.id}: omitted ${param} may be omitted`);
                    if (schema.default !== undefined) assert.equal(alternatives[0], schema.default);
                    omitted++;
                }
            }
        });
    }
    assert.ok(given > 100 && omitted > given, `${given} optional given, ${omitted} omitted`);
});

t("arguments are keyed in schema order, as the call grammar writes them", () => {
    for (const item of all) {
        if (!("calls" in item.answer)) continue;
        for (const call of item.answer.calls) {
            const order = Object.keys((item.tools.find((tool) => tool.function.name === call.name)?.function.parameters as {properties?: object} | undefined)?.properties ?? {});
            const keys = Object.keys(call.arguments);
            assert.equal(keys, order.filter((key) => keys.includes(key)), item.id);
        }
    }
});

t("bad options are typed errors", () => {
    assert.throws(() => synthesize(pool, {count: -1, seed: 0}), (error: unknown) => error instanceof SynthError && error.code === "synth");
    assert.throws(() => synthesize(pool, {count: 10, seed: 1.5}), (error: unknown) => error instanceof SynthError);
    assert.equal(synthesize(pool, {count: 0, seed: 0}).items, {train: [], dev: [], test: []});
});

t.run();
