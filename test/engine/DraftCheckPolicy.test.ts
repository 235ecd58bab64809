import {suite} from "uvu";
import * as assert from "uvu/assert";
import {DraftCheckPolicy} from "../../src/engine/DraftCheckPolicy.js";

const t = suite("DraftCheckPolicy");

t("checks every round during the warm-up and while checks decide rounds", () => {
    const policy = new DraftCheckPolicy({warmup: 4, minShare: 0.5, window: 8, retryEvery: 3});
    for (let i = 0; i < 4; i++) {
        assert.ok(policy.shouldCheck());
        policy.record(false);
    }
    assert.is(policy.share(), 0);
    const fresh = new DraftCheckPolicy({warmup: 2, minShare: 0.5});
    for (let i = 0; i < 10; i++) {
        assert.ok(fresh.shouldCheck());
        fresh.record(i % 2 === 0);
    }
});

t("after the warm-up, unproductive checks stop except for one retry every few rounds", () => {
    const policy = new DraftCheckPolicy({warmup: 2, minShare: 0.5, window: 4, retryEvery: 3});
    policy.record(false);
    policy.record(false);
    assert.equal([policy.shouldCheck(), policy.shouldCheck(), policy.shouldCheck()], [false, false, true]);
    assert.equal([policy.shouldCheck(), policy.shouldCheck(), policy.shouldCheck()], [false, false, true]);
});

t("a workload that starts to confirm turns checks back on (the window forgets old outcomes)", () => {
    const policy = new DraftCheckPolicy({warmup: 2, minShare: 0.5, window: 4, retryEvery: 2});
    for (let i = 0; i < 4; i++) policy.record(false);
    assert.not.ok(policy.shouldCheck());
    policy.record(true);
    policy.record(true);
    assert.is(policy.share(), 0.5);
    assert.ok(policy.shouldCheck());
});

t.run();
