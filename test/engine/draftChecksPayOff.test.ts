import {suite} from "uvu";
import * as assert from "uvu/assert";
import {draftChecksPayOff} from "../../src/engine/draftChecksPayOff.js";

const t = suite("draftChecksPayOff");
const MB = 1e6;

t("small vocabularies pay off, from tiny models up", () => {
    assert.ok(draftChecksPayOff(4096, 7.8 * MB), "the default model");
    assert.ok(draftChecksPayOff(4096, 126 * MB), "a larger model on the default vocabulary");
});

t("tiny models with large vocabularies do not; large models with them do", () => {
    assert.not.ok(draftChecksPayOff(32_000, 17 * MB), "spm-tiny");
    assert.not.ok(draftChecksPayOff(151_936, 45 * MB), "chatml-tiny");
    assert.ok(draftChecksPayOff(151_936, 1000 * MB), "a 1.5B Q4 model");
    assert.ok(draftChecksPayOff(128_256, 1300 * MB), "a 1B Q8 model");
});

t("degenerate sizes never do", () => {
    assert.not.ok(draftChecksPayOff(0, 10 * MB));
    assert.not.ok(draftChecksPayOff(4096, 0));
    assert.not.ok(draftChecksPayOff(Number.NaN, 10 * MB));
});

t.run();
