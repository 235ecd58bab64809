import {suite} from "uvu";
import * as assert from "uvu/assert";
import {type ItemDifficulty, selectItems} from "../../src/iterate/selectItems.js";
import {TrainError} from "../../src/train/TrainError.js";

const t = suite("selectItems");

/** 40 items of 8 samples: 10 never solved, 20 learnable, 10 always solved. */
const items: ItemDifficulty[] = Array.from({length: 40}, (_, i) => ({id: `item-${String(i).padStart(2, "0")}`, n: 8, c: i < 10 ? 0 : i < 30 ? 1 + (i % 7) : 8}));
const options = {solvedShare: 0.3, seed: 1};

t("model-aware: every learnable item plus the share of solved ones, never an unsolved one", () => {
    const selection = selectItems(items, {rule: "model-aware", ...options});
    assert.equal(selection.pool, {unsolved: 10, learnable: 20, solved: 10});
    assert.equal(selection.selected, {unsolved: 0, learnable: 20, solved: 3});
    assert.is(selection.ids.length, 23);
    assert.equal(selection.ids, [...selection.ids].sort(), "in pool order");
    assert.equal(selectItems(items, {rule: "model-aware", ...options}), selection, "deterministic for a seed");
    const otherSeed = selectItems(items, {rule: "model-aware", solvedShare: 0.3, seed: 2});
    assert.is(otherSeed.ids.length, 23);
    assert.equal(selectItems(items, {rule: "model-aware", solvedShare: 0, seed: 1}).selected, {unsolved: 0, learnable: 20, solved: 0});
    assert.equal(selectItems(items, {rule: "model-aware", solvedShare: 1, seed: 1}).selected, {unsolved: 0, learnable: 20, solved: 10});
});

t("model-aware grows as the model improves: items move from unsolved to learnable", () => {
    const before = selectItems(items, {rule: "model-aware", ...options}).ids.length;
    const improved = items.map((item, i) => (i < 5 ? {...item, c: 2} : item));
    assert.is(selectItems(improved, {rule: "model-aware", ...options}).ids.length, before + 5);
});

t("ablation rules: all, unsolved (not always solved), random of the model-aware size", () => {
    assert.is(selectItems(items, {rule: "all", ...options}).ids.length, 40);
    const unsolved = selectItems(items, {rule: "unsolved", ...options});
    assert.equal(unsolved.selected, {unsolved: 10, learnable: 20, solved: 0});
    const random = selectItems(items, {rule: "random", ...options});
    assert.is(random.ids.length, 23);
    assert.ok(random.selected.unsolved > 0, "random ignores difficulty");
    assert.is(new Set(random.ids).size, 23);
});

t("a model that solves nothing gets an empty model-aware selection", () => {
    const weak = items.map((item) => ({...item, c: 0}));
    assert.is(selectItems(weak, {rule: "model-aware", ...options}).ids.length, 0);
    assert.is(selectItems(weak, {rule: "random", ...options}).ids.length, 0);
    assert.is(selectItems(weak, {rule: "all", ...options}).ids.length, 40);
});

t("bad options are refused, naming them", () => {
    const code = (fn: () => unknown): unknown => {
        try {
            fn();
        } catch (error) {
            assert.instance(error, TrainError);
            return (error as TrainError).context.option ?? (error as TrainError).context.id;
        }
        return undefined;
    };
    assert.is(code(() => selectItems(items, {rule: "hardest" as never, ...options})), "select");
    assert.is(code(() => selectItems(items, {rule: "all", solvedShare: 1.5, seed: 1})), "solved-share");
    assert.is(code(() => selectItems([{id: "x", n: 2, c: 3}], {rule: "all", ...options})), "x");
});

t.run();
