import {suite} from "uvu";
import * as assert from "uvu/assert";
import {splitForTool} from "../../src/synth/splitForTool.js";

const t = suite("splitForTool");

t("is a pure function of key and seed, about 80/10/10", () => {
    const counts = {train: 0, dev: 0, test: 0};
    for (let i = 0; i < 20000; i++) {
        const split = splitForTool(`tool_${i}`, 5);
        assert.is(splitForTool(`tool_${i}`, 5), split);
        counts[split]++;
    }
    assert.ok(Math.abs(counts.train / 20000 - 0.8) < 0.02, JSON.stringify(counts));
    assert.ok(Math.abs(counts.dev / 20000 - 0.1) < 0.015, JSON.stringify(counts));
    assert.ok(Math.abs(counts.test / 20000 - 0.1) < 0.015, JSON.stringify(counts));
});

t("another seed moves tools to other splits", () => {
    let moved = 0;
    for (let i = 0; i < 2000; i++) if (splitForTool(`tool_${i}`, 1) !== splitForTool(`tool_${i}`, 2)) moved++;
    assert.ok(moved > 400, `${moved} moved`);
});

t.run();
