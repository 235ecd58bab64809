import {getLlama, LlamaLogLevel, type Token} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {tokensText} from "../../src/engine/tokensText.js";

const t = suite("tokensText");

t("spells tokens exactly: no space clean-up before punctuation, characters split over byte tokens joined", async () => {
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const model = await llama.loadModel({modelPath: DEFAULT_MODEL_PATH, vocabOnly: true});
    try {
        for (const text of ['{"q":"Gb ?"}', "a , b . c ! it 's", "über 😀 ?", ""]) {
            const tokens = model.tokenize(text);
            assert.is(tokensText(model, tokens), text);
        }
        // The default model's vocabulary cleans spaces when a sequence is detokenised at once: what tokensText avoids.
        assert.is(model.detokenize(model.tokenize("a ?")), "a?");
        const bytes = model.tokenize("ü");
        assert.ok(bytes.length > 1 && bytes.every((token) => model.detokenize([token as Token]).includes("\uFFFD")));
        assert.is(tokensText(model, [...model.tokenize("x"), ...bytes]), "xü");
    } finally {
        await model.dispose();
    }
});

t.run();
