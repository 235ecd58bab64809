import type {ChatMessage} from "../protocol/ChatMessage.js";
import {validateArguments} from "../tools/validateArguments.js";
import {callArguments} from "./callArguments.js";
import type {ComposedItem} from "./ComposedItem.js";
import {composeItem} from "./composeItem.js";
import type {PoolTool} from "./PoolTool.js";
import {requestPhrases} from "./requestPhrases.js";
import {splitShares} from "./splitForTool.js";
import {SynthError} from "./SynthError.js";
import type {SynthItem} from "./SynthItem.js";
import {type SynthKind, synthKinds} from "./SynthKind.js";
import {SynthRandom} from "./SynthRandom.js";
import {type SynthSplit, synthSplits} from "./SynthSplit.js";
import type {SplitCounts, SynthStats} from "./SynthStats.js";
import type {SynthToolPool} from "./SynthToolPool.js";
import {toBfclGroundTruth} from "./toBfclGroundTruth.js";
import {ToolSampler} from "./ToolSampler.js";

export interface SynthOptions {
    /** Items in all splits together (about 80% train, 10% dev, 10% test). */
    count: number;
    seed: number;
    /** Relative share of each kind (defaults: `defaultKindWeights`). */
    kindWeights?: Partial<Record<SynthKind, number>>;
    /**
     * Index of the first item of each split (default 0). The tool pool and its split depend on the
     * seed only, so a run with the same seed and `firstIndex` = the previous run's per-split counts
     * draws fresh items over the same tools and split (more data without touching the test tools).
     */
    firstIndex?: number;
}

export const defaultKindWeights: Readonly<Record<SynthKind, number>> = {
    single: 0.2, choose: 0.22, parallel_same: 0.14, parallel_multi: 0.14, irrelevant: 0.13, exact_copy: 0.17
};

export interface SynthResult {
    items: Record<SynthSplit, SynthItem[]>;
    stats: SynthStats;
}

const attemptsPerItem = 60;

const emptyCounts = (): SplitCounts => ({train: 0, dev: 0, test: 0, total: 0});

/** Exactly `total` kinds in the weights' proportions (largest remainder), shuffled. */
function allocateKinds(total: number, weights: Record<SynthKind, number>, rng: SynthRandom): SynthKind[] {
    const sum = synthKinds.reduce((acc, kind) => acc + weights[kind], 0);
    if (!(sum > 0)) throw new SynthError("kind weights must not all be zero");
    const exact = synthKinds.map((kind) => (weights[kind] / sum) * total);
    const counts = exact.map(Math.floor);
    const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let left = total - counts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++) {
        const index = (order[k % order.length] as readonly [number, number])[1];
        counts[index] = (counts[index] as number) + 1;
    }
    const kinds: SynthKind[] = [];
    synthKinds.forEach((kind, i) => {
        for (let n = 0; n < (counts[i] as number); n++) kinds.push(kind);
    });
    return rng.shuffle(kinds);
}

function toItem(composed: ComposedItem, id: string, split: SynthSplit, kind: SynthKind, rng: SynthRandom): SynthItem {
    const messages: ChatMessage[] = [];
    if (rng.chance(0.3)) messages.push({role: "system", content: rng.pick(requestPhrases.systems)});
    messages.push({role: "user", content: composed.request});
    return {
        id,
        split,
        kind,
        tools: composed.tools.map((tool) => ({type: "function", function: {name: tool.definition.name, description: tool.definition.description, parameters: tool.definition.parameters}})),
        messages,
        answer: composed.refusal !== undefined
            ? {text: composed.refusal.text}
            : {calls: composed.calls.map((call) => ({name: call.tool.definition.name, arguments: callArguments(call)}))},
        ground_truth: composed.refusal !== undefined ? [] : toBfclGroundTruth(composed.calls)
    };
}

/**
 * Generates `count` items from the pool, deterministically: each item draws from its own random
 * stream keyed by the seed, its split and its index, so the output depends only on the pool and
 * the seed. An item uses only tools of its split (tools are split by name or family), so test
 * tools never appear in training items. Every call's arguments are validated against its tool;
 * draws that fail are discarded and counted in `stats.drafts`.
 */
export function synthesize(pool: SynthToolPool, options: SynthOptions): SynthResult {
    const {count, seed} = options;
    const firstIndex = options.firstIndex ?? 0;
    if (!Number.isSafeInteger(count) || count < 0) throw new SynthError(`count must be a non-negative integer, got ${count}`, {count});
    if (!Number.isSafeInteger(firstIndex) || firstIndex < 0) throw new SynthError(`firstIndex must be a non-negative integer, got ${firstIndex}`, {firstIndex});
    if (!Number.isSafeInteger(seed) || seed < 0) throw new SynthError(`seed must be a non-negative integer, got ${seed}`, {seed});
    const weights = {...defaultKindWeights, ...options.kindWeights};
    const train = Math.round(count * splitShares.train);
    const dev = Math.round(count * splitShares.dev);
    const perSplit: Record<SynthSplit, number> = {train, dev, test: count - train - dev};

    const items: Record<SynthSplit, SynthItem[]> = {train: [], dev: [], test: []};
    const byKind = Object.fromEntries(synthKinds.map((kind) => [kind, emptyCounts()])) as Record<SynthKind, SplitCounts>;
    const drafts = {rejected: 0, invalid: 0, fallbacks: 0};
    const used: Record<SynthSplit, Set<string>> = {train: new Set(), dev: new Set(), test: new Set()};

    for (const split of synthSplits) {
        const total = perSplit[split];
        if (total === 0) continue;
        const sampler = new ToolSampler(pool, split);
        if (sampler.size === 0) throw new SynthError(`no tools in the ${split} split: the pool is too small`, {split});
        const kinds = allocateKinds(total, weights, SynthRandom.forKey(seed, firstIndex === 0 ? `kinds:${split}` : `kinds:${split}:${firstIndex}`));
        kinds.forEach((planned, position) => {
            const index = firstIndex + position;
            let kind = planned;
            let built: {composed: ComposedItem, rng: SynthRandom} | undefined;
            for (let attempt = 0; built === undefined && attempt < attemptsPerItem * 2; attempt++) {
                if (attempt === attemptsPerItem) {
                    kind = "single";
                    drafts.fallbacks++;
                }
                const rng = SynthRandom.forKey(seed, `${split}:${index}:${attempt}`);
                const composed = composeItem(kind, sampler, rng);
                if (composed === undefined) {
                    drafts.rejected++;
                    continue;
                }
                if (!composed.calls.every((call) => validateArguments(call.tool.definition, callArguments(call)).valid)) {
                    drafts.invalid++;
                    continue;
                }
                built = {composed, rng};
            }
            if (built === undefined) throw new SynthError(`could not build item ${index} of the ${split} split`, {split, index});
            const involved: PoolTool[] = [...built.composed.tools, ...(built.composed.refusal === undefined ? [] : [built.composed.refusal.target])];
            const stray = involved.find((tool) => tool.split !== split);
            if (stray !== undefined) throw new SynthError(`item ${index} of ${split} uses ${stray.definition.name} of ${stray.split}`, {split, index});
            for (const tool of involved) used[split].add(tool.definition.name);
            items[split].push(toItem(built.composed, `${split}-${String(index).padStart(6, "0")}`, split, kind, built.rng));
            byKind[kind][split]++;
            byKind[kind].total++;
        });
    }

    const toolsBySplit = emptyCounts();
    const bySource: SynthStats["tools"]["bySource"] = {};
    for (const tool of pool.tools) {
        toolsBySplit[tool.split]++;
        toolsBySplit.total++;
        const counts = bySource[tool.source] ?? (bySource[tool.source] = emptyCounts());
        counts[tool.split]++;
        counts.total++;
    }
    const usedInItems: SplitCounts = {train: used.train.size, dev: used.dev.size, test: used.test.size, total: used.train.size + used.dev.size + used.test.size};
    const stats: SynthStats = {
        seed,
        count,
        items: {total: count, bySplit: {...perSplit, total: count}, byKind},
        tools: {total: pool.tools.length, bySplit: toolsBySplit, bySource, usedInItems, generatedSpecs: pool.generatedSpecs, generatedRenamed: pool.generatedRenamed},
        sources: pool.sources,
        notices: pool.notices,
        drafts
    };
    return {items, stats};
}
