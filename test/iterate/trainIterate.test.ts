/**
 * `train iterate` end to end on a generated model: one iteration over a tiny pool (k = 2) writes
 * every stage's file, the report (JSON and markdown) with the token-meter figures of the shared
 * prompt, trains and evaluates; running again resumes without redoing anything; other settings
 * in the same folder are refused; a model that solves nothing stops model-aware selection.
 */
import {existsSync} from "node:fs";
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {TrainIterateReport} from "../../src/iterate/IterationReport.js";
import {trainIterate, type TrainIterateOptions} from "../../src/iterate/trainIterate.js";
import {TrainError} from "../../src/train/TrainError.js";
import {runCli} from "../helpers/runCli.js";
import {createTestModel} from "../helpers/testModels.js";
import {synthFixtures} from "./synthFixtures.js";

const t = suite("trainIterate");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-iterate-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const model = await createTestModel("chatml-tiny");

const short = (split: string) => synthFixtures().filter((item) => item.split === split && item.tools.length === 1 && item.kind !== "irrelevant")
    .sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
const poolFile = path.join(dir, "pool.jsonl");
const devFile = path.join(dir, "dev.jsonl");
await writeFile(poolFile, short("train").slice(0, 3).map((item) => `${JSON.stringify(item)}\n`).join(""));
await writeFile(devFile, short("dev").slice(0, 2).map((item) => `${JSON.stringify(item)}\n`).join(""));

const lines: string[] = [];
const options = (out: string, extra: Partial<TrainIterateOptions> = {}): TrainIterateOptions => ({
    pool: poolFile, dev: devFile, model, out, iterations: 1, k: 2, temperature: 1, select: "all", maxFixes: 1, chains: false,
    learningRate: 1e-4, threads: 1, maxTokens: 128, maxStringLength: 8, maxRounds: 2, llama, log: (line) => lines.push(line), ...extra
});

t("one iteration: samples, selection, corpus, training, dev evaluation, reports and the best model", async () => {
    const out = path.join(dir, "run");
    const started = Date.now();
    const result = await trainIterate(options(out));
    const {report} = result;
    assert.is(report.state, "iterations");
    assert.is(report.iterations.length, 2, "iteration 0 (the base model) and iteration 1");
    for (const file of ["config.json", "report.json", "report.md", "best.gguf", "best.json", "iter-0/iteration.json", "iter-0/dev/report.json",
        "iter-1/iteration.json", "iter-1/samples.jsonl", "iter-1/selection.json", "iter-1/corpus.jsonl", "iter-1/model.gguf", "iter-1/train-log.jsonl",
        "iter-1/dev/items.jsonl", "iter-1/dev/report.json", "iter-1/dev/report.md"]) {
        assert.ok(existsSync(path.join(out, file)), `${file} was written`);
    }
    assert.not.ok(existsSync(path.join(out, "iter-1/samples.partial.jsonl")), "the partial samples file is gone");
    assert.not.ok(existsSync(path.join(out, "iter-1/model.gguf.checkpoint")), "the training checkpoint is gone");
    assert.equal(JSON.parse(await readFile(result.files.json, "utf8")), report);

    const it = report.iterations[1]!;
    assert.is(it.sampling!.items, 3);
    assert.is(it.sampling!.k, 2);
    assert.is(it.selection!.selected, 3, "select all");
    const tokens = it.sampling!.tokens;
    console.log(`  iteration 1 token meter (chatml-tiny, ${tokens.items} items × k=2): prompt ${tokens.promptTokens}, completion ${tokens.completionTokens}, evaluated ${tokens.evaluatedTokens}; `
        + `k × (prompt + completion) ${tokens.separateTokens}; saved ${(tokens.savedFraction * 100).toFixed(1)}%; repeat samples evaluated ≤ ${tokens.maxRepeatInputTokens} prompt tokens`);
    assert.ok(tokens.samples >= 4, `${tokens.samples} samples measured`);
    assert.ok(tokens.evaluatedTokens <= tokens.promptTokens + tokens.completionTokens, "evaluated ≤ prompt + k × completion");
    assert.ok(tokens.maxRepeatInputTokens <= 1, "a repeat sample evaluates no prompt");
    assert.ok(tokens.separateTokens - tokens.evaluatedTokens >= tokens.promptTokens * (tokens.samples / tokens.items - 1) * 0.9, "the saving is about (k - 1) prompts");

    const corpus = (await readFile(path.join(out, "iter-1/corpus.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as {kind: string});
    assert.is(it.corpus!.conversations, corpus.length);
    assert.is(it.corpus!.byKind.sft, 3);
    assert.is(it.corpus!.byKind.stop, 3);
    assert.is(it.corpus!.byKind.fix_stop + it.corpus!.byKind.fix_fix, 0, "no chains");
    assert.is(it.training!.steps, corpus.length - it.corpus!.dropped, "one step per conversation and epoch");
    assert.type(it.training!.lastLoss, "number");
    assert.is(it.dev!.items, 2);
    assert.ok(it.dev!.byRound.length >= 1 && it.dev!.meanRounds >= 1);
    assert.ok(report.best !== null);
    const markdown = await readFile(result.files.markdown, "utf8");
    for (const heading of ["## Selection and dev accuracy", "## Shared-prompt sampling (token meter)", "## Training corpus"]) assert.ok(markdown.includes(heading), heading);
    assert.ok(markdown.includes(String(tokens.evaluatedTokens)), "the token figures are in report.md");
    console.log(`  one iteration end to end: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    lines.length = 0;
    const again = await trainIterate(options(out));
    assert.equal(again.report, report, "a finished run resumes to the same report");
    assert.not.ok(lines.some((line) => /sampling|training|dev evaluation/.test(line)), `nothing is redone: ${lines.join(" | ")}`);
});

t("length windows: the same samples train with lengthWindows, recorded in the settings; a folder made without it is refused", async () => {
    const out = path.join(dir, "run-windows");
    await mkdir(path.join(out, "iter-1"), {recursive: true});
    await cp(path.join(dir, "run", "iter-0"), path.join(out, "iter-0"), {recursive: true});
    await cp(path.join(dir, "run", "iter-1", "samples.jsonl"), path.join(out, "iter-1", "samples.jsonl"));
    lines.length = 0;
    const {report} = await trainIterate(options(out, {lengthWindows: true}));
    assert.ok(lines.some((line) => /training .* context \d+ \(length windows\)/.test(line)), lines.join(" | "));
    assert.not.ok(lines.some((line) => /sampling \d+ items/.test(line)), "the copied samples are reused");
    const before = JSON.parse(await readFile(path.join(dir, "run", "report.json"), "utf8")) as TrainIterateReport;
    assert.is(report.iterations[1]!.training!.steps, before.iterations[1]!.training!.steps, "one step per conversation, as without windows");
    assert.is((JSON.parse(await readFile(path.join(out, "config.json"), "utf8")) as {lengthWindows?: boolean}).lengthWindows, true);
    const refused = await trainIterate(options(path.join(dir, "run"), {lengthWindows: true})).catch((error: unknown) => error);
    assert.instance(refused, TrainError);
    assert.is((refused as TrainError).code, "train_iterate_mismatch");
});

t("another run's folder is refused; bad options and items are named", async () => {
    const out = path.join(dir, "run");
    const refused = async (extra: Partial<TrainIterateOptions>, pattern: RegExp, code: string): Promise<void> => {
        try {
            await trainIterate(options(out, extra));
        } catch (error) {
            assert.instance(error, TrainError);
            assert.is((error as TrainError).code, code);
            assert.match((error as Error).message, pattern);
            return;
        }
        assert.unreachable("accepted");
    };
    await refused({k: 3}, /holds a run made with other settings or data \(k: 2 there, 3 now\)/, "train_iterate_mismatch");
    await refused({temperature: 0}, /temperature: must be above 0/, "train_invalid_options");
    await refused({select: "best" as never}, /select: must be one of model-aware, all, unsolved, random/, "train_invalid_options");
    await refused({maxKindShare: 0}, /max-kind-share: must be in \(0, 1\], got 0/, "train_invalid_options");
    const badPool = path.join(dir, "bad-pool.jsonl");
    await writeFile(badPool, `${JSON.stringify(synthFixtures()[0])}\n{"id": "x", "kind": "single"}\n`);
    await refused({pool: badPool}, /bad-pool\.jsonl:2: tools must be an array/, "train_pool_invalid");
});

t("model-aware selection with a model that solves nothing stops before training, saying why", async () => {
    const out = path.join(dir, "aware");
    const {report} = await trainIterate(options(out, {select: "model-aware", iterations: 2}));
    assert.is(report.state, "no_selection");
    const it = report.iterations[1]!;
    assert.is(it.selection!.selected, 0);
    assert.is(it.training, null);
    assert.match(it.stop!.message, /too weak for model-aware selection/);
    assert.not.ok(existsSync(path.join(out, "iter-1/model.gguf")));
    assert.is(report.best?.iteration, 0, "the base model stays the best");
});

t("a run killed while sampling continues after the last item it wrote (a torn last line is dropped)", async () => {
    const finished = path.join(dir, "aware");
    const out = path.join(dir, "killed");
    await mkdir(path.join(out, "iter-1"), {recursive: true});
    await cp(path.join(finished, "config.json"), path.join(out, "config.json"));
    await cp(path.join(finished, "iter-0"), path.join(out, "iter-0"), {recursive: true});
    const [first, second] = (await readFile(path.join(finished, "iter-1/samples.jsonl"), "utf8")).split("\n");
    await writeFile(path.join(out, "iter-1/samples.partial.jsonl"), `${first}\n${second!.slice(0, 40)}`);
    lines.length = 0;
    const {report} = await trainIterate(options(out, {select: "model-aware", iterations: 2}));
    assert.ok(lines.some((line) => line.includes("sampling 3 items × 2") && line.includes("(1 already sampled)")), lines.join(" | "));
    assert.not.ok(lines.some((line) => line.includes("iteration 0")), "iteration 0 is not evaluated again");
    const records = (await readFile(path.join(out, "iter-1/samples.jsonl"), "utf8")).trimEnd().split("\n");
    assert.is(records.length, 3);
    assert.is(records[0], first, "the item sampled before the kill is kept as it was");
    const answers = (line: string | undefined) => (JSON.parse(line!) as {id: string, samples: {seed: number, callSet: string, content: string | null}[]}).samples
        .map((sample) => [sample.seed, sample.callSet, sample.content]);
    assert.equal(answers(records[1]), answers(second), "the torn item is sampled again, with the same seeds and answers");
    assert.is(report.state, "no_selection");
});

t("the CLI runs train iterate and names a missing pool file", async () => {
    const missing = await runCli(["train", "iterate", "--pool", path.join(dir, "none.jsonl"), "--model", model, "--out", path.join(dir, "cli")]);
    assert.is(missing.code, 1);
    assert.match(missing.stderr, "cannot read the item file");
    const run = await runCli(["train", "iterate", "--pool", poolFile, "--dev", devFile, "--model", model, "--out", path.join(dir, "aware"), "--select", "model-aware",
        "--iterations", "2", "--k", "2", "--temperature", "1", "--max-fixes", "1", "--no-chains", "--lr", "1e-4", "--threads", "1", "--max-tokens", "128",
        "--max-string-length", "8", "--max-rounds", "2"]);
    assert.is(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as {state: TrainIterateReport["state"], iterations: number};
    assert.is(summary.state, "no_selection", "the CLI resumed the finished run");
    assert.is(summary.iterations, 1);
});

t.run();
