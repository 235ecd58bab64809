import {SynthRandom} from "../synth/SynthRandom.js";
import {TrainError} from "../train/TrainError.js";

/**
 * How an iteration picks its training items from the pool:
 * - `model-aware` (default): the items the current model solves at least once in k samples but not
 *   always (learnable now), plus `solvedShare` of the items it always solves (kept from being
 *   forgotten); items it never solves are left for a later iteration;
 * - `all`: every item, every iteration (plain SFT on the pool);
 * - `unsolved`: every item the model does not always solve (never-solved ones included);
 * - `random`: as many items as `model-aware` would pick, drawn at random from the pool (the
 *   ablation that keeps the amount of data and drops the model's judgement).
 */
export type SelectionRule = "model-aware" | "all" | "unsolved" | "random";

export const selectionRules: readonly SelectionRule[] = ["model-aware", "all", "unsolved", "random"];

/** An item's difficulty for the current model: `c` of its `n` samples were correct. */
export interface ItemDifficulty {
    readonly id: string;
    readonly n: number;
    readonly c: number;
    /** What the item asks for (a synth kind: single, parallel_same, irrelevant…), for maxKindShare. */
    readonly kind?: string;
}

export interface SelectItemsOptions {
    readonly rule: SelectionRule;
    /** model-aware: the fraction of always-solved items added, in [0, 1] (rounded to whole items). */
    readonly solvedShare: number;
    /** Seeds the draw of solved items (model-aware), of the random subset (random) and of the items a kind cap leaves out. */
    readonly seed: number;
    /**
     * At most this share of the selection may be of one kind, in (0, 1]; default 1 (no cap). A weak
     * model solves some kinds long before others (text answers to irrelevant requests, in this
     * project's ablation 17 of 21 selected items), and a selection of them teaches it to answer
     * everything that way. A kind over its share keeps at most share / (1 − share) times the items
     * selected of the other kinds (at least one), always-solved ones left out first.
     */
    readonly maxKindShare?: number;
}

/** The pool split by difficulty: never solved (c = 0), learnable (0 < c < n), always solved (c = n). */
export interface DifficultyCounts {
    readonly unsolved: number;
    readonly learnable: number;
    readonly solved: number;
}

export interface Selection {
    readonly rule: SelectionRule;
    /** The selected item ids, in pool order. */
    readonly ids: readonly string[];
    /** The whole pool by difficulty. */
    readonly pool: DifficultyCounts;
    /** The selected items by difficulty. */
    readonly selected: DifficultyCounts;
}

type Bucket = keyof DifficultyCounts;

function bucketOf(item: ItemDifficulty): Bucket {
    return item.c === 0 ? "unsolved" : item.c >= item.n ? "solved" : "learnable";
}

function counts(items: readonly ItemDifficulty[]): DifficultyCounts {
    const out = {unsolved: 0, learnable: 0, solved: 0};
    for (const item of items) out[bucketOf(item)]++;
    return out;
}

/**
 * Selects an iteration's training items by `rule` (see SelectionRule) from each item's difficulty
 * for the current model. Deterministic for a seed. Throws TrainError `train_invalid_options` for an
 * unknown rule, a share outside [0, 1], or an item with c > n.
 */
export function selectItems(items: readonly ItemDifficulty[], options: SelectItemsOptions): Selection {
    if (!selectionRules.includes(options.rule)) {
        throw new TrainError("train_invalid_options", `the selection rule must be one of ${selectionRules.join(", ")}, got ${JSON.stringify(options.rule)}`, {option: "select"});
    }
    if (typeof options.solvedShare !== "number" || !(options.solvedShare >= 0 && options.solvedShare <= 1)) {
        throw new TrainError("train_invalid_options", `the share of solved items must be in [0, 1], got ${String(options.solvedShare)}`, {option: "solved-share"});
    }
    const maxKindShare = options.maxKindShare ?? 1;
    if (typeof maxKindShare !== "number" || !(maxKindShare > 0 && maxKindShare <= 1)) {
        throw new TrainError("train_invalid_options", `the largest share of one kind must be in (0, 1], got ${String(options.maxKindShare)}`, {option: "max-kind-share"});
    }
    for (const item of items) {
        if (!Number.isSafeInteger(item.n) || !Number.isSafeInteger(item.c) || item.c < 0 || item.c > item.n || item.n < 1) {
            throw new TrainError("train_invalid_options", `item ${item.id}: ${item.c} correct of ${item.n} samples is not a difficulty`, {id: item.id});
        }
    }
    const modelAware = (): Set<string> => {
        const solved = items.filter((item) => bucketOf(item) === "solved").map((item) => item.id);
        const keep = SynthRandom.forKey(options.seed, "select:solved").sample(solved, Math.round(options.solvedShare * solved.length));
        return new Set([...items.filter((item) => bucketOf(item) === "learnable").map((item) => item.id), ...keep]);
    };
    let chosen: Set<string>;
    switch (options.rule) {
        case "model-aware": chosen = modelAware(); break;
        case "all": chosen = new Set(items.map((item) => item.id)); break;
        case "unsolved": chosen = new Set(items.filter((item) => bucketOf(item) !== "solved").map((item) => item.id)); break;
        case "random": chosen = new Set(SynthRandom.forKey(options.seed, "select:random").sample(items.map((item) => item.id), modelAware().size)); break;
    }
    if (maxKindShare < 1) chosen = capKinds(items.filter((item) => chosen.has(item.id)), maxKindShare, options.seed);
    const selected = items.filter((item) => chosen.has(item.id));
    return {rule: options.rule, ids: selected.map((item) => item.id), pool: counts(items), selected: counts(selected)};
}

/** The ids of `chosen` left after capping each kind (see SelectItemsOptions.maxKindShare); items without a kind are never capped. */
function capKinds(chosen: readonly ItemDifficulty[], share: number, seed: number): Set<string> {
    const byKind = new Map<string, ItemDifficulty[]>();
    for (const item of chosen) {
        if (item.kind === undefined) continue;
        const members = byKind.get(item.kind);
        if (members == null) byKind.set(item.kind, [item]);
        else members.push(item);
    }
    const kept = new Set(chosen.map((item) => item.id));
    for (const [kind, members] of byKind) {
        const others = chosen.length - members.length;
        const cap = Math.max(1, Math.floor(share / (1 - share) * others + 1e-9));
        if (members.length <= cap) continue;
        // Learnable items first, then a seeded draw within each bucket.
        const random = SynthRandom.forKey(seed, `select:kind:${kind}`);
        const learnable = random.shuffle(members.filter((item) => bucketOf(item) !== "solved"));
        const solved = random.shuffle(members.filter((item) => bucketOf(item) === "solved"));
        for (const item of [...learnable, ...solved].slice(cap)) kept.delete(item.id);
    }
    return kept;
}
