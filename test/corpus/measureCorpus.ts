/**
 * Coverage and soundness of tool-call grammars on a schema corpus, for toolace-r and for
 * node-llama-cpp's `createGrammarForJsonSchema` side by side: which schemas compile, and whether
 * argument objects drawn from each grammar (GrammarSampler, through llama.cpp's grammar engine)
 * validate against the original schema (ajv with ajv-formats). A toolace-r sample that breaks the
 * schema of a tool with no relaxed keyword would be unsound; one whose tool lists relaxed keywords
 * is reported by the engine as a violation.
 */
import type {Llama} from "node-llama-cpp";
import type {GrammarSampler} from "../../src/engine/GrammarSampler.js";
import {compileArgumentsGrammar} from "../../src/tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {violationsOf} from "../../src/tools/schemaViolations.js";
import type {CorpusSchema, CorpusSource} from "./schemaCorpus.js";

export type SampleTally = {samples: number, valid: number, invalid: number, unjudged: number, failedWalks: number};
export type SchemaVerdict = {
    source: CorpusSource, name: string,
    toolace: {ok: boolean, error?: string, relaxed: string[], unsound: number, firstInvalid?: string} & SampleTally,
    nodeLlamaCpp: {ok: boolean, error?: string, firstInvalid?: string} & SampleTally
};

const emptyTally = (): SampleTally => ({samples: 0, valid: 0, invalid: 0, unjudged: 0, failedWalks: 0});

function judge(parameters: unknown, grammar: string, sampler: GrammarSampler, llama: Llama, samples: number, seed: number): SampleTally & {firstInvalid?: string} {
    const tally: SampleTally & {firstInvalid?: string} = emptyTally();
    for (let i = 0; i < samples; i++) {
        let text: string;
        try {
            [text] = sampler.sample(llama, grammar, 1, {seed: seed + i, softLimit: 300, hardLimit: 6_000}) as [string];
        } catch {
            tally.failedWalks++;
            continue;
        }
        tally.samples++;
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch {
            tally.invalid++;
            tally.firstInvalid ??= `not JSON: ${text.slice(0, 120)}`;
            continue;
        }
        const violations = violationsOf(parameters, value);
        if (violations === undefined) tally.unjudged++;
        else if (violations.length === 0) tally.valid++;
        else {
            tally.invalid++;
            tally.firstInvalid ??= `${violations[0]} in ${text.slice(0, 160)}`;
        }
    }
    return tally;
}

/**
 * `nodeLlamaCppSamples` (default `samples`) may be lower: some of node-llama-cpp's grammars for
 * random schemas make llama.cpp's grammar engine grow without bound while sampling.
 */
export async function measureSchema(entry: CorpusSchema, index: number, options: {llama: Llama, sampler: GrammarSampler, samples: number, nodeLlamaCpp: boolean, nodeLlamaCppSamples?: number}): Promise<SchemaVerdict> {
    const {llama, sampler, samples} = options;
    const tool = {type: "function", function: {name: `tool_${index}`, description: entry.name, parameters: entry.parameters}};
    let toolace: SchemaVerdict["toolace"];
    try {
        const [normalized] = normalizeTools([tool]);
        const rules = new GbnfRuleSet();
        const grammar = rules.render(compileArgumentsGrammar(normalized!, {}, rules));
        const relaxed = (normalized!.relaxed ?? []).map((entry) => entry.keyword);
        const tally = samples > 0 ? judge(entry.parameters, grammar, sampler, llama, samples, index * 1000) : emptyTally();
        toolace = {ok: true, relaxed, ...tally, unsound: relaxed.length === 0 ? tally.invalid : 0};
    } catch (error) {
        toolace = {ok: false, error: (error as Error).message, relaxed: [], unsound: 0, ...emptyTally()};
    }
    let nodeLlamaCpp: SchemaVerdict["nodeLlamaCpp"] = {ok: false, error: "not measured", ...emptyTally()};
    if (options.nodeLlamaCpp) {
        try {
            const grammar = await llama.createGrammarForJsonSchema(entry.parameters as never);
            const text = (grammar as unknown as {grammar: string}).grammar;
            const count = options.nodeLlamaCppSamples ?? samples;
            nodeLlamaCpp = {ok: true, ...(count > 0 ? judge(entry.parameters, text, sampler, llama, count, index * 1000) : emptyTally())};
        } catch (error) {
            nodeLlamaCpp = {ok: false, error: (error as Error).message.slice(0, 200), ...emptyTally()};
        }
    }
    return {source: entry.source, name: entry.name, toolace, nodeLlamaCpp};
}
