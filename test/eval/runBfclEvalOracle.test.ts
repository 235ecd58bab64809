import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {runBfclEval} from "../../src/eval/runBfclEval.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("runBfclEval --oracle");
const dataDir = sharedBfclData("runBfclEval --oracle");
const FIVE = ["simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance"];

function withDir(body: (dir: string) => Promise<void>): () => Promise<void> {
    return async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "toolace-bfcl-oracle-"));
        try {
            await body(dir);
        } finally {
            rmSync(dir, {recursive: true, force: true});
        }
    };
}

for (const mode of ["fc", "prompt"] as const) {
    withShared(t, dataDir, "the shared BFCL data")(`${mode}: the ground truth through the ${mode} decode and score path scores 100%, parallel_multiple 198/200`, withDir(async (out) => {
        const {report, evaluated} = await runBfclEval({dataDir: dataDir as string, categories: FIVE, outDir: out, mode, oracle: true, progress: null});
        assert.is(evaluated, 1240);
        assert.equal(Object.fromEntries(Object.entries(report.categories).map(([name, score]) => [name, `${score.correct}/${score.total}`])),
            {simple_python: "400/400", multiple: "200/200", parallel: "200/200", parallel_multiple: "198/200", irrelevance: "240/240"});
        assert.is(report.aggregates.non_live!.accuracy, (1 + 1 + 1 + 0.99) / 4);
        assert.is(report.aggregates.irrelevance!.accuracy, 1);
        assert.equal([report.model, report.mode, report.refine, report.rounds, report.errors.count], ["oracle", mode, "off", 1, 0]);
        const failed = readFileSync(path.join(out, "items.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as {id: string, correct: boolean, rounds: {errorType?: string}[]})
            .filter((record) => !record.correct);
        assert.equal(failed.map((record) => record.id), ["parallel_multiple_12", "parallel_multiple_26"]);
        assert.ok(failed.every((record) => record.rounds[0]!.errorType!.startsWith("parallel_function_checker_no_order")));
    }));
}

withShared(t, dataDir, "the shared BFCL data")("live relevance categories: no call for live_irrelevance, some call for live_relevance", withDir(async (out) => {
    const {report} = await runBfclEval({dataDir: dataDir as string, categories: ["live_irrelevance", "live_relevance"], outDir: out, oracle: true, progress: null});
    assert.equal(Object.fromEntries(Object.entries(report.categories).map(([name, score]) => [name, `${score.correct}/${score.total}`])), {live_irrelevance: "884/884", live_relevance: "16/16"});
    assert.equal(Object.keys(report.aggregates), ["irrelevance"]);
}));

withShared(t, dataDir, "the shared BFCL data")("refuses Java and JavaScript categories by name before evaluating anything", withDir(async (out) => {
    for (const category of ["simple_java", "simple_javascript"]) {
        try {
            await runBfclEval({dataDir: dataDir as string, categories: ["simple_python", category], outDir: out, oracle: true, progress: null});
            assert.unreachable("should refuse");
        } catch (error) {
            assert.instance(error, ToolaceError);
            assert.is((error as ToolaceError).code, "eval_unsupported_category");
            assert.match((error as Error).message, new RegExp(`category ${category} is not supported`));
        }
    }
}));

withShared(t, dataDir, "the shared BFCL data")("--limit takes the first items; a run with other settings into the same folder is refused", withDir(async (out) => {
    const first = await runBfclEval({dataDir: dataDir as string, categories: ["multiple"], outDir: out, oracle: true, limit: 3, progress: null});
    assert.equal([first.report.categories.multiple!.total, first.evaluated], [3, 3]);
    const more = await runBfclEval({dataDir: dataDir as string, categories: ["multiple", "irrelevance"], outDir: out, oracle: true, limit: 5, progress: null});
    assert.equal([more.evaluated, more.resumed, more.report.items], [7, 3, 10]);
    try {
        await runBfclEval({dataDir: dataDir as string, categories: ["multiple"], outDir: out, oracle: true, mode: "prompt", progress: null});
        assert.unreachable("should refuse");
    } catch (error) {
        assert.is((error as ToolaceError).code, "eval_config_mismatch");
        assert.match((error as Error).message, /mode: "fc" there, "prompt" now/);
    }
}));

t.run();
