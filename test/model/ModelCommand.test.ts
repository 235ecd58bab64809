import {execFile} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";

const t = suite("ModelCommand (CLI)");
const main = fileURLToPath(new URL("../../src/cli/main.js", import.meta.url));
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-modelcli-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

/** Runs `node dist/src/cli/main.js ...args` in the temp folder. */
function cli(...args: string[]): Promise<{code: number, stdout: string, stderr: string}> {
    return new Promise((resolve) => {
        execFile(process.execPath, [main, ...args], {cwd: dir, maxBuffer: 16 * 1024 * 1024}, (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
            resolve({code, stdout, stderr});
        });
    });
}

const initArgs = ["model", "init", "--arch", "llama", "--vocab", "llama-spm", "--dim", "32", "--layers", "1", "--heads", "2", "--ffn", "64", "--ctx", "128"];

t("model init writes the model and prints a JSON summary; model inspect reads it back", async () => {
    const init = await cli(...initArgs, "--out", "sub/m.gguf", "--seed", "5");
    assert.is(init.code, 0, init.stderr);
    const summary = JSON.parse(init.stdout) as {path: string, params: number, bytes: number, seed: number, vocab: {size: number, name: string}};
    assert.is(summary.path, path.join(dir, "sub", "m.gguf"));
    assert.ok(existsSync(summary.path));
    assert.is(summary.vocab.size, 32000);
    assert.is(summary.vocab.name, "llama-spm");
    assert.is(summary.seed, 5);
    assert.is(summary.params, 2 * 32000 * 32 + 32 + (32 + 4 * 32 * 32 + 32 + 3 * 32 * 64));
    assert.is(summary.bytes, (await readFile(summary.path)).length);

    const json = await cli("model", "inspect", "sub/m.gguf", "--json");
    assert.is(json.code, 0, json.stderr);
    const inspection = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.is(inspection.architecture, "llama");
    assert.is(inspection.params, summary.params);
    assert.equal([inspection.layers, inspection.dim, inspection.heads, inspection.ctx], [1, 32, 2, 128]);
    assert.equal(inspection.fileType, {id: 0, name: "F32"});

    const text = await cli("model", "inspect", "sub/m.gguf");
    assert.is(text.code, 0, text.stderr);
    assert.match(text.stdout, /architecture\s+llama/);
    assert.match(text.stdout, /layers 1, dim 32, heads 2 \(kv 2, head size 16\), ffn 64, ctx 128/);
    assert.match(text.stdout, /tokenizer\s+llama \(pre default\), 32,000 tokens/);

    const tied = await cli(...initArgs, "--out", "tied.gguf", "--tie-embeddings", "--template", "none", "--kv-heads", "1");
    assert.is(tied.code, 0, tied.stderr);
    const tiedSummary = JSON.parse(tied.stdout) as {params: number, tieEmbeddings: boolean, kvHeads: number};
    assert.is(tiedSummary.tieEmbeddings, true);
    assert.is(tiedSummary.kvHeads, 1);
    assert.is(tiedSummary.params, 32000 * 32 + 32 + (32 + 2 * 32 * 32 + 2 * 32 * 16 + 32 + 3 * 32 * 64));
});

t("missing, truncated and non-GGUF files: one clear line naming the file, exit 1", async () => {
    await writeFile(path.join(dir, "notes.txt"), "plain text");
    const whole = await readFile(path.join(dir, "sub", "m.gguf"));
    await writeFile(path.join(dir, "cut.gguf"), whole.subarray(0, whole.length - 1000));
    const cases: [string, RegExp][] = [
        ["missing.gguf", /^toolace-r: missing\.gguf: no such file \[gguf_not_found\]\n$/],
        ["notes.txt", /^toolace-r: notes\.txt: not a GGUF file \(starts with "plai", expected "GGUF"\) \[gguf_not_gguf\]\n$/],
        ["cut.gguf", /^toolace-r: cut\.gguf: truncated GGUF file: the data of tensor "output\.weight" ends at byte \d+, but the file has only \d+ bytes \[gguf_truncated\]\n$/]
    ];
    for (const [file, pattern] of cases) {
        const result = await cli("model", "inspect", file);
        assert.is(result.code, 1, file);
        assert.is(result.stdout, "");
        assert.match(result.stderr, pattern);
    }
});

t("init errors: unknown vocab lists the names, unusable template, missing options", async () => {
    const unknown = await cli(...initArgs.map((arg) => arg === "llama-spm" ? "llama-9" : arg), "--out", "x.gguf");
    assert.is(unknown.code, 1);
    assert.match(unknown.stderr, /unknown vocab "llama-9".*llama-bpe.*qwen2.*\[vocab_unknown\]/);
    const template = await cli(...initArgs, "--out", "x.gguf", "--template", "chatml");
    assert.is(template.code, 1);
    assert.match(template.stderr, /needs the special tokens <\|im_start\|> <\|im_end\|>.*\[model_vocab_unusable\]/);
    const missing = await cli("model", "init", "--vocab", "llama-spm");
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /Missing required arguments: dim, layers, heads, ffn, ctx, out/);
    const noSub = await cli("model");
    assert.is(noSub.code, 2);
    assert.not.ok(existsSync(path.join(dir, "x.gguf")));
});

t.run();
