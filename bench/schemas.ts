/**
 * Coverage and soundness of tool-call grammars on real-world and stress schemas:
 *   npm run bench -- schemas [--json] [--samples N] [--fuzz N] [--details]
 *
 * The corpus (test/corpus/schemaCorpus.ts) is assembled at run time: the tools of nine MCP servers
 * installed from npm, the JSON Schemas shipped in npm packages (OpenAPI 1.2–3.1, JSON Schema
 * draft-06/07 meta-schemas; each file and each definition), hand-written stress cases, and `fuzz`
 * seeded random schemas (many deliberately invalid). Per source: how many schemas compile to a call
 * grammar (coverage), and of `samples` argument objects drawn from each grammar through llama.cpp's
 * grammar engine (the default model's vocabulary), how many validate against the original schema
 * (ajv + ajv-formats; "unjudged" where ajv cannot compile the schema). toolace-r's invalid samples
 * are split into those its tool lists relaxed keywords for (reported by the engine as violations)
 * and unsound ones (none listed). node-llama-cpp's createGrammarForJsonSchema runs on the same
 * schemas and samples (fuzz schemas only compiled: some of its grammars for them make llama.cpp's
 * grammar engine grow without bound while sampling).
 */
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {GrammarSampler} from "../src/engine/GrammarSampler.js";
import {DEFAULT_MODEL_PATH} from "../src/engine/resolveModelPath.js";
import {type CorpusSchema, type CorpusSource, fuzzCorpus, mcpCorpus, npmSchemaCorpus, stressCorpus} from "../test/corpus/schemaCorpus.js";
import {measureSchema, type SchemaVerdict} from "../test/corpus/measureCorpus.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {formatTable} from "./support/formatTable.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const samples = args.number("samples", 5, 0);
const fuzzCount = args.number("fuzz", 300, 0);
const details = args.flag("details");
const log = (line: string): void => {
    process.stderr.write(`bench schemas: ${line}\n`);
};

const started = performance.now();
const corpus: CorpusSchema[] = [...await mcpCorpus(), ...npmSchemaCorpus(), ...stressCorpus(), ...fuzzCorpus(fuzzCount)];
log(`${corpus.length} schemas (${samples} samples each, both grammar builders)`);
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const vocabulary = await llama.loadModel({modelPath: DEFAULT_MODEL_PATH, vocabOnly: true});
const sampler = GrammarSampler.create(vocabulary);
const verdicts: SchemaVerdict[] = [];
for (const [index, entry] of corpus.entries()) {
    // node-llama-cpp's grammars for some random schemas make llama.cpp's grammar engine grow without bound: fuzz schemas are only compiled there.
    verdicts.push(await measureSchema(entry, index, {llama, sampler, samples, nodeLlamaCpp: true, nodeLlamaCppSamples: entry.source === "fuzz" ? 0 : samples}));
    if ((index + 1) % 100 === 0) log(`${index + 1}/${corpus.length}`);
}
await vocabulary.dispose();

type Side = "toolace" | "nodeLlamaCpp";
const percent = (part: number, whole: number): number | null => whole === 0 ? null : roundTo(100 * part / whole, 1);
function summary(list: readonly SchemaVerdict[], side: Side): Record<string, number | null> {
    const compiled = list.filter((verdict) => verdict[side].ok);
    const sum = (key: "samples" | "valid" | "invalid" | "unjudged" | "failedWalks"): number => compiled.reduce((total, verdict) => total + verdict[side][key], 0);
    const judged = sum("valid") + sum("invalid");
    const base = {
        schemas: list.length, compiled: compiled.length, coveragePercent: percent(compiled.length, list.length),
        samples: sum("samples"), valid: sum("valid"), invalid: sum("invalid"), unjudged: sum("unjudged"), failedWalks: sum("failedWalks"),
        validPercentOfJudged: percent(sum("valid"), judged),
        schemasWithInvalidSamples: compiled.filter((verdict) => verdict[side].invalid > 0).length
    };
    if (side === "nodeLlamaCpp") return base;
    const unsound = compiled.reduce((total, verdict) => total + verdict.toolace.unsound, 0);
    return {...base, relaxedSchemas: compiled.filter((verdict) => verdict.toolace.relaxed.length > 0).length, invalidReported: sum("invalid") - unsound, unsound};
}

const sources: CorpusSource[] = ["mcp", "npm-schemas", "stress", "fuzz"];
const bySource = Object.fromEntries(sources.map((source) => {
    const list = verdicts.filter((verdict) => verdict.source === source);
    return [source, {toolace: summary(list, "toolace"), nodeLlamaCpp: summary(list, "nodeLlamaCpp")}];
}));
const realWorld = verdicts.filter((verdict) => verdict.source === "mcp" || verdict.source === "npm-schemas");
const refusals = new Map<string, number>();
for (const verdict of verdicts.filter((entry) => !entry.toolace.ok && entry.source !== "fuzz")) {
    const reason = (verdict.toolace.error ?? "").replace(/^tool "[^"]*": /, "").replace(/ at \$[^ ]*$/, "").replace(/"[^"]*"/g, "\"…\"").replace(/\d+/g, "N");
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
}

const row = (label: string, side: Side, figures: Record<string, number | null>): (string | number)[] => [
    label, side === "toolace" ? "toolace-r" : "node-llama-cpp", figures.schemas ?? 0, `${figures.compiled}`, `${figures.coveragePercent ?? "-"}%`,
    figures.samples ?? 0, `${figures.validPercentOfJudged ?? "-"}%`, figures.invalid ?? 0, side === "toolace" ? `${figures.unsound}` : "-", figures.unjudged ?? 0
];
const table = formatTable(["source", "grammar", "schemas", "compiled", "coverage", "samples", "valid", "invalid", "unsound", "unjudged"],
    sources.flatMap((source) => [row(source, "toolace", bySource[source]!.toolace), row(source, "nodeLlamaCpp", bySource[source]!.nodeLlamaCpp)]));
const lines = [
    `Schema corpus: ${corpus.length} schemas, ${samples} argument objects drawn from each grammar (llama.cpp's grammar engine), judged by ajv against the original schema`,
    table,
    "valid: % of judged samples that satisfy the original schema; unsound: toolace-r samples breaking a schema whose tool lists no relaxed keyword",
    `toolace-r refusals outside the fuzz set: ${[...refusals].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count}× ${reason}`).join("; ") || "none"}`
];
if (details)
    for (const verdict of verdicts.filter((entry) => entry.source !== "fuzz"))
        lines.push(`${verdict.source} ${verdict.name}: toolace ${verdict.toolace.ok ? `ok ${verdict.toolace.valid}/${verdict.toolace.samples} valid${verdict.toolace.relaxed.length ? ` relaxed ${verdict.toolace.relaxed.join(",")}` : ""}${verdict.toolace.firstInvalid ? ` (${verdict.toolace.firstInvalid})` : ""}` : `refused: ${verdict.toolace.error}`}; node-llama-cpp ${verdict.nodeLlamaCpp.ok ? `ok ${verdict.nodeLlamaCpp.valid}/${verdict.nodeLlamaCpp.samples} valid${verdict.nodeLlamaCpp.firstInvalid ? ` (${verdict.nodeLlamaCpp.firstInvalid})` : ""}` : `refused: ${verdict.nodeLlamaCpp.error}`}`);
const result = {
    benchmark: "schemas", schemas: corpus.length, samplesPerSchema: samples, seconds: roundTo((performance.now() - started) / 1000, 1),
    bySource,
    realWorld: {toolace: summary(realWorld, "toolace"), nodeLlamaCpp: summary(realWorld, "nodeLlamaCpp")},
    refusals: Object.fromEntries(refusals)
};
printBenchResult(lines.join("\n"), result, json);
