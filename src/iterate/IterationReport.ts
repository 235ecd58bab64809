import type {CorpusKind} from "./buildRefinementCorpus.js";
import type {DevEvalSummary} from "./evalDev.js";
import type {DifficultyCounts, SelectionRule} from "./selectItems.js";
import type {SharedPromptFigures} from "./sharedPromptFigures.js";

/** The pool sampled with the model an iteration starts from. */
export interface SamplingSummary {
    readonly items: number;
    /** Samples per item. */
    readonly k: number;
    readonly temperature: number;
    /** Mean pass@1 (correct samples / k) and pass@k (solved at least once) over the pool. */
    readonly passAt1: number;
    readonly passAtK: number;
    readonly difficulty: DifficultyCounts;
    /** Samples the engine failed (counted wrong). */
    readonly errors: number;
    /** Token-meter figures: the k samples of an item share its evaluated prompt. */
    readonly tokens: SharedPromptFigures;
    readonly seconds: number;
}

export interface SelectionSummary {
    readonly rule: SelectionRule;
    readonly selected: number;
    /** Items the previous iteration selected (null in the first). */
    readonly previous: number | null;
    readonly byDifficulty: DifficultyCounts;
}

export interface CorpusSummary {
    readonly conversations: number;
    readonly byKind: Readonly<Record<CorpusKind, number>>;
    /** Conversations longer than the training context, left out. */
    readonly dropped: number;
    readonly contextSize: number;
}

export interface TrainingSummary {
    readonly steps: number;
    readonly firstLoss: number | null;
    readonly lastLoss: number | null;
    /** Mean loss of the last (at most 10) steps. */
    readonly finalLoss: number | null;
}

/** Why the iterations ended before training in this one. */
export interface IterationStop {
    readonly reason: "no_selection" | "selection_stopped_growing";
    readonly message: string;
}

/**
 * One iteration, `iter-N/iteration.json`: written last, so its presence marks the iteration done.
 * Iteration 0 is the base model's dev evaluation only.
 */
export interface IterationReport {
    readonly iteration: number;
    /** The model the iteration starts from (the one sampled). */
    readonly model: string;
    /** The model it trained, or null. */
    readonly out: string | null;
    readonly sampling: SamplingSummary | null;
    readonly selection: SelectionSummary | null;
    readonly corpus: CorpusSummary | null;
    readonly training: TrainingSummary | null;
    /** Dev scores of `out` (of `model` in iteration 0). */
    readonly dev: DevEvalSummary | null;
    readonly stop: IterationStop | null;
}

/** `report.json` of a `train iterate` run: every iteration so far, the best model and why it ended. */
export interface TrainIterateReport {
    readonly out: string;
    readonly base: string;
    readonly pool: {readonly file: string, readonly items: number};
    readonly dev: {readonly file: string, readonly items: number};
    readonly settings: Readonly<Record<string, unknown>>;
    readonly iterations: readonly IterationReport[];
    /** The model with the best dev accuracy with adaptive refinement (ties: without refinement, then the earlier), copied to `best.gguf`. */
    readonly best: {readonly iteration: number, readonly model: string, readonly accuracyAdaptive: number, readonly accuracyOff: number} | null;
    /** `running`, `iterations` (N done), or the stop reason of the last iteration. */
    readonly state: "running" | "iterations" | IterationStop["reason"];
}
