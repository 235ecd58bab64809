import {mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readGguf} from "../../src/model/readGguf.js";
import {listBundledVocabs, resolveVocab, type VocabSourceOptions} from "../../src/model/vocabSource.js";
import {VocabSourceError} from "../../src/model/VocabSourceError.js";

const t = suite("vocabSource");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-vocab-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

async function expectError(nameOrPath: string, options: VocabSourceOptions, code: string, pattern: RegExp): Promise<VocabSourceError> {
    try {
        await resolveVocab(nameOrPath, options);
    } catch (error) {
        assert.instance(error, VocabSourceError);
        assert.is((error as VocabSourceError).code, code, (error as Error).message);
        assert.match((error as Error).message, pattern);
        return error as VocabSourceError;
    }
    throw new Error(`resolveVocab(${nameOrPath}) should fail with ${code}`);
}

t("a name is extracted from node-llama-cpp's bundle into $TOOLACE_CACHE/vocab, concurrently and once", async () => {
    const cache = path.join(dir, "env-cache");
    const previous = process.env.TOOLACE_CACHE;
    process.env.TOOLACE_CACHE = cache;
    try {
        const [spm, spmAgain, qwen] = await Promise.all([resolveVocab("llama-spm"), resolveVocab("llama-spm"), resolveVocab("qwen2")]);
        assert.is(spm.source, "bundle");
        assert.is(spm.name, "llama-spm");
        assert.is(spmAgain.path, spm.path);
        assert.ok(spm.path.startsWith(path.join(cache, "vocab") + path.sep), spm.path);
        const gguf = await readGguf(spm.path);
        assert.is(gguf.getString("tokenizer.ggml.model"), "llama");
        assert.is(gguf.getStringArray("tokenizer.ggml.tokens")?.length, 32000);
        assert.is((await readGguf(qwen.path)).getStringArray("tokenizer.ggml.tokens")?.length, 151936);
        // cached: found again without running git
        const cached = await resolveVocab("qwen2", {git: path.join(dir, "no-such-git")});
        assert.is(cached.path, qwen.path);
        const commitFolder = path.dirname(spm.path);
        assert.equal((await readdir(commitFolder)).sort(), ["ggml-vocab-llama-spm.gguf", "ggml-vocab-qwen2.gguf", "repo.git"], "no temporary files left");
    } finally {
        if (previous === undefined) delete process.env.TOOLACE_CACHE;
        else process.env.TOOLACE_CACHE = previous;
    }
});

t("the bundle's vocab names are listed, and an unknown name lists them", async () => {
    const options = {cacheDir: path.join(dir, "list-cache")};
    const names = await listBundledVocabs(options);
    for (const name of ["llama-spm", "llama-bpe", "qwen2", "phi-3", "gpt-2"]) assert.ok(names.includes(name), name);
    const error = await expectError("llama-99", options, "vocab_unknown", /unknown vocab "llama-99".*llama-spm.*qwen2/);
    assert.equal(error.context.available, names);
});

t("a path is used as it is; a missing path is vocab_not_found", async () => {
    const file = path.join(dir, "my vocab.gguf");
    await writeFile(file, "any content: resolveVocab does not parse");
    assert.equal(await resolveVocab(file), {name: "my vocab", path: file, source: "file"});
    await expectError(path.join(dir, "nope.gguf"), {}, "vocab_not_found", /nope\.gguf does not exist/);
    await expectError("nope.gguf", {}, "vocab_not_found", /does not exist/);
});

t("missing git and missing bundle are reported as such", async () => {
    await expectError("llama-spm", {cacheDir: path.join(dir, "fresh"), git: path.join(dir, "no-such-git")}, "git_missing", /git .* was not found.*install git/);
    await expectError("llama-spm", {cacheDir: path.join(dir, "fresh"), bundlePath: path.join(dir, "none.bundle")}, "vocab_bundle_missing", /bundle of node-llama-cpp is missing.*none\.bundle/);
    const notBundle = path.join(dir, "fake.bundle");
    await writeFile(notBundle, "not a bundle\n");
    await expectError("llama-spm", {cacheDir: path.join(dir, "fresh"), bundlePath: notBundle}, "vocab_bundle_missing", /is not a git bundle/);
});

t.run();
