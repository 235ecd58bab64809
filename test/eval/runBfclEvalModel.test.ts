import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {getLlama} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import type {ToolaceError} from "../../src/errors/ToolaceError.js";
import type {EvalItemRecord} from "../../src/eval/EvalItemRecord.js";
import type {EvalReport} from "../../src/eval/EvalReport.js";
import {runBfclEval} from "../../src/eval/runBfclEval.js";
import {createTestModel} from "../helpers/testModels.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {checkXmlWellFormed} from "./xmlWellFormed.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("runBfclEval on a model");
const dataDir = sharedBfclData("runBfclEval on a model");
const FIVE = ["simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance"];

const llama = dataDir === undefined ? undefined : await getLlama({gpu: false, build: "never"});
const engine = llama === undefined ? undefined
    : await ToolCallEngine.load({model: await createTestModel("spm-tiny"), llama, threads: 1, contextSize: 2048, grammar: {maxStringLength: 12, maxArrayItems: 3}});
const out = mkdtempSync(path.join(tmpdir(), "toolace-bfcl-model-"));

/** A random model under auto answers in text; `required` makes it call, so the call, refinement and scoring paths all run. */
const options = () => ({dataDir: dataDir as string, categories: FIVE, outDir: out, engine, limit: 2, refine: "1", seed: 1, maxTokens: 256, toolChoice: "required" as const, progress: null});
const readRecords = (): EvalItemRecord[] => readFileSync(path.join(out, "items.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as EvalItemRecord);

/** The structure of a report: its keys at every level, with numbers and strings replaced by their type. */
function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]));
    return typeof value;
}

let first: EvalReport | undefined;

withShared(t, dataDir, "the shared BFCL data")("fc, two items per category: every file written, report structure, byRound lengths, valid chart", async () => {
    const result = await runBfclEval(options());
    first = result.report;
    assert.equal([result.evaluated, result.resumed], [10, 0]);
    const records = readRecords();
    assert.equal(records.map((r) => r.id), FIVE.flatMap((c) => [`${c}_0`, `${c}_1`]));
    const maxRounds = Math.max(...records.map((r) => r.rounds.length));
    assert.ok(maxRounds >= 1 && maxRounds <= 2, "refine 1: at most two rounds");
    for (const record of records) {
        if (record.error !== undefined) {
            assert.equal([record.rounds.length, record.correct, record.stop], [0, false, null]);
            continue;
        }
        assert.ok(record.rounds.every((round, k) => round.round === k && typeof round.callSet === "string" && round.inputTokens > 0 && round.outputTokens > 0));
        if (record.category === "irrelevance") assert.is(record.stop, "text", "irrelevance stays on auto: the random model answers in text");
        else assert.ok(record.rounds.every((round) => round.calls.length > 0), "required: every round calls");
    }
    const answered = records.filter((r) => r.error === undefined && r.category !== "irrelevance");
    assert.ok(answered.length > 0, "some items were answered with calls");
    assert.ok(answered.every((r) => r.rounds.length === 2 && r.stop === "max_rounds"));

    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as EvalReport;
    assert.equal(report, result.report);
    assert.equal(Object.keys(report.categories), FIVE);
    assert.is(report.rounds, maxRounds);
    for (const score of Object.values(report.categories)) {
        assert.is(score.total, 2);
        assert.is(score.byRound.length, maxRounds);
        assert.is(score.correctByRound.length, maxRounds);
    }
    assert.equal(Object.keys(report.aggregates), ["simple", "non_live", "irrelevance"]);
    assert.ok(Object.values(report.aggregates).every((aggregate) => aggregate.byRound.length === maxRounds));
    assert.is(report.perRound.length, maxRounds);
    assert.is(report.perRound[0]!.items, records.filter((r) => r.rounds.length > 0).length);
    assert.equal([report.model, report.mode, report.toolChoice, report.refine, report.seed, report.maxRounds], [engine!.modelPath, "fc", "required", "1", 1, null]);
    assert.is(report.refinement.items, records.filter((r) => r.rounds.length > 0).length);
    assert.is(report.refinement.changed + report.refinement.unchanged, report.refinement.items);
    assert.is(report.errors.count, records.filter((r) => r.error !== undefined).length);
    assert.is(report.categories.irrelevance!.accuracy, 1);

    const markdown = readFileSync(path.join(out, "report.md"), "utf8");
    assert.match(markdown, /^# BFCL evaluation/);
    for (const category of FIVE) assert.match(markdown, new RegExp(`\\| ${category} \\| \\d+ \\| 2 \\|`));
    const {root, elements} = checkXmlWellFormed(readFileSync(path.join(out, "chart.svg"), "utf8"));
    assert.is(root, "svg");
    assert.is(elements.rect, 1 + 2 * maxRounds + 2);
});

withShared(t, dataDir, "the shared BFCL data")("resume: after truncating items.jsonl to 3 lines (and a half-written 4th), only the missing items run", async () => {
    const lines = readFileSync(path.join(out, "items.jsonl"), "utf8").split("\n");
    writeFileSync(path.join(out, "items.jsonl"), `${lines.slice(0, 3).join("\n")}\n`);
    appendFileSync(path.join(out, "items.jsonl"), lines[3]!.slice(0, 25));
    const kept = lines.slice(0, 3);
    const result = await runBfclEval(options());
    assert.equal([result.evaluated, result.resumed], [7, 3]);
    const after = readFileSync(path.join(out, "items.jsonl"), "utf8").split("\n");
    assert.equal(after.slice(0, 3), kept, "the kept records are untouched");
    assert.is(after.filter((line) => line !== "").length, 10);
    assert.equal(readRecords().map((r) => r.id).sort(), FIVE.flatMap((c) => [`${c}_0`, `${c}_1`]).sort());
    assert.equal(shape({...result.report, rounds: 0}), shape({...first!, rounds: 0}), "same report structure");
    assert.is(result.report.items, 10);
    assert.ok(Object.values(result.report.categories).every((score) => score.total === 2 && score.byRound.length === result.report.rounds));
});

withShared(t, dataDir, "the shared BFCL data")("the same folder with other settings is refused", async () => {
    try {
        await runBfclEval({...options(), refine: "off"});
        assert.unreachable("should refuse");
    } catch (error) {
        assert.is((error as ToolaceError).code, "eval_config_mismatch");
    }
});

withShared(t, dataDir, "the shared BFCL data")("prompt mode: BFCL's system prompt, no tools; free text that is no Python call list fails to decode", async () => {
    const promptOut = mkdtempSync(path.join(tmpdir(), "toolace-bfcl-prompt-"));
    try {
        const {report} = await runBfclEval({dataDir: dataDir as string, categories: ["simple_python", "irrelevance"], outDir: promptOut, engine, mode: "prompt", limit: 1, maxTokens: 24, progress: null});
        const records = readFileSync(path.join(promptOut, "items.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as EvalItemRecord);
        assert.equal(records.map((r) => [r.id, r.rounds.length, r.rounds[0]!.calls.length, typeof r.rounds[0]!.content]), [["simple_python_0", 1, 0, "string"], ["irrelevance_0", 1, 0, "string"]]);
        assert.is(records[0]!.rounds[0]!.errorType, "ast_decoder:decoder_failed");
        assert.is(records[0]!.rounds[0]!.callSet, "<undecodable>");
        assert.equal([report.mode, report.categories.simple_python!.correct, report.categories.irrelevance!.correct], ["prompt", 0, 1]);
    } finally {
        rmSync(promptOut, {recursive: true, force: true});
    }
});

t.after(async () => {
    rmSync(out, {recursive: true, force: true});
    await engine?.dispose();
    await llama?.dispose();
});

t.run();
