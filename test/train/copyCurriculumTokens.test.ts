import {getLlama, LlamaLogLevel, type Token} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {copyCurriculumTokens} from "../../src/train/copyCurriculumTokens.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("copyCurriculumTokens");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});

t("normal tokens without BOS, and the single-token ':' and newline of the vocabulary", async () => {
    const file = await createTestModel("chatml-tiny");
    const found = await copyCurriculumTokens(llama, file);
    const model = await llama.loadModel({modelPath: file, vocabOnly: true});
    try {
        assert.is(found.bos, model.tokens.bos);
        assert.not.ok(found.tokens.includes(found.bos));
        assert.ok(found.tokens.length > 1000, `${found.tokens.length} normal tokens`);
        assert.is(model.detokenize([found.separator as Token]), ":");
        assert.is(model.detokenize([found.end as Token]), "\n");
        const control = model.tokens.eos;
        assert.ok(control != null && !found.tokens.includes(control as number), "control tokens are not drawn");
    } finally {
        await model.dispose();
    }
});

t("a file without a tokenizer is refused with its name", async () => {
    await copyCurriculumTokens(llama, "/nonexistent/model.gguf").then(
        () => assert.unreachable("accepted"),
        (error: unknown) => assert.match(String((error as Error).message), /\/nonexistent\/model\.gguf/));
});

t.run();
