/**
 * The overhead of toolace-r's generation layer over node-llama-cpp:
 *   npm run bench -- engine [--json] [--repeat N] [--model PATH] [--no-larger] [--max-string-length N]
 *
 * On the same model and BFCL-sized request (three travel tools, tool_choice "required", one call:
 * parallel_tool_calls false, greedy, the call grammar), with the prompt in the KV cache of each side (so each run evaluates the
 * prompt's last token and generates the call), three ways generate the same tokens:
 *   raw:      node-llama-cpp's sequence.evaluate with a grammar evaluation state, until end of generation;
 *   turn:     toolace-r's generation loop, generateTurn (KV prefix matching, token meter, detokenizing);
 *   call:     ToolCallEngine.call with refine "off" (also rendering and tokenizing the prompt,
 *             looking the grammar up, parsing and validating the call, building the result).
 * Each way runs on a context of the same shape (2,048 tokens, one sequence, one thread: the engine's
 * own), gets the same warm-up (one untimed run that puts the prompt in its cache), and all three
 * must generate the same token ids on every run (sameTokens; the call's ids come from the engine's
 * onTurn hook). They alternate `repeat` times, in rotating order; tokens/s = generated tokens / wall seconds.
 * engineThroughputRatio = median per-run ratio turn / raw on the default model; callThroughputRatio
 * the same for call / raw; cpu* the same per CPU second of the process (less disturbed by other load).
 */
import os from "node:os";
import {getLlama, LlamaGrammar, LlamaGrammarEvaluationState, LlamaLogLevel, type LlamaContextSequence, type Token} from "node-llama-cpp";
import {ToolCallEngine} from "../src/engine/ToolCallEngine.js";
import {generateTurn} from "../src/engine/generateTurn.js";
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

type Way = "raw" | "turn" | "call";
const WAYS: Way[] = ["raw", "turn", "call"];

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const repeat = args.number("repeat", 9, 1);
const maxStringLength = args.number("max-string-length", 32, 1);
const maxTokens = 256;
const log = (line: string): void => {
    process.stderr.write(`bench engine: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const models = await benchModels({model: args.string("model"), larger: !args.flag("no-larger")});
const [request] = bfclSizedRequests(1, {distinctSystem: false});
const started = performance.now();

async function raw(sequence: LlamaContextSequence, grammar: LlamaGrammar, last: Token, cached: number): Promise<{tokens: Token[], ms: number}> {
    const begin = performance.now();
    await sequence.eraseContextTokenRanges([{start: cached, end: sequence.nextTokenIndex}]);
    const model = sequence.model;
    const tokens: Token[] = [];
    const iterator = sequence.evaluate([last], {temperature: 0, grammarEvaluationState: new LlamaGrammarEvaluationState({model, grammar}), yieldEogToken: true});
    try {
        for await (const token of iterator) {
            tokens.push(token);
            if (model.isEogToken(token) || tokens.length >= maxTokens) break;
        }
    } finally {
        await iterator.return();
    }
    return {tokens, ms: performance.now() - begin};
}

async function measureModel(model: BenchModel): Promise<{model: string, modelNote: string, tokens: number, tokensPerSecond: Record<Way, number>,
    engineThroughputRatio: number, callThroughputRatio: number, cpuEngineRatio: number, cpuCallRatio: number, sameTokens: boolean}> {
    let callTokens: readonly Token[] = [];
    const engine = await ToolCallEngine.load({model: model.path, llama, threads: 1, contextSize: 2048, sequences: 1, speculative: false, grammar: {maxStringLength, maxArrayItems: 4},
        onTurn: (turn) => { callTokens = turn.generated; }});
    // The same shape as the engine's context: one sequence of 2,048 tokens, one thread.
    const rawContext = await engine.model.createContext({contextSize: 2048, sequences: 1, threads: 1});
    const turnContext = await engine.model.createContext({contextSize: 2048, sequences: 1, threads: 1});
    const rawSequence = rawContext.getSequence();
    const turnSequence = turnContext.getSequence();
    try {
        const tools = normalizeTools(request!.tools);
        const grammar = new LlamaGrammar(llama, {grammar: buildCallGrammar(engine.format, tools, "required", {maxParallelCalls: 1, maxStringLength, maxArrayItems: 4})});
        const prompt = engine.tokenize(renderPrompt(engine.format, request!.messages as ChatMessage[], tools), true);
        await rawSequence.evaluateWithoutGeneratingNewTokens(prompt.slice(0, -1));
        const cached = rawSequence.nextTokenIndex;
        const call = {...request!, tool_choice: "required", parallel_tool_calls: false, refine: "off", max_tokens: maxTokens};
        // The same warm-up for all three: one untimed run each, which leaves the prompt in its cache.
        await engine.call(call);
        await generateTurn(turnSequence, prompt, {grammar, maxTokens});
        await raw(rawSequence, grammar, prompt[prompt.length - 1]!, cached);
        const runs: Record<Way, {tokens: number, ms: number, cpuMs: number}[]> = {raw: [], turn: [], call: []};
        let sameTokens = true;
        for (let run = 0; run < repeat; run++) {
            const order = [...WAYS.slice(run % 3), ...WAYS.slice(0, run % 3)];
            let reference: Token[] | undefined;
            for (const way of order) {
                const cpu = process.cpuUsage();
                const cpuMs = (): number => {
                    const used = process.cpuUsage(cpu);
                    return (used.user + used.system) / 1000;
                };
                if (way === "raw") {
                    const result = await raw(rawSequence, grammar, prompt[prompt.length - 1]!, cached);
                    runs.raw.push({tokens: result.tokens.length, ms: result.ms, cpuMs: cpuMs()});
                    if (reference !== undefined && reference.join() !== result.tokens.join()) sameTokens = false;
                    reference ??= result.tokens;
                } else if (way === "turn") {
                    const turn = await generateTurn(turnSequence, prompt, {grammar, maxTokens});
                    runs.turn.push({tokens: turn.generated.length, ms: turn.ms, cpuMs: cpuMs()});
                    if (reference !== undefined && reference.join() !== turn.generated.join()) sameTokens = false;
                    reference ??= turn.generated;
                } else {
                    const begin = performance.now();
                    const result = await engine.call(call);
                    runs.call.push({tokens: result.rounds[0]!.outputTokens, ms: performance.now() - begin, cpuMs: cpuMs()});
                    if (reference !== undefined && reference.join() !== callTokens.join()) sameTokens = false;
                    reference ??= [...callTokens];
                }
            }
        }
        const tps = (way: Way): number[] => runs[way].map((r) => (1000 * r.tokens) / r.ms);
        const ratio = (way: Way): number => median(tps(way).map((value, i) => value / tps("raw")[i]!));
        const perCpu = (way: Way): number[] => runs[way].map((r) => r.tokens / r.cpuMs);
        const cpuRatio = (way: Way): number => median(perCpu(way).map((value, i) => value / perCpu("raw")[i]!));
        log(`${model.name}: ${runs.raw[0]!.tokens} tokens; raw ${median(tps("raw")).toFixed(0)}, turn ${median(tps("turn")).toFixed(0)}, call ${median(tps("call")).toFixed(0)} tokens/s`);
        return {
            model: model.name, modelNote: model.note, tokens: runs.raw[0]!.tokens,
            tokensPerSecond: {raw: roundTo(median(tps("raw")), 1), turn: roundTo(median(tps("turn")), 1), call: roundTo(median(tps("call")), 1)},
            engineThroughputRatio: roundTo(ratio("turn"), 3), callThroughputRatio: roundTo(ratio("call"), 3),
            cpuEngineRatio: roundTo(cpuRatio("turn"), 3), cpuCallRatio: roundTo(cpuRatio("call"), 3), sameTokens
        };
    } finally {
        await rawContext.dispose();
        await turnContext.dispose();
        await engine.dispose();
    }
}

const results = [];
for (const model of models) results.push(await measureModel(model));
const headline = results[0]!;
const chart = await writeBenchChart("engine", {
    title: "toolace-r's generation layer vs node-llama-cpp (median tokens/s)",
    columns: 1,
    panels: [{
        title: "tokens/s generating the same call", unit: "tokens/s", categories: results.map((r) => r.model),
        series: [
            {name: "sequence.evaluate (raw)", values: results.map((r) => r.tokensPerSecond.raw)},
            {name: "generateTurn", values: results.map((r) => r.tokensPerSecond.turn)},
            {name: "ToolCallEngine.call", values: results.map((r) => r.tokensPerSecond.call)}
        ]
    }]
});
const result = {
    benchmark: "engine",
    engineThroughputRatio: headline.engineThroughputRatio,
    callThroughputRatio: headline.callThroughputRatio,
    engineThroughputRatioByModel: Object.fromEntries(results.map((r) => [r.model, r.engineThroughputRatio])),
    cpuEngineRatio: headline.cpuEngineRatio,
    cpuCallRatio: headline.cpuCallRatio,
    sameTokens: results.every((r) => r.sameTokens),
    peakRssBytes: peakRssBytes(),
    target: {engineThroughputRatio: ">= 0.95"},
    met: {engineThroughputRatio: headline.engineThroughputRatio >= 0.95},
    byModel: results,
    chart,
    setup: {repeat, maxStringLength, toolChoice: "required", threads: 1, seconds: roundTo((performance.now() - started) / 1000, 1),
        node: process.version, cores: os.availableParallelism(), loadAverage: os.loadavg().map((load) => roundTo(load, 2))}
};
const report = [
    formatTable(["model", "tokens", "raw tok/s", "generateTurn tok/s", "call tok/s", "turn/raw", "call/raw", "turn/raw per CPU s", "call/raw per CPU s"],
        results.map((r) => [r.model, r.tokens, r.tokensPerSecond.raw, r.tokensPerSecond.turn, r.tokensPerSecond.call, r.engineThroughputRatio, r.callThroughputRatio, r.cpuEngineRatio, r.cpuCallRatio])),
    `engineThroughputRatio ${result.engineThroughputRatio} (${headline.model}; target >= 0.95), callThroughputRatio ${result.callThroughputRatio}, same tokens: ${result.sameTokens}, ` +
    `peak RSS ${(result.peakRssBytes! / 2 ** 20).toFixed(0)} MiB, chart ${chart}`
].join("\n");
printBenchResult(report, result, json);
