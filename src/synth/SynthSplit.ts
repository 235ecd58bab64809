/** The split an item belongs to; decided per tool (see `splitForTool`). */
export type SynthSplit = "train" | "dev" | "test";

/** Every split, in file order. */
export const synthSplits: readonly SynthSplit[] = ["train", "dev", "test"];
