/**
 * `toolace-r eval synth`: a generated model on held-out synthetic items writes the evaluation
 * files and prints round-0 and adaptive figures; running again resumes; bad item files are
 * refused with their name.
 */
import {existsSync} from "node:fs";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {synthFixtures} from "../iterate/synthFixtures.js";
import {runCli} from "../helpers/runCli.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("toolace-r eval synth");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-evalsynth-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const model = await createTestModel("chatml-tiny");

t("scores held-out items by round, writes the report files, resumes", async () => {
    const items = synthFixtures().filter((item) => item.split === "test").slice(0, 3);
    const file = path.join(dir, "test.jsonl");
    await writeFile(file, items.map((item) => `${JSON.stringify(item)}\n`).join(""));
    const out = path.join(dir, "out");
    const args = ["eval", "synth", "--items", file, "--model", model, "--out", out, "--max-rounds", "2", "--max-tokens", "48", "--max-string-length", "8", "--threads", "1"];
    const first = await runCli(args);
    assert.is(first.code, 0, first.stderr);
    const summary = JSON.parse(first.stdout) as {items: number, accuracyOff: number, accuracyAdaptive: number, byRound: number[], meanRounds: number, errors: number};
    assert.is(summary.items, 3);
    assert.ok(summary.byRound.length >= 1 && summary.byRound.length <= 3, `${summary.byRound}`);
    assert.is(summary.byRound[0], summary.accuracyOff, "round 0 is the answer without refinement");
    assert.ok(summary.meanRounds >= 1 && summary.meanRounds <= 3);
    for (const name of ["items.jsonl", "report.json", "report.md", "chart.svg"]) assert.ok(existsSync(path.join(out, name)), name);
    const again = await runCli(args);
    assert.is(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout), summary, "the second run reads the finished items back");
    const parallel = await runCli([...args.map((arg) => arg === out ? path.join(dir, "out-2") : arg), "--contexts", "2"]);
    assert.is(parallel.code, 0, parallel.stderr);
    assert.equal(JSON.parse(parallel.stdout), summary, "--contexts 2 gives the same summary");
    const zero = await runCli([...args.map((arg) => arg === out ? path.join(dir, "out-0") : arg), "--contexts", "0"]);
    assert.is(zero.code, 2, "a usage error");
    assert.match(zero.stderr, /contexts must be a positive integer, got 0/);
});

t("a missing or malformed items file is refused with its name", async () => {
    const missing = await runCli(["eval", "synth", "--items", path.join(dir, "nope.jsonl"), "--model", model, "--out", path.join(dir, "x")]);
    assert.is(missing.code, 1);
    assert.match(missing.stderr, /nope\.jsonl/);
    const bad = path.join(dir, "bad.jsonl");
    await writeFile(bad, "{\"id\": 1}\n");
    const malformed = await runCli(["eval", "synth", "--items", bad, "--model", model, "--out", path.join(dir, "y")]);
    assert.is(malformed.code, 1);
    assert.match(malformed.stderr, /bad\.jsonl/);
    const rounds = await runCli(["eval", "synth", "--items", bad, "--model", model, "--out", path.join(dir, "z"), "--max-rounds", "0"]);
    assert.is(rounds.code, 2, "a usage error");
    assert.match(rounds.stderr, /--max-rounds must be an integer from 1 to 16/);
    assert.not.ok(existsSync(path.join(dir, "z")), "nothing is written for a refused command");
});

t.run();
