/**
 * Reliability under bad input, load and faults:
 *   npm run bench -- reliability [--json] [--requests N] [--parallel N] [--schemas N] [--llama-every K]
 *                                [--samples N] [--sigterm-requests N] [--seed S] [--skip-soak] [--skip-fuzz]
 *                                [--agent-env KEY=VALUE]...
 *
 * 1. Soak: `toolace-r agent --parallel 4` on the tiny generated spm model (no chat template: the
 *    generic format) gets `requests` seeded lines over stdin (bench/support/soakRequest.ts: about
 *    55% valid requests with varied tools, tool_choice modes, refinement and sampling; the rest
 *    malformed or truncated JSON, bad and mistyped fields, invalid UTF-8, 1 MB messages, lines over
 *    8 MiB, huge numbers, unknown tool_choice names, unsatisfiable, cyclic, too deep or exponential
 *    schemas, tools larger than the context), plus blank lines, which are not requests. Every
 *    request must be answered exactly once with its id (lines whose id cannot be read: anonymously,
 *    as many as were sent) and with the expected error code (valid ones: a result, or
 *    output_truncated, which a random model may earn); no `internal` errors; exit 0 at EOF. The
 *    agent's resident memory (VmRSS of /proc/PID/status, sampled every 100 ms) after warm-up (the
 *    first 25% of the requests) must stay within +10% of its level right after warm-up: rssGrowth
 *    compares the median over the last 10% of the run with the median while the 10% after
 *    warm-up are answered; rssPeakGrowth (reported, not checked) the highest sample after warm-up.
 * 2. SIGTERM: a second agent gets valid requests with stdin left open and SIGTERM after a few
 *    replies: it must stop reading, answer the requests in flight, report the count it answered
 *    and exit 0.
 * 3. Schema fuzzing: `schemas` seeded random tool schemas (test/reliability/fuzzToolSchemas.ts);
 *    each must be rejected with a clear ToolSchemaError or compile to a grammar whose drawn texts
 *    validate (ajv on the raw and normalised schema, validateArguments) or, where the grammar relaxed
 *    the raw schema (RelaxedKeyword), break it only with a violation schemaViolations reports; llama.cpp parses the
 *    grammar and matches the texts of every `llama-every`-th schema (default 1: all of them).
 * Prints one JSON object; exits 1 when a check fails.
 */
import {spawn, type ChildProcessWithoutNullStreams} from "node:child_process";
import {once} from "node:events";
import {readFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {createTestModel} from "../test/helpers/testModels.js";
import {fuzzToolSchemas} from "../test/reliability/fuzzToolSchemas.js";
import {seededRandom} from "../test/tools/gbnfSample.js";
import {type SoakRequest, soakRequest} from "./support/soakRequest.js";
import {roundTo} from "./support/roundTo.js";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/cli/main.js");

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(`--${name}`);
    const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
    return value;
}

/** `--agent-env KEY=VALUE` (repeatable): environment of the agent processes, e.g. MALLOC_ARENA_MAX=2. */
const agentEnv: Record<string, string> = Object.fromEntries(process.argv.flatMap((arg, i) => {
    const next = process.argv[i + 1];
    if (arg !== "--agent-env" || next === undefined || !next.includes("=")) return [];
    return [[next.slice(0, next.indexOf("=")), next.slice(next.indexOf("=") + 1)]];
}));

const log = (line: string): void => {
    process.stderr.write(`bench reliability: ${line}\n`);
};

const round = (value: number, digits = 3): number => roundTo(value, digits);

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
}

interface Reply {
    id: unknown;
    error?: {code: string, message: string};
    tool_calls?: unknown[];
}

interface RssSample {ms: number, kib: number, answered: number}

/** A running `toolace-r agent`: its replies as they come, stderr, RSS samples, and its exit. */
class AgentProcess {
    public readonly child: ChildProcessWithoutNullStreams;
    public readonly replies: Reply[] = [];
    public readonly rss: RssSample[] = [];
    public unparsableLines = 0;
    public stderr = "";
    public readonly exited: Promise<{code: number | null, signal: NodeJS.Signals | null}>;
    private readonly started = performance.now();
    private readonly waiters: {count: number, resolve: () => void}[] = [];
    private pending = "";

    public constructor(model: string, parallel: number) {
        this.child = spawn(process.execPath, [cli, "agent", "--model", model, "--parallel", String(parallel), "--max-string-length", "8"],
            {stdio: ["pipe", "pipe", "pipe"], env: {...process.env, ...agentEnv}});
        this.child.stdin.on("error", () => undefined); // EPIPE when the agent is gone: the exit status tells
        this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => this.onData(chunk));
        this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => { this.stderr += chunk; });
        const sampler = setInterval(() => this.sample(), 100);
        this.exited = new Promise((resolve) => this.child.on("exit", (code, signal) => {
            clearInterval(sampler);
            resolve({code, signal});
        }));
    }

    /** Resolves once `count` replies have come (or the agent exits). */
    public async waitForReplies(count: number): Promise<void> {
        if (this.replies.length >= count) return;
        await Promise.race([new Promise<void>((resolve) => this.waiters.push({count, resolve})), this.exited]);
    }

    public async send(line: Buffer): Promise<void> {
        if (this.child.stdin.destroyed) return;
        if (!this.child.stdin.write(Buffer.concat([line, Buffer.from("\n")]))) await Promise.race([once(this.child.stdin, "drain"), this.exited]);
    }

    private onData(chunk: string): void {
        this.pending += chunk;
        let newline: number;
        while ((newline = this.pending.indexOf("\n")) >= 0) {
            const text = this.pending.slice(0, newline);
            this.pending = this.pending.slice(newline + 1);
            try {
                this.replies.push(JSON.parse(text) as Reply);
            } catch {
                this.unparsableLines++;
            }
        }
        for (const waiter of this.waiters.filter((w) => this.replies.length >= w.count)) {
            this.waiters.splice(this.waiters.indexOf(waiter), 1);
            waiter.resolve();
        }
    }

    private sample(): void {
        try {
            const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
            const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
            if (kib > 0) this.rss.push({ms: performance.now() - this.started, kib, answered: this.replies.length});
        } catch {
            // the process is gone
        }
    }
}

function replyCode(reply: Reply): string {
    return reply.error === undefined ? "ok" : reply.error.code;
}

async function soak(model: string, count: number, parallel: number, seed: number): Promise<Record<string, unknown> & {ok: boolean, crashes: number}> {
    const random = seededRandom(seed);
    const requests: SoakRequest[] = Array.from({length: count}, (_, index) => soakRequest(random, index));
    const byId = new Map(requests.filter((request) => request.id !== null).map((request) => [request.id!, request]));
    const kinds: Record<string, number> = {};
    for (const request of requests) kinds[request.kind] = (kinds[request.kind] ?? 0) + 1;
    log(`soak: ${count} requests (${kinds.valid ?? 0} valid, ${Object.keys(kinds).length - 1} kinds of bad input), parallel ${parallel}`);

    const started = performance.now();
    const agent = new AgentProcess(model, parallel);
    let blankLines = 0;
    for (const [index, request] of requests.entries()) {
        await agent.send(request.line);
        if (index % 97 === 0) {
            await agent.send(Buffer.from(index % 2 === 0 ? "" : "  \r"));
            blankLines++;
        }
        if (index % 200 === 0) log(`soak: sent ${index}, answered ${agent.replies.length}`);
    }
    agent.child.stdin.end();
    const exit = await agent.exited;
    const seconds = (performance.now() - started) / 1000;

    const answeredIds = new Map<string, number>();
    const mismatches: string[] = [];
    let unknownIds = 0;
    const anonymousGot: Record<string, number> = {};
    const codes: Record<string, number> = {};
    for (const reply of agent.replies) {
        const code = replyCode(reply);
        codes[code] = (codes[code] ?? 0) + 1;
        if (reply.id === null) {
            anonymousGot[code] = (anonymousGot[code] ?? 0) + 1;
            continue;
        }
        const request = typeof reply.id === "string" ? byId.get(reply.id) : undefined;
        if (request === undefined) {
            unknownIds++;
            continue;
        }
        answeredIds.set(request.id!, (answeredIds.get(request.id!) ?? 0) + 1);
        if (!request.expect.includes(code) && mismatches.length < 200)
            mismatches.push(`${request.id} (${request.kind}): expected ${request.expect.join(" or ")}, got ${code}${reply.error ? `: ${reply.error.message.slice(0, 160)}` : ""}`);
    }
    const anonymousExpected: Record<string, number> = {};
    for (const request of requests.filter((r) => r.id === null)) anonymousExpected[request.expect[0]!] = (anonymousExpected[request.expect[0]!] ?? 0) + 1;
    const duplicates = [...answeredIds.values()].filter((n) => n > 1).length;
    const missing = [...byId.keys()].filter((id) => !answeredIds.has(id));
    const anonymousMatch = JSON.stringify(Object.entries(anonymousExpected).sort()) === JSON.stringify(Object.entries(anonymousGot).sort());
    const internal = codes.internal ?? 0;
    const summary = /(\d+) requests answered/.exec(agent.stderr);

    // Memory after warm-up (the first 25% of the requests answered, while the agent's native heap
    // grows to its working size: glibc arenas of llama.cpp's threads, grammars, KV cache pages),
    // relative to its level right after warm-up (the median while the next 10% are answered).
    // rssGrowth compares the median over the last 10% with it (what a leak would raise);
    // rssPeakGrowth the highest sample after warm-up (transient: a request of megabytes is parsed
    // in memory, and the allocator keeps some of what it frees).
    const warmup = Math.ceil(count / 4);
    const tenth = Math.ceil(count / 10);
    const baseline = median(agent.rss.filter((s) => s.answered >= warmup && s.answered < warmup + tenth).map((s) => s.kib));
    const final = median(agent.rss.filter((s) => s.answered >= count - tenth).map((s) => s.kib));
    const peakAfter = Math.max(...agent.rss.filter((s) => s.answered >= warmup).map((s) => s.kib));
    const peak = Math.max(...agent.rss.map((s) => s.kib));
    const rssGrowth = (final - baseline) / baseline;
    const byDecile = Array.from({length: 10}, (_, decile) => {
        const inDecile = agent.rss.filter((s) => Math.min(9, Math.floor((10 * s.answered) / count)) === decile).map((s) => s.kib);
        return inDecile.length === 0 ? null : {medianMiB: round(median(inDecile) / 1024, 1), peakMiB: round(Math.max(...inDecile) / 1024, 1)};
    });

    const answered = agent.replies.length;
    const checks = {
        exitedZero: exit.code === 0 && exit.signal === null,
        everyIdAnsweredOnce: missing.length === 0 && duplicates === 0 && unknownIds === 0,
        anonymousRepliesMatch: anonymousMatch,
        expectedCodes: mismatches.length === 0,
        noInternalErrors: internal === 0,
        repliesAreJson: agent.unparsableLines === 0,
        summaryCountMatches: summary !== null && Number(summary[1]) === answered,
        rssWithin10Percent: rssGrowth <= 0.10
    };
    log(`soak: ${answered} replies in ${seconds.toFixed(1)} s, exit ${exit.code ?? exit.signal}, RSS after warm-up ${(baseline / 1024).toFixed(1)} -> ${(final / 1024).toFixed(1)} MiB at the end (peak ${(peakAfter / 1024).toFixed(1)})`);
    return {
        ok: Object.values(checks).every(Boolean),
        crashes: (checks.exitedZero ? 0 : 1) + internal,
        requests: count, answered, validRequests: kinds.valid ?? 0, badInputsTried: count - (kinds.valid ?? 0), badInputKinds: kinds, blankLines,
        replyCodes: codes, anonymousExpected, anonymousGot, duplicates, missing: missing.length, unknownIds, internalErrors: internal,
        mismatches: mismatches.length, mismatchExamples: mismatches.slice(0, 10), unparsableReplyLines: agent.unparsableLines,
        exit, seconds: round(seconds, 1), requestsPerSecond: round(count / seconds, 1),
        rss: {
            warmupRequests: warmup, baselineMiB: round(baseline / 1024, 1), finalMiB: round(final / 1024, 1), growth: round(rssGrowth, 4),
            peakAfterWarmupMiB: round(peakAfter / 1024, 1), peakGrowth: round((peakAfter - baseline) / baseline, 4), peakMiB: round(peak / 1024, 1),
            samples: agent.rss.length, byDecile
        },
        checks
    };
}

async function sigterm(model: string, count: number, parallel: number, seed: number): Promise<Record<string, unknown> & {ok: boolean, crashes: number}> {
    const random = seededRandom(seed);
    const requests: SoakRequest[] = [];
    for (let index = 0; requests.length < count; index++) {
        const request = soakRequest(random, index);
        if (request.kind === "valid") requests.push(request);
    }
    const started = performance.now();
    const agent = new AgentProcess(model, parallel);
    for (const request of requests) await agent.send(request.line);
    // stdin stays open: the agent must stop because of the signal, not because the input ended
    const before = Math.min(8, count - 1);
    await agent.waitForReplies(before);
    const answeredBeforeSignal = agent.replies.length;
    agent.child.kill("SIGTERM");
    const exit = await agent.exited;
    agent.child.stdin.destroy();
    const ids = agent.replies.map((reply) => reply.id);
    const sent = new Set(requests.map((request) => request.id));
    const summary = /(\d+) requests answered/.exec(agent.stderr);
    const unexpected = agent.replies.filter((reply) => !["ok", "output_truncated"].includes(replyCode(reply)));
    const answered = agent.replies.length;
    const checks = {
        exitedZero: exit.code === 0 && exit.signal === null,
        inFlightAnswered: answered > answeredBeforeSignal,
        stoppedReading: answered < count,
        distinctKnownIds: new Set(ids).size === ids.length && ids.every((id) => typeof id === "string" && sent.has(id)),
        onlyResults: unexpected.length === 0,
        summaryCountMatches: summary !== null && Number(summary[1]) === answered
    };
    log(`sigterm: ${answeredBeforeSignal} replies before SIGTERM, ${answered} in all, exit ${exit.code ?? exit.signal}`);
    return {
        ok: Object.values(checks).every(Boolean), crashes: checks.exitedZero ? 0 : 1,
        sent: count, answeredBeforeSignal, answered, answeredAfterSignal: answered - answeredBeforeSignal, exit,
        summary: summary?.[0] ?? null, unexpectedCodes: unexpected.map(replyCode), seconds: round((performance.now() - started) / 1000, 1), checks
    };
}

const json = process.argv.includes("--json");
const requestCount = option("requests", 2000);
const parallel = option("parallel", 4);
const schemaCount = option("schemas", 10_000);
const llamaEvery = Math.max(1, option("llama-every", 1));
const samplesPerSchema = option("samples", 4);
const sigtermCount = option("sigterm-requests", 40);
const seed = option("seed", 1);
const load = [os.loadavg()[0]!];

const model = await createTestModel("spm-tiny");
const soakResult = process.argv.includes("--skip-soak") ? undefined : await soak(model, requestCount, parallel, seed);
const sigtermResult = process.argv.includes("--skip-soak") ? undefined : await sigterm(model, sigtermCount, parallel, seed + 1);
load.push(os.loadavg()[0]!);

let fuzz: Record<string, unknown> & {crashes: number, invalidOutputs: number, schemas: number} | undefined;
if (!process.argv.includes("--skip-fuzz")) {
    log(`fuzzing ${schemaCount} schemas (${samplesPerSchema} texts each; llama.cpp on every ${llamaEvery === 1 ? "" : `${llamaEvery}th `}one)`);
    const started = performance.now();
    const tally = await fuzzToolSchemas({count: schemaCount, seed, samplesPerSchema, llamaEvery});
    fuzz = {...tally, seconds: round((performance.now() - started) / 1000, 1), llamaEvery, samplesPerSchema};
    log(`fuzz: ${tally.compiled} compiled, ${tally.rejected} rejected, ${tally.crashes} crashes, ${tally.invalidOutputs} invalid outputs`);
}
load.push(os.loadavg()[0]!);

const crashes = (soakResult?.crashes ?? 0) + (sigtermResult?.crashes ?? 0) + (fuzz?.crashes ?? 0);
const ok = (soakResult?.ok ?? true) && (sigtermResult?.ok ?? true) && (fuzz === undefined || (fuzz.crashes === 0 && fuzz.invalidOutputs === 0));
const result = {
    benchmark: "reliability",
    ok,
    requests: soakResult?.requests ?? 0,
    answered: soakResult?.answered ?? 0,
    crashes,
    rssGrowth: (soakResult?.rss as {growth: number} | undefined)?.growth ?? null,
    rssPeakGrowth: (soakResult?.rss as {peakGrowth: number} | undefined)?.peakGrowth ?? null,
    badInputsTried: soakResult?.badInputsTried ?? 0,
    schemasFuzzed: fuzz?.schemas ?? 0,
    invalidOutputs: fuzz?.invalidOutputs ?? 0,
    peakRssMiB: (soakResult?.rss as {peakMiB: number} | undefined)?.peakMiB ?? null,
    soakSeconds: soakResult?.seconds ?? null,
    fuzzSeconds: fuzz?.seconds ?? null,
    soak: soakResult,
    sigterm: sigtermResult,
    fuzz,
    setup: {
        model: `spm-tiny (${path.basename(model)}), generic chat format, --parallel ${parallel} --max-string-length 8`,
        agentEnv,
        seed, node: process.version, cores: os.availableParallelism(),
        loadAverage: load.map((value) => round(value, 2))
    }
};
process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
process.exitCode = ok ? 0 : 1;
