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

t("maxKindShare: no kind takes more than its share; learnable items are kept before solved ones", () => {
    // 12 learnable + 6 solved "irrelevant" items against 3 learnable "single" and 3 learnable "parallel" ones.
    const mixed: ItemDifficulty[] = [
        ...Array.from({length: 18}, (_, i) => ({id: `irr-${String(i).padStart(2, "0")}`, n: 4, c: i < 12 ? 2 : 4, kind: "irrelevant"})),
        ...Array.from({length: 3}, (_, i) => ({id: `one-${i}`, n: 4, c: 1, kind: "single"})),
        ...Array.from({length: 3}, (_, i) => ({id: `par-${i}`, n: 4, c: 3, kind: "parallel_same"}))
    ];
    const open = selectItems(mixed, {rule: "model-aware", solvedShare: 1, seed: 3});
    assert.is(open.ids.filter((id) => id.startsWith("irr")).length, 18, "no cap by default");
    const capped = selectItems(mixed, {rule: "model-aware", solvedShare: 1, seed: 3, maxKindShare: 0.5});
    const irrelevant = capped.ids.filter((id) => id.startsWith("irr"));
    assert.is(irrelevant.length, 6, "at most as many as the 6 others at a share of 0.5");
    assert.ok(irrelevant.every((id) => Number(id.slice(4)) < 12), "the always-solved ones go first");
    assert.is(capped.ids.length, 12);
    assert.equal(selectItems(mixed, {rule: "model-aware", solvedShare: 1, seed: 3, maxKindShare: 0.5}), capped, "deterministic for a seed");
    const third = selectItems(mixed, {rule: "all", solvedShare: 0, seed: 3, maxKindShare: 0.25});
    assert.is(third.ids.filter((id) => id.startsWith("irr")).length, 2, "0.25 / 0.75 of the 6 others");
    assert.is(third.ids.filter((id) => id.startsWith("one")).length, 3, "kinds within their share are kept whole");
    // A selection of one kind only keeps one item of it; items without a kind are never capped.
    assert.is(selectItems(mixed.slice(0, 18), {rule: "all", solvedShare: 0, seed: 3, maxKindShare: 0.5}).ids.length, 1);
    assert.is(selectItems(items, {rule: "all", solvedShare: 0, seed: 3, maxKindShare: 0.1}).ids.length, 40);
});

t("maxKindShare outside (0, 1] is refused with its name", () => {
    for (const maxKindShare of [0, -0.5, 1.5, Number.NaN]) {
        try {
            selectItems(items, {rule: "model-aware", ...options, maxKindShare});
            assert.unreachable(`accepted ${maxKindShare}`);
        } catch (error) {
            assert.instance(error, TrainError);
            assert.match((error as Error).message, /share of one kind/);
        }
    }
});

t.run();
