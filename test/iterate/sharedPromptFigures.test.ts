import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {ItemSamples, SampleRecord} from "../../src/iterate/sampleItems.js";
import {sharedPromptFigures} from "../../src/iterate/sharedPromptFigures.js";

const t = suite("sharedPromptFigures");
const sample = (inputTokens: number, outputTokens: number, extra: Partial<SampleRecord> = {}): SampleRecord =>
    ({seed: 0, tool_calls: [], content: "x", correct: false, callSet: "[]", inputTokens, outputTokens, ms: 1, ...extra});
const item = (id: string, promptTokens: number, samples: SampleRecord[]): ItemSamples => ({id, category: "simple", promptTokens, samples, correct: 0});

t("prompt once per item, completions per sample; compared with every sample evaluating its prompt", () => {
    // The meter counts the prompt's last position as output: a fresh 300-token prompt reads as 299 in + (1 + 19) out.
    const figures = sharedPromptFigures([
        item("a", 300, [sample(299, 20), sample(0, 25), sample(0, 15), sample(1, 20)]),
        item("b", 200, [sample(150, 10), sample(0, 10), sample(0, 0, {error: {code: "output_truncated", message: "cut"}})])
    ]);
    assert.equal(figures, {
        items: 2, samples: 6, promptTokens: 500, completionTokens: 100,
        evaluatedTokens: 299 + 20 + 25 + 15 + 1 + 20 + 150 + 10 + 10,
        separateTokens: 4 * 300 + 80 + 2 * 200 + 20,
        maxRepeatInputTokens: 1,
        savedFraction: Math.round((1 - 550 / 1700) * 1000) / 1000
    });
    assert.ok(figures.evaluatedTokens <= figures.promptTokens + figures.completionTokens);
});

t("items without a measured sample are left out; nothing measured gives zeros", () => {
    const figures = sharedPromptFigures([item("a", 300, [sample(0, 0, {error: {code: "bad_request", message: "x"}})])]);
    assert.equal(figures, {items: 0, samples: 0, promptTokens: 0, completionTokens: 0, evaluatedTokens: 0, separateTokens: 0, maxRepeatInputTokens: 0, savedFraction: 0});
});

t.run();
