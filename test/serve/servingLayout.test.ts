import {suite} from "uvu";
import * as assert from "uvu/assert";
import {servingLayout} from "../../src/serve/servingLayout.js";
import {threadPoolSizeFor} from "../../src/cli/threadPoolSizeFor.js";

const t = suite("servingLayout");
const MiB = 1024 * 1024;

t("a context per core, up to the slots, sharing the slots out; threads as the model runs best within its share", () => {
    assert.equal(servingLayout(4, 10 * MiB, {}, 2, 2), {contexts: 2, sequences: 2, threads: 1});
    assert.equal(servingLayout(1, 10 * MiB, {}, 2, 1), {contexts: 1, sequences: 1, threads: 1});
    assert.equal(servingLayout(1, 98 * MiB, {}, 2, 1), {contexts: 1, sequences: 1, threads: 2}, "SmolLM2 alone: both cores");
    assert.equal(servingLayout(4, 900 * MiB, {}, 8, 8), {contexts: 4, sequences: 1, threads: 2});
    assert.equal(servingLayout(16, 98 * MiB, {}, 8, 8), {contexts: 8, sequences: 2, threads: 1});
    assert.equal(servingLayout(3, 10 * MiB, {}, 2, 2), {contexts: 2, sequences: 2, threads: 1}, "at least the slots asked for");
});

t("--contexts and --threads override the layout", () => {
    assert.equal(servingLayout(4, 10 * MiB, {contexts: 1}, 2, 4), {contexts: 1, sequences: 4, threads: 1});
    assert.equal(servingLayout(4, 900 * MiB, {threads: 1}, 2, 2), {contexts: 2, sequences: 2, threads: 1});
});

t("serve's thread pool: one thread per context, not per slot", () => {
    assert.is(threadPoolSizeFor(["serve", "--parallel", "16"], 1, 2), 2);
    assert.is(threadPoolSizeFor(["serve", "--parallel=1"], 1, 2), 1);
    assert.is(threadPoolSizeFor(["serve", "--parallel", "16", "--contexts", "4"], 1, 2), 16);
    assert.is(threadPoolSizeFor(["agent", "--parallel", "16"]), 16);
});

t.run();
