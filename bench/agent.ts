/**
 * Agent mode on consecutive requests with the same tools:
 *   npm run bench -- agent [--json] [--requests N] [--model PATH] [--max-string-length N] [--refine MODE]
 *
 * Starts `toolace-r agent` (one sequence, one thread) and sends BFCL-sized requests (the same three
 * travel tools and system prompt, a different user question each) one after another, each once the
 * previous one is answered. The agent keeps the KV cache of its sequence between requests, so a
 * request evaluates only what differs from the one before: agentPrefixShare = input tokens of the
 * second request's round 0 / those of the first's (the median over requests 2..N is reported too).
 * Peak RSS is the agent process's (VmHWM, read before it exits).
 */
import {spawn} from "node:child_process";
import os from "node:os";
import path from "node:path";
import {createInterface} from "node:readline";
import {PACKAGE_ROOT} from "../src/engine/resolveModelPath.js";
import type {CallResult} from "../src/engine/CallResult.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels} from "./support/benchModels.js";
import {bfclSizedRequests} from "./support/bfclSizedRequests.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {roundTo} from "./support/roundTo.js";
import {peakRssBytes} from "./support/peakRssBytes.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {writeBenchChart} from "./support/writeBenchChart.js";

type Reply = {id: string} & Partial<CallResult> & {error?: {code: string, message: string}};

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const requestCount = args.number("requests", 5, 2);
const maxStringLength = args.number("max-string-length", 32, 1);
const refine = args.string("refine", "adaptive");
const log = (line: string): void => {
    process.stderr.write(`bench agent: ${line}\n`);
};

const [model] = await benchModels({model: args.string("model"), larger: false});
const requests = bfclSizedRequests(requestCount, {distinctSystem: false});
const cli = path.join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const started = performance.now();
const child = spawn(process.execPath, [cli, "agent", "--model", model!.path, "--parallel", "1", "--threads", "1", "--ctx", "2048", "--max-string-length", String(maxStringLength)],
    {stdio: ["pipe", "pipe", "pipe"]});
let stderr = "";
child.stderr.setEncoding("utf8").on("data", (chunk: string) => { stderr += chunk; });
const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
const lines = createInterface({input: child.stdout})[Symbol.asyncIterator]();

const replies: {reply: Reply, ms: number}[] = [];
let agentPeak: number | undefined;
try {
    for (const [index, request] of requests.entries()) {
        const id = `r${index + 1}`;
        const begin = performance.now();
        child.stdin.write(`${JSON.stringify({id, ...request, tool_choice: "auto", refine: /^\d+$/.test(refine) ? Number(refine) : refine, max_tokens: 256})}\n`);
        const line = await lines.next();
        if (line.done === true) throw new Error(`the agent ended before answering ${id}: ${stderr.slice(-2000)}`);
        const reply = JSON.parse(line.value) as Reply;
        if (reply.error !== undefined) throw new Error(`the agent answered ${id} with ${reply.error.code}: ${reply.error.message}`);
        replies.push({reply, ms: performance.now() - begin});
        log(`${id}: round 0 evaluated ${reply.rounds?.[0]?.inputTokens} input tokens, ${reply.rounds?.length} rounds, ${(performance.now() - begin).toFixed(0)} ms`);
        agentPeak = peakRssBytes(child.pid!) ?? agentPeak;
    }
} finally {
    child.stdin.end();
}
const exitCode = await exited;

const firstInput = replies[0]!.reply.rounds![0]!.inputTokens;
const shares = replies.slice(1).map(({reply}) => reply.rounds![0]!.inputTokens / firstInput);
const rows = replies.map(({reply, ms}, index) => ({
    request: index + 1,
    round0InputTokens: reply.rounds![0]!.inputTokens,
    inputTokens: reply.rounds!.reduce((sum, round) => sum + round.inputTokens, 0),
    outputTokens: reply.rounds!.reduce((sum, round) => sum + round.outputTokens, 0),
    rounds: reply.rounds!.length,
    stop: reply.stop,
    ms: Math.round(ms)
}));
const chart = await writeBenchChart("agent", {
    title: `Agent mode: ${requests.length} consecutive requests with the same tools`,
    columns: 2,
    panels: [
        {title: "input tokens evaluated by round 0", unit: "tokens", categories: rows.map((r) => `#${r.request}`), series: [{name: "round 0 input tokens", values: rows.map((r) => r.round0InputTokens)}]},
        {title: "wall ms per request (all rounds)", unit: "ms", categories: rows.map((r) => `#${r.request}`), series: [{name: "request ms", values: rows.map((r) => r.ms)}]}
    ]
});
const agentPrefixShare = roundTo(shares[0]!, 3);
const result = {
    benchmark: "agent",
    agentPrefixShare,
    medianPrefixShare: roundTo(median(shares), 3),
    maxPrefixShare: roundTo(Math.max(...shares), 3),
    peakRssBytes: agentPeak ?? null,
    benchPeakRssBytes: peakRssBytes(),
    target: {agentPrefixShare: "<= 0.10"},
    met: {agentPrefixShare: agentPrefixShare <= 0.10},
    requests: rows,
    agentExitCode: exitCode,
    chart,
    setup: {model: model!.note, parallel: 1, threads: 1, refine, toolChoice: "auto", maxStringLength, seconds: roundTo((performance.now() - started) / 1000, 1),
        node: process.version, cores: os.availableParallelism(), loadAverage: os.loadavg().map((load) => roundTo(load, 2))}
};
const report = [
    formatTable(["request", "round 0 input", "input (all rounds)", "output", "rounds", "stop", "ms"],
        rows.map((r) => [r.request, r.round0InputTokens, r.inputTokens, r.outputTokens, r.rounds, r.stop ?? "", r.ms])),
    `agentPrefixShare ${result.agentPrefixShare} (request 2 / request 1, round 0 input tokens; target <= 0.10), median over requests 2-${rows.length} ${result.medianPrefixShare}, ` +
    `agent peak RSS ${agentPeak === undefined ? "n/a" : `${(agentPeak / 2 ** 20).toFixed(0)} MiB`}, chart ${chart}`
].join("\n");
printBenchResult(report, result, json);
process.exitCode = exitCode === 0 ? 0 : 1;
