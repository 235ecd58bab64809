import {suite} from "uvu";
import * as assert from "uvu/assert";
import {checkSample, checkSchedule, countByWindow, epochOrder, learningRateAt, orderByWindow, samplesDigest, splitSamples, toDatapoint, windowFor, windowsUpTo} from "../../src/train/trainData.js";
import {TrainError} from "../../src/train/TrainError.js";

const t = suite("trainData");

function code(run: () => unknown): string | undefined {
    try {
        run();
    } catch (error) {
        assert.instance(error, TrainError);
        return (error as TrainError).code;
    }
    return undefined;
}

t("a sample becomes inputs, next-token labels and a mask shifted by one, padded", () => {
    const point = toDatapoint({tokens: [1, 5, 6, 7], trainMask: [true, false, true, true]}, 8, 2);
    assert.equal([...point.tokens], [1, 5, 6, 2, 2, 2, 2, 2]);
    assert.equal([...point.labels], [5, 6, 7, 2, 2, 2, 2, 2]);
    assert.equal([...point.mask], [0, 1, 1, 0, 0, 0, 0, 0], "trainMask[0] is ignored; position p predicts token p+1");
    assert.is(point.trainable, 2);
    assert.is(point.used, 3);
});

t("samples are checked against the context and the vocabulary", () => {
    assert.is(checkSample({tokens: [1, 2, 3], trainMask: [false, true, true]}, 0, 256, 10), 2);
    assert.is(checkSample({tokens: [1, 2], trainMask: [true, false]}, 0, 256, 10), 0);
    assert.is(checkSample({tokens: Array(257).fill(1), trainMask: Array(257).fill(true)}, 0, 256, 10), 256);
    assert.is(code(() => checkSample({tokens: Array(258).fill(1), trainMask: Array(258).fill(true)}, 3, 256, 10)), "train_sample_too_long");
    assert.is(code(() => checkSample({tokens: [1, 10], trainMask: [false, true]}, 0, 256, 10)), "train_invalid_sample");
    assert.is(code(() => checkSample({tokens: [1, 2.5], trainMask: [false, true]}, 0, 256, 10)), "train_invalid_sample");
    assert.is(code(() => checkSample({tokens: [1, 2], trainMask: [false]}, 0, 256, 10)), "train_invalid_sample");
    assert.is(code(() => checkSample({tokens: [1], trainMask: [false]}, 0, 256, 10)), "train_invalid_sample");
});

t("the validation split and epoch orders are reproducible from the seed", () => {
    const indices = Array.from({length: 20}, (_, i) => i);
    const split = splitSamples(indices, 0.25, 7);
    assert.is(split.validation.length, 5);
    assert.is(split.train.length, 15);
    assert.equal([...split.train, ...split.validation].sort((a, b) => a - b), indices);
    assert.equal(splitSamples(indices, 0.25, 7), split);
    assert.not.equal(splitSamples(indices, 0.25, 8).validation, split.validation);
    assert.is(splitSamples(indices, 0.01, 7).validation.length, 1, "at least one validation sample");
    assert.is(splitSamples(indices, 0, 7).validation.length, 0);
    assert.is(code(() => splitSamples([3], 0.5, 1)), "train_invalid_options");

    const order0 = epochOrder(split.train, 7, 0);
    assert.equal([...order0].sort((a, b) => a - b), split.train);
    assert.equal(epochOrder(split.train, 7, 0), order0);
    assert.not.equal(epochOrder(split.train, 7, 1), order0);
});

t("length windows: the smallest window that holds a sample; an epoch order window by window, stable within each", () => {
    assert.equal(windowsUpTo(1024), [256, 512, 768, 1024]);
    assert.equal(windowsUpTo(256), [256]);
    assert.is(windowFor(257, [256, 512]), 256, "257 tokens are 256 positions");
    assert.is(windowFor(258, [256, 512]), 512);
    assert.is(windowFor(600, [256, 512]), undefined);
    const sample = (length: number) => ({tokens: new Array<number>(length).fill(1), trainMask: new Array<boolean>(length).fill(true)});
    assert.equal(countByWindow([sample(10), sample(257), sample(300), sample(600)], [256, 512, 768]), {256: 2, 512: 1, 768: 1});
    assert.equal(countByWindow([sample(10)], [256, 512]), {256: 1, 512: 0}, "empty windows are listed; too long ones left out");
    assert.equal(countByWindow([sample(600)], [256, 512]), {256: 0, 512: 0});
    const windowOf = (sample: number): number => (sample % 3 === 0 ? 512 : 256);
    assert.equal(orderByWindow([5, 3, 1, 0, 4, 6, 2], windowOf), [5, 1, 4, 2, 3, 0, 6]);
    assert.equal(orderByWindow([2, 0, 1], () => 256), [2, 0, 1], "one window keeps the order");
    assert.equal(orderByWindow([5, 3, 1, 0, 4, 6, 2], windowOf, 3), [5, 1, 3, 4, 0, 6, 2], "blocks of 3: [5 3 1] [0 4 6] [2], each window by window");
    assert.throws(() => orderByWindow([1, 2], windowOf, 0), /block must be a positive integer/);
});

t("learning rate schedules: warmup, constant, linear and cosine decay staying above 0", () => {
    assert.is(learningRateAt(0, 10, 1), 1);
    assert.is(learningRateAt(9, 10, 1, {type: "constant"}), 1);
    assert.is(learningRateAt(0, 10, 1, {type: "constant", warmupSteps: 4}), 0.25);
    assert.is(learningRateAt(3, 10, 1, {type: "constant", warmupSteps: 4}), 1);
    assert.is(learningRateAt(0, 10, 1, {type: "linear"}), 1);
    assert.ok(Math.abs(learningRateAt(5, 10, 1, {type: "linear"}) - 0.5) < 1e-12);
    assert.ok(learningRateAt(9, 10, 1, {type: "linear"}) > 0);
    assert.ok(Math.abs(learningRateAt(5, 10, 1, {type: "cosine", minLearningRate: 0.2}) - 0.6) < 1e-12);
    assert.ok(learningRateAt(9, 10, 1, {type: "cosine"}) > 0);
    assert.ok(Math.abs(learningRateAt(2, 10, 1, {type: "linear", warmupSteps: 2}) - 1) < 1e-12);
    assert.is(code(() => checkSchedule({type: "cosine", minLearningRate: 2}, 1)), "train_invalid_options");
    assert.is(code(() => checkSchedule({type: "step"} as never, 1)), "train_invalid_options");
    assert.is(code(() => checkSchedule({type: "constant", warmupSteps: -1}, 1)), "train_invalid_options");
});

t("the samples digest covers tokens and masks", () => {
    const a = samplesDigest([{tokens: [1, 2], trainMask: [false, true]}]);
    assert.is(samplesDigest([{tokens: [1, 2], trainMask: [false, true]}]), a);
    assert.is.not(samplesDigest([{tokens: [1, 2], trainMask: [false, false]}]), a);
    assert.is.not(samplesDigest([{tokens: [1, 3], trainMask: [false, true]}]), a);
});

t.run();
