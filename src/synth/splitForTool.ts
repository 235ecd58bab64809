import {fnv1a} from "./fnv1a.js";
import type {SynthSplit} from "./SynthSplit.js";

/** Share of tools (by split key) that go to train and dev; the rest goes to test. */
export const splitShares = {train: 0.8, dev: 0.1} as const;

/**
 * The split of a tool, from a hash of its split key (the tool name for source tools, the family
 * of a generated tool, so that renamed variants of one function share a split) and the seed:
 * about 80% train, 10% dev, 10% test. Pure: the same key and seed always give the same split.
 */
export function splitForTool(key: string, seed: number): SynthSplit {
    let h = fnv1a(`${seed}\u0000${key}`);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    const unit = ((h ^ (h >>> 16)) >>> 0) / 0x100000000;
    if (unit < splitShares.train) return "train";
    if (unit < splitShares.train + splitShares.dev) return "dev";
    return "test";
}
