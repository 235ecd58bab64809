import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {resolveApiBankDataDir} from "../../src/eval/apiBankData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("toolace-r eval api-bank");
const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "cli", "main.js");
const dataDir = resolveApiBankDataDir();
const hasData = existsSync(path.join(dataDir, "test-data", "level-1-api.json"));

function run(...args: string[]): {status: number | null, stdout: string, stderr: string} {
    const result = spawnSync(process.execPath, [main, "eval", "api-bank", ...args], {encoding: "utf8"});
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

withShared(t, hasData ? dataDir : undefined, "the API-Bank data")("--oracle --levels --limit prints the summary and writes the report; a bad level is refused", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-evalapibank-"));
    try {
        const ok = run("--data", dataDir, "--levels", "2,1", "--limit", "3", "--oracle", "--out", dir, "--no-progress");
        assert.is(ok.status, 0, ok.stderr);
        const summary = JSON.parse(ok.stdout) as {categories: Record<string, unknown>, evaluated: number};
        assert.equal(summary.categories, {"level-2": {correct: 3, total: 3, accuracy: 1, byRound: [1]}, "level-1": {correct: 3, total: 3, accuracy: 1, byRound: [1]}});
        assert.is(summary.evaluated, 6);
        assert.ok(existsSync(path.join(dir, "report.md")) && existsSync(path.join(dir, "chart.svg")));
        const bad = run("--data", dataDir, "--levels", "3", "--oracle", "--out", path.join(dir, "l3"));
        assert.is(bad.status, 1);
        assert.match(bad.stderr, /API-Bank level 3 is not supported.*\[eval_unsupported_category\]/);
        const usage = run("--data", dataDir, "--levels", "one", "--oracle", "--out", path.join(dir, "x"));
        assert.is(usage.status, 2);
        assert.match(usage.stderr, /--levels takes numbers/);
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

t.run();
