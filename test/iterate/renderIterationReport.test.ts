import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {IterationReport, TrainIterateReport} from "../../src/iterate/IterationReport.js";
import {renderIterationReport} from "../../src/iterate/renderIterationReport.js";

const t = suite("renderIterationReport");
const dev = (off: number, adaptive: number): NonNullable<IterationReport["dev"]> => ({
    items: 100, accuracyOff: off, accuracyAdaptive: adaptive, byRound: [off, adaptive], meanRounds: 2.1, changed: 9, wrongToRight: 7, rightToWrong: 2,
    stops: {converged: 90, max_rounds: 10}, errors: 0, byCategory: {}
});
const report: TrainIterateReport = {
    out: "/runs/a", base: "/m/base.gguf", pool: {file: "/d/train.jsonl", items: 400}, dev: {file: "/d/dev.jsonl", items: 100},
    settings: {select: "model-aware", k: 8, temperature: 0.8, refinementCorpus: true}, state: "selection_stopped_growing",
    best: {iteration: 1, model: "/runs/a/iter-1/model.gguf", accuracyAdaptive: 0.42, accuracyOff: 0.4},
    iterations: [
        {iteration: 0, model: "/m/base.gguf", out: null, sampling: null, selection: null, corpus: null, training: null, dev: dev(0.3, 0.31), stop: null},
        {
            iteration: 1, model: "/m/base.gguf", out: "/runs/a/iter-1/model.gguf",
            sampling: {items: 400, k: 8, temperature: 0.8, passAt1: 0.25, passAtK: 0.6, difficulty: {unsolved: 160, learnable: 200, solved: 40}, errors: 3, seconds: 100,
                tokens: {items: 400, samples: 3197, promptTokens: 120000, completionTokens: 160000, evaluatedTokens: 275000, separateTokens: 1119100, maxRepeatInputTokens: 1, savedFraction: 0.754}},
            selection: {rule: "model-aware", selected: 210, previous: null, byDifficulty: {unsolved: 0, learnable: 200, solved: 10}},
            corpus: {conversations: 900, byKind: {sft: 210, fix: 300, stop: 200, fix_stop: 150, fix_fix: 40}, dropped: 2, contextSize: 1024},
            training: {steps: 898, firstLoss: 2.5, lastLoss: 0.7, finalLoss: 0.75}, dev: dev(0.4, 0.42), stop: null
        },
        {
            iteration: 2, model: "/runs/a/iter-1/model.gguf", out: null, sampling: null, corpus: null, training: null, dev: null,
            selection: {rule: "model-aware", selected: 190, previous: 210, byDifficulty: {unsolved: 0, learnable: 180, solved: 10}},
            stop: {reason: "selection_stopped_growing", message: "the model-aware selection stopped growing (190 items, 210 in the previous iteration)"}
        }
    ]
};

t("one row per iteration: difficulty, pass@k, selection, dev by round, refinement changes, tokens and corpus", () => {
    const markdown = renderIterationReport(report);
    assert.match(markdown, "State: selection_stopped_growing. Best: iteration 1 (42.0% adaptive, 40.0% without refinement)");
    assert.match(markdown, "| 1 | 160 / 200 / 40 | 25.0% | 60.0% | 210 | 40.0% | 42.0% | 40.0% → 42.0% | 2.10 | 7 | 2 | 898 | 0.750 |");
    assert.match(markdown, "| 2 | – | – | – | 190 (was 210) | – | – | – | – | – | – | – | – |");
    assert.match(markdown, "Iteration 2 stopped: the model-aware selection stopped growing");
    assert.match(markdown, "| 1 | 400 | 3197 | 120000 | 160000 | 275000 | 1119100 | 75.4% | 1 |");
    assert.match(markdown, "| 1 | 900 | 210 | 300 | 200 | 150 | 40 | 2 | 1024 |");
});

t.run();
