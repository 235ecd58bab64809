import type {JsonValue} from "../tools/JsonValue.js";
import {jsonEquals} from "../tools/jsonEquals.js";
import {schemaNode} from "../tools/schemaNode.js";
import type {ComposedItem} from "./ComposedItem.js";
import type {GeneratedValue} from "./GeneratedValue.js";
import {irrelevantAnswer} from "./irrelevantAnswer.js";
import {literalLeaves} from "./literalLeaves.js";
import {planCall} from "./planCall.js";
import type {PlannedCall} from "./PlannedCall.js";
import type {PoolTool} from "./PoolTool.js";
import {renderRequest} from "./renderRequest.js";
import type {SynthKind} from "./SynthKind.js";
import type {SynthRandom} from "./SynthRandom.js";
import type {ToolSampler} from "./ToolSampler.js";

const optionalRate = 0.35;

/** Parameters whose values can differ between parallel calls: required strings, numbers, enums with a choice. */
function variableParams(tool: PoolTool): string[] {
    const {properties, required} = tool.definition.parameters;
    return required.filter((name) => {
        const schema = properties[name];
        if (schema === undefined) return false;
        const node = schemaNode(schema);
        if (node.kind === "enum") return node.schema.enum.length >= 3;
        return node.kind === "string" || node.kind === "integer" || node.kind === "number" || node.kind === "array";
    });
}

function hasParams(tool: PoolTool): boolean {
    return Object.keys(tool.definition.parameters.properties).length > 0;
}

function allLiteral(calls: readonly PlannedCall[], request: string): boolean {
    return calls.every((call) => call.args.every((arg) => literalLeaves(arg.value.value).every((leaf) => request.includes(leaf))));
}

/** Calls whose string and number values all appear in `request` as written (what every kind but paraphrases guarantee). */
function readable(calls: readonly PlannedCall[], request: string): boolean {
    return calls.every((call) => call.args.every((arg) => !arg.value.literal || literalLeaves(arg.value.value).every((leaf) => request.includes(leaf))));
}

function single(sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const tool = sampler.target(rng);
    if (tool === undefined) return undefined;
    const call = planCall(tool, rng, {optionalRate});
    return {tools: [tool], request: renderRequest({shape: "single", call}, rng), calls: [call]};
}

function choose(sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const tool = sampler.target(rng);
    if (tool === undefined) return undefined;
    const distractors = sampler.distractors(tool, rng.int(1, 4), rng, []);
    if (distractors.length === 0) return undefined;
    const call = planCall(tool, rng, {optionalRate});
    return {tools: rng.shuffle([tool, ...distractors]), request: renderRequest({shape: "single", call}, rng), calls: [call]};
}

function parallelSame(sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const tool = sampler.target(rng, (candidate) => variableParams(candidate).length > 0);
    if (tool === undefined) return undefined;
    const variable = variableParams(tool);
    const varying = rng.sample(variable, variable.length > 1 && rng.chance(0.3) ? 2 : 1);
    const count = rng.int(2, 4);
    const base = planCall(tool, rng, {optionalRate: optionalRate * 0.7});
    const fixed = new Map<string, GeneratedValue | null>();
    for (const name of Object.keys(tool.definition.parameters.properties)) {
        if (varying.includes(name)) continue;
        const arg = base.args.find((item) => item.name === name);
        fixed.set(name, arg === undefined ? null : arg.value);
    }
    const calls: PlannedCall[] = [base];
    for (let attempt = 0; calls.length < count && attempt < count * 6; attempt++) {
        const call = planCall(tool, rng, {optionalRate, fixed});
        const values = (c: PlannedCall): JsonValue[] => varying.map((name) => c.args.find((arg) => arg.name === name)?.value.value ?? null);
        if (calls.some((known) => values(known).some((value, i) => jsonEquals(value, values(call)[i] as JsonValue)))) continue;
        calls.push(call);
    }
    if (calls.length < 2) return undefined;
    const tools = rng.chance(0.3) ? rng.shuffle([tool, ...sampler.distractors(tool, rng.int(1, 2), rng, [])]) : [tool];
    return {tools, request: renderRequest({shape: "repeat", calls, varying}, rng), calls};
}

function parallelMulti(sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const first = sampler.target(rng);
    if (first === undefined) return undefined;
    const count = rng.int(2, 3);
    const others = rng.chance(0.5) ? sampler.distractors(first, count - 1, rng, []) : [];
    for (let attempt = 0; others.length < count - 1 && attempt < 10; attempt++) {
        const next = sampler.target(rng, (tool) => tool.family !== first.family && others.every((other) => other.family !== tool.family && other.definition.name !== tool.definition.name));
        if (next !== undefined) others.push(next);
    }
    if (others.length === 0) return undefined;
    const called = [first, ...others];
    const calls = called.map((tool) => planCall(tool, rng, {optionalRate}));
    if (rng.chance(0.2)) {
        const again = calls[0] as PlannedCall;
        const repeat = planCall(again.tool, rng, {optionalRate});
        if (!jsonEquals(repeat.args.map((arg) => arg.value.value), again.args.map((arg) => arg.value.value))) calls.push(repeat);
    }
    const ordered = rng.shuffle(calls);
    const extra = rng.chance(0.35) ? sampler.distractors(first, rng.int(1, 2), rng, called) : [];
    return {tools: rng.shuffle([...called, ...extra]), request: renderRequest({shape: "many", calls: ordered}, rng), calls: ordered};
}

function irrelevant(sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const anchor = sampler.target(rng);
    if (anchor === undefined) return undefined;
    const given = [anchor, ...sampler.distractors(anchor, rng.int(0, 3), rng, [])];
    const target = sampler.target(rng, (tool) => given.every((other) => sampler.unrelated(tool, other)));
    if (target === undefined) return undefined;
    const call = planCall(target, rng, {optionalRate});
    return {tools: rng.shuffle(given), request: renderRequest({shape: "single", call}, rng), calls: [], refusal: {text: irrelevantAnswer(target, rng), target}};
}

function exactCopy(sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const tool = sampler.target(rng, hasParams);
    if (tool === undefined) return undefined;
    const call = planCall(tool, rng, {optionalRate: 0.5, literalOnly: true});
    const leaves = call.args.filter((arg) => arg.value.exact);
    if (leaves.length === 0) return undefined;
    const tools = rng.chance(0.5) ? rng.shuffle([tool, ...sampler.distractors(tool, rng.int(1, 3), rng, [])]) : [tool];
    return {tools, request: renderRequest({shape: "single", call}, rng), calls: [call]};
}

const composers: Readonly<Record<SynthKind, (sampler: ToolSampler, rng: SynthRandom) => ComposedItem | undefined>> = {
    single, choose, parallel_same: parallelSame, parallel_multi: parallelMulti, irrelevant, exact_copy: exactCopy
};

/**
 * One attempt at an item of `kind` from the sampler's split; undefined when this draw does not
 * work out (no suitable tool, values not all readable from the request) and the caller should
 * draw again.
 */
export function composeItem(kind: SynthKind, sampler: ToolSampler, rng: SynthRandom): ComposedItem | undefined {
    const item = composers[kind](sampler, rng);
    if (item === undefined) return undefined;
    if (kind === "exact_copy" && !allLiteral(item.calls, item.request)) return undefined;
    if (!readable(item.calls, item.request)) return undefined;
    return item;
}
