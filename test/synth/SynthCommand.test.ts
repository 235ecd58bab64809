import {suite} from "uvu";
import * as assert from "uvu/assert";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import yargs from "yargs";
import {SynthCommand} from "../../src/cli/commands/SynthCommand.js";
import type {SynthItem} from "../../src/synth/SynthItem.js";
import type {SynthStats} from "../../src/synth/SynthStats.js";

const t = suite("toolace-r synth");

/** Runs the command in-process; returns what it printed on stdout and stderr. */
async function run(args: string[]): Promise<{stdout: string, stderr: string}> {
    let stdout = "";
    let stderr = "";
    const writeOut = process.stdout.write;
    const writeErr = process.stderr.write;
    process.stdout.write = ((chunk: string) => (stdout += chunk, true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => (stderr += chunk, true)) as typeof process.stderr.write;
    try {
        await yargs(args).command(SynthCommand).strict().fail((message, error) => {
            throw error ?? new Error(message);
        }).parseAsync();
    } finally {
        process.stdout.write = writeOut;
        process.stderr.write = writeErr;
    }
    return {stdout, stderr};
}

t("writes the three splits and stats.json, byte-identical for the same seed", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "toolace-synth-cli-"));
    try {
        const common = ["synth", "--count", "400", "--sources", path.join(root, "no-sources")];
        const first = await run([...common, "--out", path.join(root, "a"), "--seed", "9"]);
        await run([...common, "--out", path.join(root, "b"), "--seed", "9"]);
        await run([...common, "--out", path.join(root, "c"), "--seed", "10"]);
        for (const file of ["train.jsonl", "dev.jsonl", "test.jsonl", "stats.json"])
            assert.ok(readFileSync(path.join(root, "a", file)).equals(readFileSync(path.join(root, "b", file))), `${file} identical`);
        assert.not.ok(readFileSync(path.join(root, "a", "train.jsonl")).equals(readFileSync(path.join(root, "c", "train.jsonl"))), "another seed differs");

        const lines = readFileSync(path.join(root, "a", "train.jsonl"), "utf8").trim().split("\n");
        assert.is(lines.length, 320);
        const item = JSON.parse(lines[0] as string) as SynthItem;
        assert.equal(Object.keys(item), ["id", "split", "kind", "tools", "messages", "answer", "ground_truth"]);
        const stats = JSON.parse(readFileSync(path.join(root, "a", "stats.json"), "utf8")) as SynthStats;
        assert.equal(stats.items.bySplit, {train: 320, dev: 40, test: 40, total: 400});
        assert.is(Object.values(stats.items.byKind).reduce((sum, counts) => sum + counts.total, 0), 400);
        assert.is(stats.tools.bySource.generated?.total, stats.tools.total);
        assert.ok(stats.sources.every((source) => source.kept === 0));
        assert.ok(stats.notices.some((notice) => /not found/.test(notice)));

        assert.match(first.stderr, /generated tools only/);
        const summary = JSON.parse(first.stdout) as {items: {total: number}, timingsMs: Record<string, number>};
        assert.is(summary.items.total, 400);
        assert.type(summary.timingsMs.synthMs, "number");
    } finally {
        rmSync(root, {recursive: true, force: true});
    }
});

t("requires --out", async () => {
    try {
        await run(["synth", "--count", "5"]);
        assert.unreachable("should have failed");
    } catch (error) {
        assert.match(String(error), /out/);
    }
});

t.run();
