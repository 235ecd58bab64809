/**
 * The OpenAI-compatible server under load, beside llama.cpp's own server:
 *   npm run bench -- serve [--json] [--model M] [--clients 1,4,16] [--duration S] [--slots N]
 *                          [--max-tokens N] [--soak N] [--soak-clients N] [--threads N]
 *
 * For each model (the default model and smollm2-135m-instruct, or `--model` alone), three servers
 * in turn, each in its own process with the same GGUF, `--slots` parallel slots (4) and every core
 * (llama-server: `--threads` = the cores; toolace-r: its own layout of the slots, see servingLayout):
 * llama-server (built from node-llama-cpp's bundled llama.cpp, `--jinja`), `toolace-r serve` with
 * `refine: off` (one pass, as llama-server does) and with adaptive refinement (the default).
 * Both get the same chat template: `--template NAME` (a template bundled with llama.cpp's source),
 * `--template model` (the GGUF's own), or `auto` (default): the default model keeps its own layout
 * (the one it was trained on; llama-server cannot know it and answers in text), other models get
 * Qwen-Qwen2.5-7B-Instruct, which renders tools (given a template without tool support, as
 * SmolLM2's own ChatML one is, llama-server drops the tools and answers in text).
 * Requests: weather and time questions with two tools (bench/support/serveRequests), `tool_choice`
 * named, required and auto; greedy, `--max-tokens` (256).
 * - Answers: every request once, in order: named tool_choice honoured (every call of the answer is
 *   the named tool) of those answered with 200, valid calls (arguments a JSON object), errors.
 * - Load (autocannon, the load generator of the Fastify project): for each client count, clients
 *   send requests back to back for `--duration` seconds: requests/s (completed 2xx / duration),
 *   p50 and p99 latency, errors (non-2xx, socket errors, timeouts).
 * - Time to first token, streaming: as many streaming clients as the client count, two requests
 *   each: the time to the first chunk carrying answer text or a tool-call delta (p50).
 * - Soak (toolace-r, `--soak-refine` (off), on the first model): `--soak` requests (10,000) from
 *   `--soak-clients` (4) clients, cycling the requests the model answers with 200 (a weak model runs
 *   some calls into max_tokens, the same 400 each time: the soak tests the server), the server's RSS
 *   sampled every second: errors, whether the server is still up, RSS growth from 10% of the way.
 */
import os from "node:os";
import autocannon from "autocannon";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels, type BenchModel} from "./support/benchModels.js";
import {buildLlamaTools} from "./support/buildLlamaTargets.js";
import {formatTable} from "./support/formatTable.js";
import {startLlamaServer} from "./support/llamaServerAnswerer.js";
import {median} from "./support/median.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";
import {rssSampler} from "./support/rssSampler.js";
import {type ServeRequest, serveRequests} from "./support/serveRequests.js";
import {startToolaceServer} from "./support/startToolaceServer.js";
import {streamFirstDelta} from "./support/streamFirstDelta.js";
import {DEFAULT_MODEL_PATH, resolveModelPath} from "../src/engine/resolveModelPath.js";
import {readBundledTemplate} from "../src/template/bundledTemplates.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const clientCounts = args.string("clients", "1,4,16").split(",").map(Number);
if (clientCounts.some((count) => !Number.isInteger(count) || count < 1)) throw new Error("--clients must be positive integers separated by commas");
const duration = args.number("duration", 12, 1);
const slots = args.number("slots", 4, 1);
const maxTokens = args.number("max-tokens", 256, 1);
const soakCount = args.number("soak", 10_000, 0);
const soakClients = args.number("soak-clients", 4, 1);
const soakRefine = args.string("soak-refine", "off");
const contextSize = 2048;
// The chat template both servers use: a bundled one with tool support by default, so that llama-server renders the tools too
// (given the default model's or SmolLM2's own ChatML template, which has none, it drops them and answers in text); `model`: the GGUF's own.
// `auto`: the default model keeps the layout it was trained on (llama-server, which cannot know it, answers it in text).
const templateChoice = args.string("template", "auto");
function templateFor(model: BenchModel): {name: string, args: string[]} {
    const name = templateChoice === "auto" ? (model.path === DEFAULT_MODEL_PATH ? "model" : "Qwen-Qwen2.5-7B-Instruct") : templateChoice;
    return name === "model" ? {name, args: []} : {name, args: ["--chat-template-file", readBundledTemplate(`${name}.jinja`).path]};
}
const log = (line: string): void => {
    process.stderr.write(`bench serve: ${line}\n`);
};

const models: BenchModel[] = args.string("model") !== undefined
    ? await benchModels({model: args.string("model"), larger: false})
    : [...await benchModels({larger: false}), {name: "smollm2-135m-instruct", path: await resolveModelPath("smollm2-135m-instruct"), note: "SmolLM2-135M-Instruct Q4_1 (catalog)"}];
const requests = serveRequests(32, {maxTokens});
const build = await buildLlamaTools({log});

type Point = {clients: number, requestsPerSecond: number, p50Ms: number, p99Ms: number, errors: number, completed: number, ttftP50Ms: number | undefined};
type Arm = {arm: string, namedHonoured: number, namedAnswered: number, named: number, validCalls: number, errors: number, requests: number, points: Point[]};

/** Every request once, in order: named choices honoured (of those answered), valid calls, errors, and the requests answered with 200. */
async function checkAnswers(base: string, bodies: readonly ServeRequest[] = requests): Promise<{namedHonoured: number, namedAnswered: number, named: number, validCalls: number, errors: number, answered: ServeRequest[]}> {
    let namedHonoured = 0;
    let namedAnswered = 0;
    let named = 0;
    let validCalls = 0;
    const answered: ServeRequest[] = [];
    for (const request of bodies) {
        const response = await fetch(`${base}/v1/chat/completions`, {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify(request.body)});
        const body = await response.json().catch(() => ({})) as {choices?: {message: {tool_calls?: {function: {name: string, arguments: string}}[]}}[]};
        if (response.status === 200) answered.push(request);
        const calls = response.status === 200 ? body.choices?.[0]?.message.tool_calls ?? [] : [];
        const valid = calls.length > 0 && calls.every((call) => parsesAsObject(call.function.arguments));
        if (valid) validCalls++;
        if (request.named !== undefined) {
            named++;
            if (response.status === 200) namedAnswered++;
            if (valid && calls.every((call) => call.function.name === request.named)) namedHonoured++;
        }
    }
    return {namedHonoured, namedAnswered, named, validCalls, errors: bodies.length - answered.length, answered};
}

function parsesAsObject(text: string): boolean {
    try {
        const value = JSON.parse(text) as unknown;
        return typeof value === "object" && value !== null && !Array.isArray(value);
    } catch {
        return false;
    }
}

async function load(base: string, clients: number, bodies: readonly ServeRequest[], amount?: number): Promise<autocannon.Result> {
    return autocannon({
        url: `${base}/v1/chat/completions`,
        connections: clients,
        ...(amount !== undefined ? {amount} : {duration}),
        timeout: 600,
        requests: bodies.map((request) => ({method: "POST", path: "/v1/chat/completions", headers: {"content-type": "application/json"}, body: JSON.stringify(request.body)}))
    });
}

async function firstTokens(base: string, clients: number): Promise<number | undefined> {
    const times: number[] = [];
    await Promise.all(Array.from({length: clients}, async (_, client) => {
        for (let k = 0; k < 2; k++) {
            const request = requests[(client * 2 + k) % requests.length]!;
            // An error answer has no first token; the load figures count errors.
            const {firstMs} = await streamFirstDelta(`${base}/v1/chat/completions`, request.body).catch(() => ({firstMs: undefined}));
            if (firstMs !== undefined) times.push(firstMs);
        }
    }));
    return times.length === 0 ? undefined : roundTo(median(times), 1);
}

async function measure(arm: string, base: string): Promise<Arm> {
    log(`${arm}: answers (named tool_choice)`);
    const {answered: _answered, ...checked} = await checkAnswers(base);
    const points: Point[] = [];
    for (const clients of clientCounts) {
        log(`${arm}: ${clients} clients for ${duration} s`);
        const result = await load(base, clients, requests);
        const ok = result["2xx"];
        const ttftP50Ms = await firstTokens(base, clients);
        points.push({clients, requestsPerSecond: roundTo(ok / duration, 2), p50Ms: result.latency.p50, p99Ms: result.latency.p99,
            errors: result.non2xx + result.errors + result.timeouts, completed: ok, ttftP50Ms});
    }
    return {arm, ...checked, requests: requests.length, points};
}

const results: {model: string, note: string, template: string, threads: number, arms: Arm[]}[] = [];
for (const model of models) {
    // llama-server decodes all its slots in one context: it gets every core; toolace-r serve lays its slots out itself (servingLayout), on as many cores.
    const threads = args.number("threads", os.availableParallelism(), 1);
    const arms: Arm[] = [];
    const template = templateFor(model);
    const templateArgs = template.args;
    log(`${model.name}: llama-server, ${slots} slots, ${threads} threads, chat template ${template.name}`);
    const llama = await startLlamaServer({binary: build.binaries["llama-server"]!, libraryDir: build.libraryDir, model: model.path, threads, contextSize, parallel: slots, extraArgs: templateArgs});
    try {
        arms.push(await measure("llama-server", llama.base));
    } finally {
        await llama.close();
    }
    for (const refine of ["off", "adaptive"]) {
        log(`${model.name}: toolace-r serve, refine ${refine}`);
        const server = await startToolaceServer(["--model", model.path, "--parallel", String(slots), "--ctx", String(contextSize), "--refine", refine, ...templateArgs]);
        try {
            arms.push(await measure(`toolace-r (refine ${refine})`, server.base));
        } finally {
            await server.close();
        }
    }
    results.push({model: model.name, note: model.note, template: template.name, threads, arms});
}

let soak: Record<string, unknown> | undefined;
if (soakCount > 0) {
    const model = models[0]!;
    const template = templateFor(model);
    log(`soak: ${soakCount} requests, ${soakClients} clients, ${model.name}, toolace-r refine ${soakRefine}, chat template ${template.name}`);
    const server = await startToolaceServer(["--model", model.path, "--parallel", String(slots), "--ctx", String(contextSize), "--refine", soakRefine, ...template.args]);
    // The soak tests the server, not the model: it cycles the requests the model answers (a weak model runs some
    // calls into max_tokens, a 400 that the same request gets every time).
    const {answered} = await checkAnswers(server.base);
    const rss = rssSampler(server.pid);
    const started = performance.now();
    let result: autocannon.Result;
    try {
        result = await load(server.base, soakClients, answered, soakCount);
    } finally {
        rss.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const alive = await fetch(`${server.base}/health`).then((response) => response.status === 200, () => false);
    const exitCode = await server.close();
    const samples = rss.samples;
    const warm = samples[Math.floor(samples.length / 10)] ?? samples[0]!;
    const last = samples[samples.length - 1]!;
    const peak = Math.max(...samples.map((sample) => sample.bytes));
    soak = {model: model.name, template: template.name, refine: soakRefine, requestSet: answered.length, requestSetExcluded: requests.length - answered.length, requests: soakCount, clients: soakClients, completed: result["2xx"], errors: result.non2xx + result.errors + result.timeouts,
        seconds: roundTo(seconds, 1), aliveAfter: alive, exitCode, rssWarmMiB: roundTo(warm.bytes / 2 ** 20, 1), rssEndMiB: roundTo(last.bytes / 2 ** 20, 1),
        rssPeakMiB: roundTo(peak / 2 ** 20, 1), rssGrowth: roundTo(last.bytes / warm.bytes - 1, 4), samples: samples.length};
}

const rows: (string | number)[][] = [];
for (const entry of results) {
    const reference = entry.arms[0]!;
    for (const arm of entry.arms)
        for (const point of arm.points) {
            const base = reference.points.find((p) => p.clients === point.clients)!;
            rows.push([entry.model, arm.arm, point.clients, point.requestsPerSecond, arm === reference ? "" : base.requestsPerSecond > 0 ? roundTo(point.requestsPerSecond / base.requestsPerSecond, 2) : "∞",
                point.p50Ms, point.p99Ms, point.ttftP50Ms ?? "-", point.errors, `${arm.namedHonoured}/${arm.namedAnswered} (${arm.named})`, `${arm.validCalls}/${arm.requests}`]);
        }
}
const ratios = Object.fromEntries(results.map((entry) => [entry.model, Object.fromEntries(entry.arms.slice(1).map((arm) => [arm.arm,
    Object.fromEntries(arm.points.map((point) => {
        const base = entry.arms[0]!.points.find((p) => p.clients === point.clients)!;
        return [String(point.clients), base.requestsPerSecond > 0 ? roundTo(point.requestsPerSecond / base.requestsPerSecond, 3) : null];
    }))]))]));
const report = [
    `serve under load: chat template ${results.map((entry) => `${entry.model}: ${entry.template}`).join(", ")}; ${slots} slots, ${duration} s per point, ${requests.length} requests cycled, max_tokens ${maxTokens}, ${os.availableParallelism()} cores`,
    formatTable(["model", "server", "clients", "req/s", "× llama-server", "p50 ms", "p99 ms", "TTFT p50 ms", "errors", "named honoured/answered (sent)", "valid calls"], rows),
    ...(soak === undefined ? [] : [`soak (${soak.model}, refine ${soak.refine}, the ${soak.requestSet} of ${requests.length} requests the model answers): ${soak.completed}/${soak.requests} requests answered, ${soak.errors} errors in ${soak.seconds} s, server ${soak.aliveAfter ? "up" : "DOWN"} after; RSS ${soak.rssWarmMiB} MiB at 10% → ${soak.rssEndMiB} MiB at the end (growth ${roundTo(Number(soak.rssGrowth) * 100, 2)}%, peak ${soak.rssPeakMiB} MiB)`])
].join("\n");
printBenchResult(report, {benchmark: "serve", slots, duration, maxTokens, results, ratios, soak}, json);
