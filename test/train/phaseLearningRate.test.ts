import {suite} from "uvu";
import * as assert from "uvu/assert";
import {globalLearningRate} from "../../src/train/globalLearningRate.js";
import {phaseLearningRate} from "../../src/train/phaseLearningRate.js";
import {learningRateAt} from "../../src/train/trainData.js";

const t = suite("phaseLearningRate");
const recipe = {learningRate: 1e-3, minLearningRate: 1e-4, warmupSteps: 10};
const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-12;

t("without passPeaks the phases follow one curve over the run (the first phase warms up)", () => {
    const curve = {peak: 1e-3, min: 1e-4, warmupSteps: 10};
    const first = phaseLearningRate(recipe, {pass: 0, start: 0, end: 300, passStart: 0, passEnd: 500, totalSteps: 1000});
    assert.equal(first, {learningRate: 1e-3, minLearningRate: globalLearningRate(300, 1000, curve), warmupSteps: 10});
    const later = phaseLearningRate(recipe, {pass: 1, start: 600, end: 800, passStart: 500, passEnd: 1000, totalSteps: 1000});
    assert.ok(close(later.learningRate, globalLearningRate(600, 1000, curve)));
    assert.ok(close(later.minLearningRate, globalLearningRate(800, 1000, curve)));
    assert.is(later.warmupSteps, 0);
});

t("with passPeaks every pass is its own curve; pass 0's schedule does not depend on later passes", () => {
    const peaks = {...recipe, passPeaks: [1e-3, 5e-4]};
    const oneRun = phaseLearningRate(recipe, {pass: 0, start: 300, end: 500, passStart: 0, passEnd: 500, totalSteps: 500});
    const twoPasses = phaseLearningRate(peaks, {pass: 0, start: 300, end: 500, passStart: 0, passEnd: 500, totalSteps: 1200});
    assert.equal(twoPasses, oneRun);
    assert.ok(close(twoPasses.minLearningRate, 1e-4), "pass 0 ends at minLearningRate");

    const start = phaseLearningRate(peaks, {pass: 1, start: 500, end: 900, passStart: 500, passEnd: 1200, totalSteps: 1200});
    assert.is(start.learningRate, 5e-4);
    assert.is(start.warmupSteps, 0, "no warmup after pass 0");
    const end = phaseLearningRate(peaks, {pass: 1, start: 900, end: 1200, passStart: 500, passEnd: 1200, totalSteps: 1200});
    assert.ok(close(end.learningRate, start.minLearningRate), "consecutive phases of a pass join");
    assert.ok(close(end.minLearningRate, 5e-5), "pass 1 ends at minLearningRate · 5e-4 / 1e-3");
    // The phase's own linear schedule reproduces the pass curve inside it.
    const local = learningRateAt(150, 300, end.learningRate, {type: "linear", minLearningRate: end.minLearningRate});
    assert.ok(close(local, globalLearningRate(550, 700, {peak: 5e-4, min: 5e-5, warmupSteps: 0})));
});

t("a pass without a positive peak is a RangeError naming the pass", () => {
    assert.throws(() => phaseLearningRate({...recipe, passPeaks: [1e-3]}, {pass: 1, start: 5, end: 9, passStart: 5, passEnd: 9, totalSteps: 9}), /pass 1/);
});

t.run();
