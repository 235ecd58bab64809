/**
 * What a batched position costs against a one-token step, and whether their logits are the same
 * (what speculative confirmation rests on):
 *   npm run bench -- attention [--json] [--model PATH] [--no-larger] [--context N] [--repeat N]
 *
 * On a context that holds `context` tokens (default 1000, token ids spread over the vocabulary),
 * for each model, flash attention as llama.cpp chooses it ("auto", on for the CPU) and off, and 1
 * and 2 threads:
 *   - the ms of a one-token step and the ms per position of batches of 32 (96 positions, the
 *     median of `repeat` runs after one untimed); batchedOverOneToken = the second / the first;
 *   - the largest difference between the logits of 128 positions evaluated one token at a time and
 *     in batches of 8, 32, 64 and 128 tokens (200 logits a position); `exact` when all are 0.
 * The headline figures are the default model's with flash attention "auto" on 1 thread, as the
 * engine runs it. `build` names the llama.cpp patches of the local build (see scripts/build-llama.mjs);
 * with native/patches/llama-fa-rows.diff, CPU flash attention sums a query's attention the same way
 * whatever the other queries of its batch.
 */
import {readFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel, type LlamaContextSequence, type LlamaModel, type Token} from "node-llama-cpp";
import {PACKAGE_ROOT} from "../src/engine/resolveModelPath.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels} from "./support/benchModels.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {peakRssBytes} from "./support/peakRssBytes.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const contextTokens = args.number("context", 1000, 16);
const repeat = args.number("repeat", 7, 1);
const CHUNKS = [8, 32, 64, 128] as const;
const TIMED_POSITIONS = 96;
const TIMED_CHUNK = 32;
const COMPARED_POSITIONS = 128;
const log = (line: string): void => {
    process.stderr.write(`bench attention: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const models = await benchModels({model: args.string("model"), larger: !args.flag("no-larger")});
const started = performance.now();

type Setting = {flashAttention: "auto" | false, threads: 1 | 2};
const SETTINGS: Setting[] = [{flashAttention: "auto", threads: 1}, {flashAttention: false, threads: 1}, {flashAttention: "auto", threads: 2}, {flashAttention: false, threads: 2}];
type Measured = Setting & {oneTokenMs: number, batchedPerPositionMs: number, batchedOverOneToken: number, largestDifference: Record<string, number>, exact: boolean};

/** Token ids spread over the vocabulary (any ids do: the figures concern the arithmetic, not the text). */
function spread(count: number, vocabulary: number, offset: number): Token[] {
    return Array.from({length: count}, (_, i) => ((offset + i * 37) % (vocabulary - 2)) + 1 as Token);
}

async function measure(model: LlamaModel, setting: Setting): Promise<Measured> {
    const context = await model.createContext({contextSize: contextTokens + 256, threads: setting.threads, flashAttention: setting.flashAttention});
    const sequence = context.getSequence();
    const tokens = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
    const vocabulary = Array.isArray(tokens) && tokens.length >= 64 ? tokens.length : 4096;
    try {
        await sequence.evaluateWithoutGeneratingNewTokens(spread(contextTokens, vocabulary, 3));
        const cut = (): Promise<void> => sequence.eraseContextTokenRanges([{start: contextTokens, end: sequence.nextTokenIndex}]);
        const timedTokens = spread(TIMED_POSITIONS, vocabulary, 11);
        const one: number[] = [];
        const batched: number[] = [];
        // Run -1 warms up (weights paged in, buffers allocated) and is not counted.
        for (let run = -1; run < repeat; run++) {
            let begin = performance.now();
            for (const token of timedTokens) await sequence.controlledEvaluate([[token, {generateNext: {token: true}}]]);
            if (run >= 0) one.push((performance.now() - begin) / timedTokens.length);
            await cut();
            begin = performance.now();
            for (let i = 0; i < timedTokens.length; i += TIMED_CHUNK)
                await sequence.controlledEvaluate(timedTokens.slice(i, i + TIMED_CHUNK).map((token) => [token, {generateNext: {token: true}}]));
            if (run >= 0) batched.push((performance.now() - begin) / timedTokens.length);
            await cut();
        }
        // The same positions one token at a time, then in batches: the largest logit difference per batch size.
        const compared = spread(COMPARED_POSITIONS, vocabulary, 29);
        const request = {generateNext: {logits: {filter: {tokens: spread(200, vocabulary, 5)}}}};
        const reference: ReadonlyMap<Token, number>[] = [];
        for (const token of compared) {
            const [result] = await sequence.controlledEvaluate([[token, request]]);
            reference.push(result?.next.logits ?? new Map());
        }
        const largestDifference: Record<string, number> = {};
        for (const chunk of CHUNKS) {
            await cut();
            let largest = 0;
            for (let i = 0; i < compared.length; i += chunk) {
                const results = await sequence.controlledEvaluate(compared.slice(i, i + chunk).map((token) => [token, request]));
                for (const [j, result] of results.entries()) {
                    const expected = reference[i + j]!;
                    for (const [token, value] of result?.next.logits ?? []) largest = Math.max(largest, Math.abs(value - (expected.get(token) ?? Number.NaN)));
                }
            }
            largestDifference[String(chunk)] = largest;
        }
        const oneTokenMs = median(one);
        const batchedPerPositionMs = median(batched);
        return {...setting, oneTokenMs: roundTo(oneTokenMs, 3), batchedPerPositionMs: roundTo(batchedPerPositionMs, 3),
            batchedOverOneToken: roundTo(batchedPerPositionMs / oneTokenMs, 3), largestDifference, exact: Object.values(largestDifference).every((d) => d === 0)};
    } finally {
        await context.dispose();
    }
}

/** The patches of the local llama.cpp build, as scripts/build-llama.mjs recorded them; undefined without a local build. */
function buildPatches(): string[] | undefined {
    try {
        const stamp = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "node_modules", "node-llama-cpp", "llama", "toolace-r-build.json"), "utf8")) as {applied?: unknown};
        return Array.isArray(stamp.applied) ? stamp.applied.map(String) : undefined;
    } catch {
        return undefined;
    }
}

const results: {model: string, modelNote: string, settings: Measured[]}[] = [];
for (const benchModel of models) {
    const model = await llama.loadModel({modelPath: benchModel.path});
    try {
        const settings: Measured[] = [];
        for (const setting of SETTINGS) {
            const measured = await measure(model, setting);
            settings.push(measured);
            log(`${benchModel.name}, flash attention ${setting.flashAttention}, ${setting.threads} thread(s): one-token ${measured.oneTokenMs} ms, ` +
                `batched ${measured.batchedPerPositionMs} ms/position, largest difference ${JSON.stringify(measured.largestDifference)}`);
        }
        results.push({model: benchModel.name, modelNote: benchModel.note, settings});
    } finally {
        await model.dispose();
    }
}

const difference = (value: number | undefined): string => value === undefined ? "?" : value === 0 ? "0" : value.toExponential(1);
const headline = results[0]!.settings[0]!;
const result = {
    benchmark: "attention",
    batchedOverOneToken: headline.batchedOverOneToken,
    exact: headline.exact,
    exactEverywhere: results.every((r) => r.settings.filter((s) => s.flashAttention === "auto").every((s) => s.exact)),
    build: buildPatches() ?? "prebuilt (no local build)",
    peakRssBytes: peakRssBytes(),
    byModel: results,
    setup: {contextTokens, repeat, timedPositions: TIMED_POSITIONS, timedChunk: TIMED_CHUNK, comparedPositions: COMPARED_POSITIONS, chunks: CHUNKS,
        seconds: roundTo((performance.now() - started) / 1000, 1), node: process.version, cores: os.availableParallelism(), loadAverage: os.loadavg().map((load) => roundTo(load, 2))}
};
const report = [
    formatTable(["model", "flash attention", "threads", "one-token ms", "batched ms/position", "batched/one-token", ...CHUNKS.map((c) => `diff ${c}`), "exact"],
        results.flatMap((r) => r.settings.map((s) => [r.model, String(s.flashAttention), s.threads, s.oneTokenMs, s.batchedPerPositionMs, s.batchedOverOneToken,
            ...CHUNKS.map((c) => difference(s.largestDifference[String(c)])), String(s.exact)]))),
    `batchedOverOneToken ${result.batchedOverOneToken} (${results[0]!.model}, flash attention auto, 1 thread), exact ${result.exact}, ` +
    `exact with flash attention everywhere: ${result.exactEverywhere}, build ${JSON.stringify(result.build)}, peak RSS ${(result.peakRssBytes! / 2 ** 20).toFixed(0)} MiB`
].join("\n");
printBenchResult(report, result, json);
