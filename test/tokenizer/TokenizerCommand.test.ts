import {mkdtemp, rm, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import yargs from "yargs";
import {TokenizerCommand} from "../../src/cli/commands/TokenizerCommand.js";
import {runSynth} from "../../src/synth/runSynth.js";

const t = suite("toolace-r tokenizer");

async function run(args: string[]): Promise<string> {
    let stdout = "";
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => (stdout += chunk, true)) as typeof process.stdout.write;
    try {
        await yargs(args).command(TokenizerCommand).strict().fail((message, error) => {
            throw error ?? new Error(message);
        }).parseAsync();
    } finally {
        process.stdout.write = write;
    }
    return stdout;
}

t("tokenizer train writes the vocab GGUF and prints a summary; unknown options are refused", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-tokenizer-cli-"));
    try {
        runSynth({out: path.join(dir, "synth"), count: 100, seed: 1, sourcesDir: path.join(dir, "none")});
        const out = path.join(dir, "v.gguf");
        const summary = JSON.parse(await run(["tokenizer", "train", "--corpus", path.join(dir, "synth"), "--size", "512", "--out", out])) as Record<string, unknown>;
        assert.is(summary.size, 512);
        assert.is(summary.path, out);
        assert.is(summary.items, 80);
        assert.is((await stat(out)).size, summary.bytes);
        let failed = false;
        await run(["tokenizer", "train", "--corpus", dir, "--out", out, "--bogus", "1"]).catch(() => { failed = true; });
        assert.ok(failed);
    } finally {
        await rm(dir, {recursive: true, force: true});
    }
});

t.run();
