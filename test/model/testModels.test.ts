import {stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel, resolveChatWrapper} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readGguf} from "../../src/model/readGguf.js";
import {createTestModel, testModelSpec, type TestModelKind} from "../helpers/testModels.js";

const t = suite("createTestModel");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});

const expected: Record<TestModelKind, {vocabSize: number, wrapper: string | undefined, tied: boolean}> = {
    "spm-tiny": {vocabSize: 32000, wrapper: undefined, tied: false},
    "chatml-tiny": {vocabSize: 151936, wrapper: "ChatML", tied: true},
    "llama3-tiny": {vocabSize: 128256, wrapper: "Llama 3", tied: true},
    "default-vocab-tiny": {vocabSize: 4096, wrapper: "ChatML", tied: false}
};

for (const kind of Object.keys(expected) as TestModelKind[]) {
    t(`${kind}: generated once into the temp folder, cached, loads with its tokenizer and template`, async () => {
        const file = await createTestModel(kind);
        assert.ok(file.startsWith(path.join(os.tmpdir(), "toolace-r-test-models") + path.sep), file);
        assert.match(path.basename(file), new RegExp(`^${kind}-[0-9a-f]{16}\\.gguf$`));
        const modified = (await stat(file)).mtimeMs;
        assert.is(await createTestModel(kind), file, "same path on a second call");
        assert.is((await stat(file)).mtimeMs, modified, "not rewritten");

        const gguf = await readGguf(file);
        const spec = testModelSpec(kind);
        assert.is(gguf.getNumber("llama.embedding_length"), spec.dim);
        assert.is(gguf.getStringArray("tokenizer.ggml.tokens")?.length, expected[kind].vocabSize);
        assert.is(gguf.tensor("output.weight") === undefined, expected[kind].tied);
        assert.is(gguf.get("tokenizer.chat_template") === undefined, expected[kind].wrapper === undefined);

        const model = await llama.loadModel({modelPath: file});
        try {
            if (expected[kind].wrapper !== undefined) assert.is(resolveChatWrapper(model)?.wrapperName, expected[kind].wrapper);
            const context = await model.createContext({contextSize: 2048, threads: 1});
            const tokens = [];
            for await (const token of context.getSequence().evaluate(model.tokenize("Call a tool"))) {
                tokens.push(token);
                if (tokens.length === 4) break;
            }
            assert.is(tokens.length, 4);
            await context.dispose();
        } finally {
            await model.dispose();
        }
    });
}

t("the kinds differ in their cache keys", async () => {
    const paths = await Promise.all((Object.keys(expected) as TestModelKind[]).map((kind) => createTestModel(kind)));
    assert.is(new Set(paths).size, Object.keys(expected).length);
});

t.run();
