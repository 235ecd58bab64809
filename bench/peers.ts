/**
 * toolace-r beside the tools people already use, on real models and BFCL single-turn categories:
 *   npm run bench -- peers [--json] [--models NAME,…] [--categories C,…] [--limit N] [--ab-limit N|all]
 *                          [--configs a,b,c,d,e] [--threads N] [--max-tokens N] [--out DIR]
 *
 * Configurations, all scored by the project's BFCL-exact checker (checkCalls) on the same items:
 *   (a) toolace-r, call grammar, round 0;  (b) the same with adaptive refinement (one run gives both:
 *       its round 0 is (a));
 *   (c) toolace-r without the grammar (free generation of the same prompt, parsed as written);
 *   (d) node-llama-cpp's own function calling (LlamaChatSession + defineChatSessionFunction);
 *   (e) llama.cpp's llama-server (--jinja) built from the same bundled source, on a loopback port,
 *       through /v1/chat/completions with tools and tool_choice.
 * Every request is BFCL's function-calling request with `--tool-choice` (default `required` for items
 * whose answer is a call: models this small answer `auto` requests in text; `auto` is BFCL's own
 * protocol; relevance items always `auto`), greedy, `--threads`
 * threads (default 2), one request at a time. (c)–(e) run the first `--limit` items (default 100)
 * of each category; (a)/(b) run `--ab-limit` items (default: the same; `all`: whole categories),
 * and the table compares every configuration on the first `--limit` items. requests/s = items /
 * the summed wall time of their answers (round 0 only for (a)).
 * Each configuration writes a resumable run folder (items.jsonl) under --out (default
 * ~/.cache/toolace-r/peers/MODEL/CONFIG): a killed bench resumes where it stopped.
 * node-llama-cpp has no tool_choice: (d) is always `auto`, which the table says.
 * Models: catalog names or GGUF paths (default: smollm2-135m-instruct,gemma-3-270m, and the default
 * model for (a)/(b) only, as a reference row). JSON on the last line with --json.
 */
import {existsSync, readFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {findCatalogModel} from "../src/catalog/modelCatalog.js";
import {modelCacheDir} from "../src/catalog/modelCacheDir.js";
import {DEFAULT_MODEL_PATH, resolveModelPath} from "../src/engine/resolveModelPath.js";
import {ToolCallEngine} from "../src/engine/ToolCallEngine.js";
import {loadBfclCategory} from "../src/eval/bfclData.js";
import type {EvalItemRecord} from "../src/eval/EvalItemRecord.js";
import {resolveBfclDataDir} from "../src/eval/resolveBfclDataDir.js";
import {runBfclEval} from "../src/eval/runBfclEval.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {buildLlamaTools} from "./support/buildLlamaTargets.js";
import {formatTable} from "./support/formatTable.js";
import {startLlamaServer} from "./support/llamaServerAnswerer.js";
import {startNodeLlamaCpp} from "./support/nodeLlamaCppAnswerer.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";
import {writeBenchChart} from "./support/writeBenchChart.js";

type Config = "a" | "b" | "c" | "d" | "e";
const CONFIG_LABELS: Record<Config, string> = {
    a: "(a) toolace-r grammar, round 0", b: "(b) toolace-r grammar, adaptive", c: "(c) toolace-r no grammar",
    d: "(d) node-llama-cpp functions (auto)", e: "(e) llama-server --jinja"
};
const ALL_CATEGORIES = ["simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance",
    "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple", "live_irrelevance", "live_relevance"];

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const limit = args.number("limit", 100, 1);
const abLimitText = args.string("ab-limit", String(limit));
const abLimit = abLimitText === "all" ? null : Number(abLimitText);
if (abLimit !== null && (!Number.isSafeInteger(abLimit) || abLimit < limit)) throw new Error(`--ab-limit must be "all" or an integer of at least --limit (${limit}), got ${abLimitText}`);
const categories = args.string("categories", ALL_CATEGORIES.join(",")).split(",").map((c) => c.trim()).filter((c) => c !== "");
const configs = args.string("configs", "a,b,c,d,e").split(",").map((c) => c.trim()) as Config[];
for (const config of configs) if (!(config in CONFIG_LABELS)) throw new Error(`--configs: unknown configuration ${config} (a, b, c, d, e)`);
const toolChoice = args.string("tool-choice", "required") as "auto" | "required";
if (toolChoice !== "auto" && toolChoice !== "required") throw new Error(`--tool-choice must be auto or required, got ${toolChoice}`);
const threads = args.number("threads", Math.min(2, os.availableParallelism()), 1);
const maxTokens = args.number("max-tokens", 512, 16);
const contextSize = args.number("ctx", 4096, 512);
const outRoot = path.resolve(args.string("out", path.join(path.dirname(modelCacheDir()), "peers")));
const modelNames = args.string("models", "smollm2-135m-instruct,gemma-3-270m").split(",").map((m) => m.trim()).filter((m) => m !== "");
const withDefault = !args.flag("no-default-model");
const dataDir = resolveBfclDataDir(args.string("data"));
const log = (line: string): void => {
    process.stderr.write(`bench peers: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const started = performance.now();

/** The first `limit` ids of each category (the items every configuration is compared on). */
const firstIds = new Map(categories.map((category) => [category, new Set(loadBfclCategory(dataDir, category).slice(0, limit).map((entry) => entry.id))]));

function readRecords(dir: string): EvalItemRecord[] {
    const file = path.join(dir, "items.jsonl");
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as EvalItemRecord);
}

type Cell = {correct: number, total: number, accuracy: number};
type ConfigResult = {config: Config, label: string, byCategory: Record<string, Cell>, wholeCategories?: Record<string, Cell>, requestsPerSecond: number, items: number, errors: number, meanRounds?: number};

/** Scores of records (round 0 or final answers), by category, over the compared items (or every item). */
function score(records: readonly EvalItemRecord[], roundZero: boolean, onlyFirst: boolean): Record<string, Cell> {
    const cells: Record<string, Cell> = {};
    for (const category of categories) {
        const items = records.filter((r) => r.category === category && (!onlyFirst || firstIds.get(category)!.has(r.id)));
        const correct = items.filter((r) => roundZero ? r.rounds[0]?.correct === true : r.correct).length;
        cells[category] = {correct, total: items.length, accuracy: items.length === 0 ? 0 : roundTo(correct / items.length, 4)};
    }
    return cells;
}

function mean(values: readonly number[]): number {
    return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function summarize(config: Config, records: readonly EvalItemRecord[]): ConfigResult {
    const compared = records.filter((r) => firstIds.get(r.category)?.has(r.id) === true);
    const seconds = compared.reduce((sum, r) => sum + (config === "a" ? (r.rounds[0]?.ms ?? r.ms) : r.ms), 0) / 1000;
    return {
        config, label: CONFIG_LABELS[config], byCategory: score(records, config === "a", true),
        ...(config === "a" || config === "b" ? {wholeCategories: score(records, config === "a", false)} : {}),
        requestsPerSecond: roundTo(compared.length / Math.max(seconds, 1e-9), 3), items: compared.length, errors: compared.filter((r) => r.error !== undefined).length,
        ...(config === "b" ? {meanRounds: roundTo(mean(compared.filter((r) => r.rounds.length > 0).map((r) => r.rounds.length)), 2)} : {})
    };
}

async function runModel(name: string, modelConfigs: Config[]): Promise<{model: string, path: string, results: ConfigResult[]}> {
    const modelPath = name === "default" ? DEFAULT_MODEL_PATH : await resolveModelPath(name);
    const label = findCatalogModel(name)?.name ?? (name === "default" ? "default" : path.basename(name, ".gguf"));
    const dirOf = (config: string): string => path.join(outRoot, label, config === "node-llama-cpp" ? config : `${config}-${toolChoice}`);
    const results: ConfigResult[] = [];
    const common = {dataDir, categories, mode: "fc" as const, toolChoice, maxTokens, progress: process.stderr};
    if (modelConfigs.includes("a") || modelConfigs.includes("b")) {
        log(`${label}: (a)/(b) toolace-r adaptive, ${abLimit === null ? "whole categories" : `first ${abLimit} items per category`}`);
        const engine = await ToolCallEngine.load({model: modelPath, llama, threads, contextSize});
        try {
            await runBfclEval({...common, engine, outDir: dirOf("toolace-adaptive"), refine: "adaptive", ...(abLimit === null ? {} : {limit: abLimit})});
        } finally {
            await engine.dispose();
        }
        const records = readRecords(dirOf("toolace-adaptive"));
        for (const config of ["a", "b"] as const) if (modelConfigs.includes(config)) results.push(summarize(config, records));
    }
    if (modelConfigs.includes("c")) {
        log(`${label}: (c) toolace-r without the grammar`);
        const engine = await ToolCallEngine.load({model: modelPath, llama, threads, contextSize, constrained: false});
        try {
            await runBfclEval({...common, engine, outDir: dirOf("toolace-no-grammar"), refine: "off", limit});
        } finally {
            await engine.dispose();
        }
        results.push(summarize("c", readRecords(dirOf("toolace-no-grammar"))));
    }
    if (modelConfigs.includes("d")) {
        log(`${label}: (d) node-llama-cpp function calling`);
        const peer = await startNodeLlamaCpp({llama, model: modelPath, threads, contextSize});
        try {
            await runBfclEval({...common, answerer: peer, outDir: dirOf("node-llama-cpp"), refine: "off", limit});
        } finally {
            await peer.close();
        }
        results.push(summarize("d", readRecords(dirOf("node-llama-cpp"))));
    }
    if (modelConfigs.includes("e")) {
        log(`${label}: (e) llama-server`);
        const build = await buildLlamaTools({log});
        const peer = await startLlamaServer({binary: build.binaries["llama-server"]!, libraryDir: build.libraryDir, model: modelPath, threads, contextSize});
        try {
            await runBfclEval({...common, answerer: peer, outDir: dirOf("llama-server"), refine: "off", limit});
        } finally {
            await peer.close();
        }
        results.push(summarize("e", readRecords(dirOf("llama-server"))));
    }
    return {model: label, path: modelPath, results};
}

const byModel = [];
for (const name of modelNames) byModel.push(await runModel(name, configs));
if (withDefault && (configs.includes("a") || configs.includes("b"))) byModel.push(await runModel("default", configs.filter((c) => c === "a" || c === "b")));

const overall = (cells: Record<string, Cell>): number => {
    const total = Object.values(cells).reduce((sum, cell) => sum + cell.total, 0);
    return total === 0 ? 0 : roundTo(Object.values(cells).reduce((sum, cell) => sum + cell.correct, 0) / total, 4);
};
const chart = await writeBenchChart("peers", {
    title: `BFCL accuracy, first ${limit} items per category (toolace-r vs node-llama-cpp vs llama-server)`,
    columns: 1,
    panels: byModel.map((model) => ({
        title: `${model.model}: accuracy per category`, unit: "accuracy",
        categories,
        series: model.results.map((result) => ({name: result.label, values: categories.map((category) => result.byCategory[category]!.accuracy)}))
    }))
});
const lines: string[] = [];
for (const model of byModel) {
    lines.push(`${model.model} (${model.path}), first ${limit} items per category, tool_choice ${toolChoice} (relevance items auto), ${threads} threads`);
    lines.push(formatTable(["configuration", ...categories, "all", "req/s", "errors"], model.results.map((result) => [
        result.label, ...categories.map((category) => `${result.byCategory[category]!.correct}/${result.byCategory[category]!.total}`),
        overall(result.byCategory), result.requestsPerSecond, result.errors])));
    for (const result of model.results.filter((r) => r.wholeCategories !== undefined && abLimit === null)) {
        lines.push(`  ${result.label}, whole categories: ${categories.map((category) => `${category} ${result.wholeCategories![category]!.correct}/${result.wholeCategories![category]!.total}`).join(", ")}`);
    }
    lines.push("");
}
lines.push(`chart ${chart}`);
printBenchResult(lines.join("\n"), {
    benchmark: "peers", toolChoice, limit, abLimit: abLimit ?? "all", categories, threads, maxTokens, contextSize,
    byModel: byModel.map((model) => ({...model, results: model.results.map((result) => ({...result, overall: overall(result.byCategory)}))})),
    chart, seconds: roundTo((performance.now() - started) / 1000, 1), node: process.version, cores: os.availableParallelism()
}, json);
