import {suite} from "uvu";
import * as assert from "uvu/assert";
import {servingLayout} from "../../src/serve/servingLayout.js";

const t = suite("servingLayout");
const MiB = 1024 * 1024;

t("one-thread models get a context per core, up to the slots, sharing the slots out", () => {
    assert.equal(servingLayout(4, 10 * MiB, {}, 2, 4), {contexts: 2, sequences: 2, threads: 1});
    assert.equal(servingLayout(1, 10 * MiB, {}, 2, 1), {contexts: 1, sequences: 1, threads: 1});
    assert.equal(servingLayout(16, 98 * MiB, {}, 8, 16), {contexts: 8, sequences: 2, threads: 1});
    assert.equal(servingLayout(3, 10 * MiB, {}, 2, 3), {contexts: 2, sequences: 2, threads: 1}, "at least the slots asked for");
});

t("larger models get one context of every core with all the slots; flags override", () => {
    assert.equal(servingLayout(4, 900 * MiB, {}, 2, 4), {contexts: 1, sequences: 4, threads: 2});
    assert.equal(servingLayout(4, 10 * MiB, {contexts: 1}, 2, 4), {contexts: 1, sequences: 4, threads: 1});
    assert.equal(servingLayout(4, 900 * MiB, {threads: 1}, 2, 4), {contexts: 2, sequences: 2, threads: 1});
});

t.run();
