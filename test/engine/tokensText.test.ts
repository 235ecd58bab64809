import {getLlama, LlamaLogLevel, type Token} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {tokensText} from "../../src/engine/tokensText.js";
import {createTestModel} from "../helpers/testModels.js";

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

t("text extended piece by piece, with the tokens before as context, equals the whole (SentencePiece keeps its spaces)", async () => {
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    for (const file of [DEFAULT_MODEL_PATH, await createTestModel("spm-tiny")]) {
        const model = await llama.loadModel({modelPath: file, vocabOnly: true});
        try {
            const text = '{"place":"Tourist spots near the old town , über ?"}';
            const tokens = model.tokenize(text);
            assert.is(tokensText(model, tokens), text, file);
            // As the engine streams: three more tokens at a time, a piece kept only once it ends on a whole character.
            let settled = 0;
            let pieces = "";
            for (let end = 3; settled < tokens.length; end += 3) {
                const piece = tokensText(model, tokens.slice(settled, end), false, tokens.slice(0, settled));
                if (piece.endsWith("\uFFFD") && end < tokens.length) continue;
                pieces += piece;
                settled = Math.min(end, tokens.length);
            }
            assert.is(pieces, text, `${file}: in pieces of three tokens`);
        } finally {
            await model.dispose();
        }
    }
});

t.run();
