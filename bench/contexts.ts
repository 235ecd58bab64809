/**
 * What parallel contexts buy an evaluation or a sampling run:
 *   npm run bench -- contexts [--json] [--model PATH] [--requests N] [--repeat N] [--contexts 2]
 *
 * The same `requests` BFCL-sized requests (three travel tools, each with its own system message so
 * no request reuses another's prompt), greedy with adaptive refinement (at most 3 rounds), are
 * answered by an engine of one context and by one of `--contexts` contexts (one thread each, as
 * small models run fastest), each request on a free sequence, as `eval` and `train iterate` run
 * them. The two alternate `repeat` times; requests/s = requests / wall seconds of the run.
 * contextsSpeedup is the median per-pair ratio; sameAnswers says whether every request got the
 * same rounds from both (it must: contexts change where a request runs, not what it answers).
 */
import os from "node:os";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {ToolCallEngine} from "../src/engine/ToolCallEngine.js";
import type {CallResult} from "../src/engine/CallResult.js";
import {forEachConcurrently} from "../src/util/forEachConcurrently.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels} from "./support/benchModels.js";
import {bfclSizedRequests} from "./support/bfclSizedRequests.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {peakRssBytes} from "./support/peakRssBytes.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const count = args.number("requests", 24, 1);
const repeat = args.number("repeat", 3, 1);
const parallel = args.number("contexts", Math.max(2, Math.min(4, os.availableParallelism())), 2);
const log = (line: string): void => {
    process.stderr.write(`bench contexts: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const [model] = await benchModels({model: args.string("model"), larger: false});
const requests = bfclSizedRequests(count, {distinctSystem: true});
const started = performance.now();

type Run = {ms: number, perSecond: number, answers: string[]};

/** Answers every request on the engine, as many at once as it has sequences. */
async function run(engine: ToolCallEngine): Promise<Run> {
    const answers: string[] = new Array<string>(requests.length);
    const begin = performance.now();
    await forEachConcurrently(requests, engine.slots, async (request, index) => {
        const result: CallResult = await engine.call({...request, refine: "adaptive", max_rounds: 3, max_tokens: 256});
        answers[index] = JSON.stringify(result.rounds.map((round) => [round.tool_calls.map((call) => call.function), round.content]));
    });
    const ms = performance.now() - begin;
    return {ms, perSecond: (1000 * requests.length) / ms, answers};
}

const engines = [
    await ToolCallEngine.load({model: model!.path, llama, threads: 1, contexts: 1, contextSize: 2048, grammar: {maxStringLength: 32, maxArrayItems: 4}}),
    await ToolCallEngine.load({model: model!.path, llama, threads: 1, contexts: parallel, contextSize: 2048, grammar: {maxStringLength: 32, maxArrayItems: 4}})
];
const pairs: {one: Run, many: Run}[] = [];
try {
    // Warm-up: the first requests of an engine compile grammars and measure draft margins.
    for (const engine of engines) await run(engine);
    for (let index = 0; index < repeat; index++) {
        const order = index % 2 === 0 ? [0, 1] : [1, 0];
        const runs: Run[] = [];
        for (const which of order) runs[which] = await run(engines[which]!);
        pairs.push({one: runs[0]!, many: runs[1]!});
        log(`run ${index + 1}: 1 context ${runs[0]!.perSecond.toFixed(2)} requests/s, ${parallel} contexts ${runs[1]!.perSecond.toFixed(2)} requests/s`);
    }
} finally {
    for (const engine of engines) await engine.dispose();
}

const speedup = median(pairs.map((pair) => pair.many.perSecond / pair.one.perSecond));
const sameAnswers = pairs.every((pair) => pair.one.answers.every((answer, index) => answer === pair.many.answers[index]));
const oneRate = median(pairs.map((pair) => pair.one.perSecond));
const manyRate = median(pairs.map((pair) => pair.many.perSecond));
const cores = os.availableParallelism();
const target = Math.min(parallel, cores) >= 2 ? 1.5 : 1;
const result = {
    benchmark: "contexts",
    contextsSpeedup: roundTo(speedup, 3),
    sameAnswers,
    requestsPerSecond: {oneContext: roundTo(oneRate, 3), [`contexts${parallel}`]: roundTo(manyRate, 3)},
    peakRssBytes: peakRssBytes(),
    target: {contextsSpeedup: `>= ${target} (${parallel} contexts on ${cores} cores)`, sameAnswers: true},
    met: {contextsSpeedup: speedup >= target, sameAnswers},
    runs: pairs.map((pair) => ({oneContextMs: roundTo(pair.one.ms, 1), manyContextsMs: roundTo(pair.many.ms, 1)})),
    setup: {model: model!.name, modelNote: model!.note, requests: count, repeat, contexts: parallel, threadsPerContext: 1, refine: "adaptive, at most 3 rounds",
        seconds: roundTo((performance.now() - started) / 1000, 1), node: process.version, cores, loadAverage: os.loadavg().map((load) => roundTo(load, 2))}
};
const report = [
    formatTable(["contexts", "requests/s (median)", "wall ms per run"], [
        [1, roundTo(oneRate, 3), pairs.map((pair) => roundTo(pair.one.ms, 0)).join(" / ")],
        [parallel, roundTo(manyRate, 3), pairs.map((pair) => roundTo(pair.many.ms, 0)).join(" / ")]
    ]),
    `contextsSpeedup ${result.contextsSpeedup} (target ${result.target.contextsSpeedup}), same answers: ${sameAnswers}, peak RSS ${(result.peakRssBytes! / 2 ** 20).toFixed(0)} MiB`
].join("\n");
printBenchResult(report, result, json);
