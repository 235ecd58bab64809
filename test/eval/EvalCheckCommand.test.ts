import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("toolace-r eval check");
const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "cli", "main.js");

function run(...args: string[]): {status: number | null, stdout: string, stderr: string} {
    const result = spawnSync(process.execPath, [main, "eval", "check", ...args], {encoding: "utf8"});
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

t("prints the agreement, shows disagreements on stderr and fails unless all rows agree", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-evalcheck-"));
    try {
        mkdirSync(path.join(dir, "possible_answer"));
        writeFileSync(path.join(dir, "BFCL_v4_simple_python.json"),
            "{\"id\": \"simple_python_0\", \"question\": [[{\"role\": \"user\", \"content\": \"q\"}]], \"function\": [{\"name\": \"f\", \"description\": \"d\", \"parameters\": {\"type\": \"dict\", \"properties\": {\"x\": {\"type\": \"integer\"}}, \"required\": [\"x\"]}}]}\n");
        writeFileSync(path.join(dir, "possible_answer", "BFCL_v4_simple_python.json"), "{\"id\": \"simple_python_0\", \"ground_truth\": [{\"f\": {\"x\": [1]}}]}\n");
        const row = (variant: string, x: string, valid: boolean, errorType: string | null): string =>
            JSON.stringify({id: "simple_python_0", category: "simple_python", variant, underscore_to_dot: false, decoded: [{f: {x: "X"}}], valid, error_type: errorType})
                .replace("\"X\"", x);
        const vectors = path.join(dir, "vectors.jsonl");
        writeFileSync(vectors, [row("ok", "1", true, "simple_function_checker:unclear"), row("float", "1.0", false, "type_error:simple")].join("\n"));
        const good = run("--data", dir, "--vectors", vectors);
        assert.is(good.status, 0, good.stderr);
        assert.equal(JSON.parse(good.stdout), {agree: 2, total: 2});

        writeFileSync(vectors, [row("ok", "1", true, null), row("lie", "2", true, null)].join("\n"));
        const bad = run("--data", dir, "--vectors", vectors);
        assert.is(bad.status, 1);
        assert.equal(JSON.parse(bad.stdout), {agree: 1, total: 2});
        assert.match(bad.stderr, /disagree: simple_python_0 \(lie\) expected \{"valid":true,"errorType":null\} got \{"valid":false,"errorType":"value_error:others"/);

        const missing = run("--data", dir, "--vectors", path.join(dir, "absent.jsonl"));
        assert.is(missing.status, 1);
        assert.match(missing.stderr, /toolace-r: checker vector file .*absent\.jsonl does not exist \[bfcl_missing_file\]/);
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

const shared = sharedBfclData("toolace-r eval check (real data)");
withShared(t, shared, "the shared BFCL data")("agrees with all golden vectors of the shared data", () => {
    const result = run("--data", shared as string);
    assert.is(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout), {agree: 11545, total: 11545});
});

t.run();
