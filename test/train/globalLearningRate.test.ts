import {suite} from "uvu";
import * as assert from "uvu/assert";
import {globalLearningRate} from "../../src/train/globalLearningRate.js";
import {learningRateAt} from "../../src/train/trainData.js";

const t = suite("globalLearningRate");
const schedule = {peak: 1e-3, min: 1e-4, warmupSteps: 10};

t("warms up linearly, then decays linearly to min at the last step", () => {
    assert.is(globalLearningRate(0, 110, schedule), 1e-4);
    assert.is(globalLearningRate(9, 110, schedule), 1e-3);
    assert.ok(Math.abs(globalLearningRate(60, 110, schedule) - 5.5e-4) < 1e-12);
    assert.ok(Math.abs(globalLearningRate(110, 110, schedule) - 1e-4) < 1e-12);
});

t("a later phase's linear schedule from the rate at its start to the rate at its end follows the global curve", () => {
    const total = 1000;
    const [start, end] = [400, 700];
    const lr = globalLearningRate(start, total, schedule);
    const min = globalLearningRate(end, total, schedule);
    for (const local of [0, 100, 299]) {
        const phase = learningRateAt(local, end - start, lr, {type: "linear", minLearningRate: min});
        assert.ok(Math.abs(phase - globalLearningRate(start + local, total, schedule)) < 1e-12, `step ${local}`);
    }
});

t.run();
