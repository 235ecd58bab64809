import type {SynthKind} from "../synth/SynthKind.js";
import {TrainError} from "../train/TrainError.js";

/** The BFCL category names a synthetic item is scored under (see checkCalls). */
export type SynthCategory = "simple" | "multiple" | "parallel" | "parallel_multiple" | "irrelevance";

/**
 * The BFCL category whose checker scores a synthetic item, from what the item teaches and how many
 * tools it offers: `irrelevant` → `irrelevance` (right when there is no call); the parallel kinds →
 * `parallel` with one tool, `parallel_multiple` with several (calls matched in any order); the
 * one-call kinds (`single`, `choose`, `exact_copy`) → `simple` with one tool, `multiple` with
 * several (the call must name the right one). Pure.
 */
export function synthCategory(item: {readonly kind: SynthKind, readonly tools: readonly unknown[]}): SynthCategory {
    const several = item.tools.length > 1;
    switch (item.kind) {
        case "irrelevant": return "irrelevance";
        case "parallel_same":
        case "parallel_multi": return several ? "parallel_multiple" : "parallel";
        case "single":
        case "choose":
        case "exact_copy": return several ? "multiple" : "simple";
        default: throw new TrainError("train_pool_invalid", `unknown synthetic item kind ${JSON.stringify(item.kind as unknown)}`, {field: "kind"});
    }
}
