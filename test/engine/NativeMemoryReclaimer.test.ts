import {suite} from "uvu";
import * as assert from "uvu/assert";
import {NativeMemoryReclaimer} from "../../src/engine/NativeMemoryReclaimer.js";

const t = suite("NativeMemoryReclaimer");

t("finds V8's collector without a command-line flag", () => {
    assert.ok(new NativeMemoryReclaimer().available);
});

t("collects once resident memory grew past the threshold, and only then", () => {
    const reclaimer = new NativeMemoryReclaimer(4 * 1024 * 1024);
    let kept: Buffer | undefined = Buffer.alloc(64 * 1024 * 1024, 1);
    assert.ok(kept[kept.length - 1] === 1);
    assert.ok(reclaimer.check(), "64 MiB more resident memory must trigger a collection");
    assert.is(reclaimer.collections, 1);
    kept = undefined;
    // Right after a collection the baseline is the current level: no growth, no collection.
    assert.not.ok(reclaimer.check());
    assert.is(reclaimer.collections, 1);
});

t("rejects a threshold that is not positive", () => {
    assert.throws(() => new NativeMemoryReclaimer(0), /thresholdBytes must be positive/);
});

t.run();
