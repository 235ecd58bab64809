/**
 * Regressions for what schema fuzzing found: each was a crash or an invalid output before its fix.
 */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {compileArgumentsGrammar} from "../../src/tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import type {GrammarOptions} from "../../src/tools/GrammarOptions.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import type {ToolDefinition} from "../../src/tools/ToolDefinition.js";
import {validateArguments} from "../../src/tools/validateArguments.js";
import {GbnfSampler, seededRandom} from "../tools/gbnfSample.js";
import {compileGrammar, grammarAccepts} from "../tools/llamaGrammar.js";

const t = suite("reliability: fuzzing findings");

function tool(parameters: unknown): ToolDefinition {
    return normalizeTools([{type: "function", function: {name: "f", parameters}}])[0]!;
}

function grammarText(parameters: unknown, options: GrammarOptions = {}): string {
    const rules = new GbnfRuleSet();
    return rules.render(compileArgumentsGrammar(tool(parameters), options, rules));
}

t("optional lists of up to 2000 items compile in llama.cpp (it counts a repetition's rules against the group around it)", async () => {
    const cases: [unknown, GrammarOptions][] = [
        [{type: "object", properties: {a: {type: "array", maxItems: 2000}}}, {}],
        [{type: "object", properties: {a: {type: "array", items: {type: "integer"}, maxItems: 2000}}, required: ["a"]}, {}],
        [{type: "object", properties: {a: {}}, required: ["a"]}, {maxArrayItems: 2000}],
        [{type: "object", properties: {a: {type: "object"}}, required: ["a"]}, {maxArrayItems: 1500}]
    ];
    for (const [parameters, options] of cases) {
        const text = grammarText(parameters, options);
        const grammar = await compileGrammar(text);
        const sampler = new GbnfSampler(text, seededRandom(3));
        for (let i = 0; i < 20; i++) {
            const sample = sampler.sample("root", 4);
            assert.ok(grammarAccepts(grammar, sample), sample);
        }
    }
});

t("next to an exclusive bound, no numeral parses onto the bound (15 digits at most there)", async () => {
    const cases: [Record<string, number>, string[], string[]][] = [
        [{exclusiveMinimum: 999_999_999_999_998}, ["999999999999999"], ["999999999999998", "999999999999998.00001", "999999999999998.0"]],
        [{exclusiveMinimum: 99_999}, ["99999.0000000001", "100000.5"], ["99999", "99999.00000000001", "99999.0"]],
        [{exclusiveMaximum: 1000}, ["999.999999999999", "999.5", "0"], ["999.9999999999999", "999.99999999999999999", "1000"]],
        [{exclusiveMinimum: -5, exclusiveMaximum: 5}, ["-4.99999999999999", "4.99999999999999"], ["-4.999999999999999", "4.999999999999999", "5", "-5"]],
        [{minimum: 0, maximum: 10}, ["9.999999999999999", "10.000", "0.000000000000001"], ["10.1", "-0.5"]]
    ];
    for (const [bounds, accepted, rejected] of cases) {
        const schema = {type: "object", properties: {x: {type: "number", ...bounds}}, required: ["x"]};
        const text = grammarText(schema);
        const grammar = await compileGrammar(text);
        for (const value of accepted) assert.ok(grammarAccepts(grammar, `{"x":${value}}`), `${value} with ${JSON.stringify(bounds)}`);
        for (const value of rejected) assert.not.ok(grammarAccepts(grammar, `{"x":${value}}`), `${value} with ${JSON.stringify(bounds)}`);
        const sampler = new GbnfSampler(text, seededRandom(5));
        const definition = tool(schema);
        for (let i = 0; i < 300; i++) {
            const sample = sampler.sample("root", 16);
            assert.equal(validateArguments(definition, JSON.parse(sample)), {valid: true}, `${sample} with ${JSON.stringify(bounds)}`);
        }
    }
});

t("large enums and anyOf lists are deduplicated in linear time", () => {
    const started = performance.now();
    const values = Array.from({length: 60_000}, (_, i) => i % 50_000);
    const enumTool = tool({type: "object", properties: {a: {enum: values}}});
    assert.is((enumTool.parameters.properties.a as {enum: unknown[]}).enum.length, 50_000);
    const anyOfTool = tool({type: "object", properties: {a: {anyOf: values.slice(0, 30_000).map((value) => ({const: value % 20_000}))}}});
    assert.is((anyOfTool.parameters.properties.a as {anyOf: unknown[]}).anyOf.length, 20_000);
    // pairwise comparison took about 30 s for the anyOf alone on a shared 2-core machine
    assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
});

t.run();
