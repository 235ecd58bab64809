import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";

const t = suite("toolace-r eval bfcl");
const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "cli", "main.js");

function run(...args: string[]): {status: number | null, stdout: string, stderr: string} {
    const result = spawnSync(process.execPath, [main, "eval", "bfcl", ...args], {encoding: "utf8"});
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

t("--oracle scores its own data, prints the summary, writes the four files; Java is refused with its name", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-evalbfcl-"));
    try {
        const data = path.join(dir, "data");
        mkdirSync(path.join(data, "possible_answer"), {recursive: true});
        const fn = {name: "calc.area", description: "Area.", parameters: {type: "dict", properties: {r: {type: "float", description: "R."}}, required: ["r"]}};
        writeFileSync(path.join(data, "BFCL_v4_simple_python.json"), [0, 1].map((i) => JSON.stringify({id: `simple_python_${i}`, question: [[{role: "user", content: `q${i}`}]], function: [fn]})).join("\n") + "\n");
        writeFileSync(path.join(data, "possible_answer", "BFCL_v4_simple_python.json"), [0, 1].map((i) => `{"id": "simple_python_${i}", "ground_truth": [{"calc.area": {"r": [${i}.5]}}]}`).join("\n") + "\n");
        writeFileSync(path.join(data, "BFCL_v4_irrelevance.json"), JSON.stringify({id: "irrelevance_0", question: [[{role: "user", content: "q"}]], function: [fn]}) + "\n");
        const out = path.join(dir, "out");
        const result = run("--data", data, "--categories", "simple_python,irrelevance", "--oracle", "--out", out);
        assert.is(result.status, 0, result.stderr);
        const summary = JSON.parse(result.stdout) as {categories: Record<string, {correct: number, total: number}>, aggregates: Record<string, number>, evaluated: number};
        assert.equal(summary.categories, {simple_python: {correct: 2, total: 2, accuracy: 1, byRound: [1]}, irrelevance: {correct: 1, total: 1, accuracy: 1, byRound: [1]}});
        assert.equal(summary.aggregates, {simple: 1, irrelevance: 1});
        for (const file of ["items.jsonl", "report.json", "report.md", "chart.svg", "run.json"]) assert.ok(existsSync(path.join(out, file)), file);
        assert.match(result.stderr, /bfcl fc \[#+\] 3\/3 acc 100\.0%/, "progress on stderr");

        const again = run("--data", data, "--categories", "simple_python,irrelevance", "--oracle", "--out", out, "--no-progress");
        assert.is(again.status, 0, again.stderr);
        assert.equal([JSON.parse(again.stdout).evaluated, JSON.parse(again.stdout).resumed, again.stderr], [0, 3, ""]);
        assert.equal(JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")).categories.simple_python.correct, 2);

        const java = run("--data", data, "--categories", "simple_java", "--oracle", "--out", path.join(dir, "java"));
        assert.is(java.status, 1);
        assert.match(java.stderr, /toolace-r: category simple_java is not supported: .* \[eval_unsupported_category\]/);
        const missing = run("--data", data, "--categories", "parallel", "--oracle", "--out", path.join(dir, "missing"));
        assert.is(missing.status, 1);
        assert.match(missing.stderr, /no question file for category parallel/);
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

t.run();
