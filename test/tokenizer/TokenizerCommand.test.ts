import {mkdtemp, rm, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {existsSync} from "node:fs";
import {runCli} from "../helpers/runCli.js";
import {runSynth} from "../../src/synth/runSynth.js";

const t = suite("toolace-r tokenizer");

async function run(args: string[]): Promise<string> {
    const result = await runCli(args);
    if (result.code !== 0) throw new Error(`toolace-r ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
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
        // Through the CLI as src/cli/main.ts builds it (strict), with an otherwise valid call: the
        // refusal must be for the unknown option, and nothing is written.
        const refusedOut = path.join(dir, "refused.gguf");
        const refused = await runCli(["tokenizer", "train", "--corpus", path.join(dir, "synth"), "--size", "512", "--out", refusedOut, "--bogus", "1"]);
        assert.is(refused.code, 2, refused.stderr);
        assert.match(refused.stderr, /Unknown argument: bogus/);
        assert.not.ok(existsSync(refusedOut), "a refused call writes nothing");
    } finally {
        await rm(dir, {recursive: true, force: true});
    }
});

t.run();
