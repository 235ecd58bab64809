/**
 * What the tool-call grammar costs in generation speed:
 *   npm run bench -- grammar [--json] [--repeat N] [--model PATH] [--no-larger] [--max-string-length N] [--max-tokens N]
 *
 * On the same model, context sequence and BFCL-sized prompt (three travel tools; the prompt is in
 * the KV cache, so each run evaluates its last token and then generates), greedy generation runs
 * with the request's call grammar (tool_choice "required", until the call ends) and without any
 * grammar (exactly as many tokens). The two alternate `repeat` times, in both orders;
 * tokens/s = generated tokens / wall seconds of the run. grammarThroughputRatio is the median of the
 * per-pair ratios (with / without) on the default model; each model's figures are listed too, and
 * the same ratio per CPU second of the process (cpuRatio), which other load on the machine
 * disturbs less than wall time.
 */
import os from "node:os";
import {getLlama, LlamaGrammar, LlamaGrammarEvaluationState, LlamaLogLevel, type LlamaContextSequence, type LlamaModel, type Token} from "node-llama-cpp";
import {ToolCallEngine} from "../src/engine/ToolCallEngine.js";
import {MAX_PARALLEL_CALLS} from "../src/engine/parseCallRequest.js";
import type {ChatMessage} from "../src/protocol/ChatMessage.js";
import {buildCallGrammar} from "../src/protocol/buildCallGrammar.js";
import {renderPrompt} from "../src/protocol/renderPrompt.js";
import {normalizeTools} from "../src/tools/normalizeTools.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels, type BenchModel} from "./support/benchModels.js";
import {bfclSizedRequests} from "./support/bfclSizedRequests.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {roundTo} from "./support/roundTo.js";
import {peakRssBytes} from "./support/peakRssBytes.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {writeBenchChart} from "./support/writeBenchChart.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const repeat = args.number("repeat", 15, 1);
const maxStringLength = args.number("max-string-length", 32, 1);
const maxTokens = args.number("max-tokens", 256, 8);
const log = (line: string): void => {
    process.stderr.write(`bench grammar: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const models = await benchModels({model: args.string("model"), larger: !args.flag("no-larger")});
const [request] = bfclSizedRequests(1, {distinctSystem: false});
const started = performance.now();

/** Greedy generation after evaluating `last`: until an end-of-generation token (with a grammar) or exactly `count` tokens (without). */
async function generate(sequence: LlamaContextSequence, model: LlamaModel, last: Token, grammar: LlamaGrammar | undefined, count: number): Promise<{tokens: number, ms: number, cpuMs: number}> {
    const begin = performance.now();
    const cpu = process.cpuUsage();
    const grammarEvaluationState = grammar === undefined ? undefined : new LlamaGrammarEvaluationState({model, grammar});
    const iterator = sequence.evaluate([last], {temperature: 0, grammarEvaluationState, yieldEogToken: true});
    let tokens = 0;
    try {
        for await (const token of iterator) {
            tokens++;
            if (tokens >= count || (grammar !== undefined && model.isEogToken(token))) break;
        }
    } finally {
        await iterator.return();
    }
    const used = process.cpuUsage(cpu);
    return {tokens, ms: performance.now() - begin, cpuMs: (used.user + used.system) / 1000};
}

async function measureModel(model: BenchModel): Promise<Record<string, unknown> & {model: string, ratio: number, cpuRatio: number, withGrammar: number, without: number}> {
    const engine = await ToolCallEngine.load({model: model.path, llama, threads: 1, contextSize: 2048, speculative: false});
    const context = await engine.model.createContext({contextSize: 2048, sequences: 1, threads: 1});
    const sequence = context.getSequence();
    try {
        const tools = normalizeTools(request!.tools);
        const grammar = new LlamaGrammar(llama, {grammar: buildCallGrammar(engine.format, tools, "required", {maxParallelCalls: MAX_PARALLEL_CALLS, maxStringLength, maxArrayItems: 4})});
        const prompt = engine.tokenize(renderPrompt(engine.format, request!.messages as ChatMessage[], tools), true);
        await sequence.evaluateWithoutGeneratingNewTokens(prompt.slice(0, -1));
        const cached = sequence.nextTokenIndex;
        const reset = async (): Promise<void> => {
            await sequence.eraseContextTokenRanges([{start: cached, end: sequence.nextTokenIndex}]);
        };
        const pairs: {withGrammar: number, without: number, cpuRatio: number, tokens: number}[] = [];
        for (let run = 0; run < repeat; run++) {
            // The grammar run sets the count; the order alternates so that neither side always runs first.
            let constrained: {tokens: number, ms: number, cpuMs: number};
            let free: {tokens: number, ms: number, cpuMs: number};
            if (run % 2 === 0) {
                await reset();
                constrained = await generate(sequence, engine.model, prompt[prompt.length - 1]!, grammar, maxTokens);
                await reset();
                free = await generate(sequence, engine.model, prompt[prompt.length - 1]!, undefined, constrained.tokens);
            } else {
                await reset();
                const probe = pairs[0]?.tokens ?? maxTokens;
                free = await generate(sequence, engine.model, prompt[prompt.length - 1]!, undefined, probe);
                await reset();
                constrained = await generate(sequence, engine.model, prompt[prompt.length - 1]!, grammar, maxTokens);
                if (constrained.tokens !== free.tokens) {
                    await reset();
                    free = await generate(sequence, engine.model, prompt[prompt.length - 1]!, undefined, constrained.tokens);
                }
            }
            pairs.push({withGrammar: (1000 * constrained.tokens) / constrained.ms, without: (1000 * free.tokens) / free.ms,
                cpuRatio: (constrained.tokens / constrained.cpuMs) / (free.tokens / free.cpuMs), tokens: constrained.tokens});
        }
        const ratio = median(pairs.map((pair) => pair.withGrammar / pair.without));
        log(`${model.name}: ${pairs[0]!.tokens} tokens, ${median(pairs.map((p) => p.withGrammar)).toFixed(0)} vs ${median(pairs.map((p) => p.without)).toFixed(0)} tokens/s`);
        return {
            model: model.name, modelNote: model.note, promptTokens: prompt.length, tokens: pairs[0]!.tokens,
            withGrammar: roundTo(median(pairs.map((p) => p.withGrammar)), 1), without: roundTo(median(pairs.map((p) => p.without)), 1), ratio: roundTo(ratio, 3),
            cpuRatio: roundTo(median(pairs.map((p) => p.cpuRatio)), 3),
            runs: pairs.map((p) => ({withGrammar: roundTo(p.withGrammar, 1), without: roundTo(p.without, 1), tokens: p.tokens}))
        };
    } finally {
        await context.dispose();
        await engine.dispose();
    }
}

const results = [];
for (const model of models) results.push(await measureModel(model));
const headline = results[0]!;
const chart = await writeBenchChart("grammar", {
    title: "Generation with and without the tool-call grammar (median tokens/s)",
    columns: 1,
    panels: [{
        title: "tokens/s, same model and prompt", unit: "tokens/s", categories: results.map((r) => r.model),
        series: [{name: "with grammar", values: results.map((r) => r.withGrammar)}, {name: "without grammar", values: results.map((r) => r.without)}]
    }]
});
const result = {
    benchmark: "grammar",
    grammarThroughputRatio: headline.ratio,
    grammarThroughputRatioByModel: Object.fromEntries(results.map((r) => [r.model, r.ratio])),
    cpuRatio: headline.cpuRatio,
    peakRssBytes: peakRssBytes(),
    target: {grammarThroughputRatio: ">= 0.90"},
    met: {grammarThroughputRatio: headline.ratio >= 0.90},
    byModel: results,
    chart,
    setup: {repeat, maxStringLength, toolChoice: "required", threads: 1, seconds: roundTo((performance.now() - started) / 1000, 1),
        node: process.version, cores: os.availableParallelism(), loadAverage: os.loadavg().map((load) => roundTo(load, 2))}
};
const report = [
    formatTable(["model", "tokens", "with grammar tok/s", "without tok/s", "ratio", "per CPU s"], results.map((r) => [r.model, r.tokens as number, r.withGrammar, r.without, r.ratio, r.cpuRatio])),
    `grammarThroughputRatio ${result.grammarThroughputRatio} (${headline.model}; target >= 0.90), peak RSS ${(result.peakRssBytes! / 2 ** 20).toFixed(0)} MiB, chart ${chart}`
].join("\n");
printBenchResult(report, result, json);
