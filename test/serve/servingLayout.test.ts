import {suite} from "uvu";
import * as assert from "uvu/assert";
import {servingLayout} from "../../src/serve/servingLayout.js";

const t = suite("servingLayout");
const MiB = 1024 * 1024;

t("a context of one sequence per slot; threads as the model runs best within its share of the cores", () => {
    assert.equal(servingLayout(4, 98 * MiB, {}, 2, 4), {contexts: 4, sequences: 1, threads: 1});
    assert.equal(servingLayout(1, 10 * MiB, {}, 2, 1), {contexts: 1, sequences: 1, threads: 1});
    assert.equal(servingLayout(1, 98 * MiB, {}, 2, 1), {contexts: 1, sequences: 1, threads: 2}, "SmolLM2 alone: both cores");
    assert.equal(servingLayout(4, 900 * MiB, {}, 8, 4), {contexts: 4, sequences: 1, threads: 2});
});

t("--contexts and --threads override the layout; slots are shared out over the contexts given", () => {
    assert.equal(servingLayout(4, 10 * MiB, {contexts: 1}, 2, 4), {contexts: 1, sequences: 4, threads: 1});
    assert.equal(servingLayout(3, 10 * MiB, {contexts: 2}, 2, 3), {contexts: 2, sequences: 2, threads: 1});
    assert.equal(servingLayout(4, 900 * MiB, {threads: 2}, 2, 4), {contexts: 4, sequences: 1, threads: 2});
});

t.run();
