import type {EvalRunConfig} from "./EvalRunConfig.js";

/** Scores of one category. `byRound[k]`: accuracy using each item's answer after round k (its last one if it stopped earlier). */
export interface CategoryScore {
    readonly accuracy: number;
    readonly correct: number;
    readonly total: number;
    readonly byRound: readonly number[];
    readonly correctByRound: readonly number[];
    /** Items whose request failed (counted wrong). */
    readonly errors: number;
}

/** A benchmark aggregate over categories (e.g. BFCL's non-live), final and per round. */
export interface AggregateScore {
    readonly accuracy: number;
    readonly byRound: readonly number[];
    /** The categories (or groups) it averages, and how. */
    readonly parts: readonly string[];
    readonly method: string;
}

/** Items whose round-0 and final call sets differ, by correctness before → after. */
export interface RefinementStats {
    /** Items with at least one round (errored items excluded). */
    readonly items: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly wrongToRight: number;
    readonly rightToWrong: number;
    readonly wrongToWrong: number;
    readonly rightToRight: number;
    readonly meanRounds: number;
    /** How refinement stopped: `converged`, `max_rounds`, `off`, `text`. */
    readonly stops: Readonly<Record<string, number>>;
}

/** Cost of round k, averaged over the items that ran it. */
export interface RoundCost {
    readonly round: number;
    readonly items: number;
    readonly meanInputTokens: number;
    readonly meanOutputTokens: number;
    readonly meanSeconds: number;
}

/** `report.json`: everything a run measured, rebuilt from `items.jsonl`. */
export interface EvalReport {
    readonly benchmark: EvalRunConfig["benchmark"];
    readonly model: string;
    readonly mode: string;
    readonly toolChoice: string;
    readonly refine: string;
    readonly maxRounds: number | null;
    readonly seed: number | null;
    readonly temperature: number | null;
    readonly oracle: boolean;
    readonly limit: number | null;
    readonly items: number;
    /** Length of every `byRound`: the most rounds any item used. */
    readonly rounds: number;
    readonly categories: Readonly<Record<string, CategoryScore>>;
    readonly aggregates: Readonly<Record<string, AggregateScore>>;
    readonly refinement: RefinementStats;
    readonly perRound: readonly RoundCost[];
    readonly totals: {readonly inputTokens: number, readonly outputTokens: number, readonly seconds: number, readonly itemSeconds: number};
    readonly errors: {readonly count: number, readonly byCode: Readonly<Record<string, number>>, readonly examples: readonly {id: string, category: string, code: string, message: string}[]};
    /** Benchmark-specific notes (API-Bank: items whose expected API was not offered...). */
    readonly notes: Readonly<Record<string, unknown>>;
}
