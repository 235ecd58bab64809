import type {EvalReport} from "./EvalReport.js";

/** What an evaluation run did and what it measured. */
export interface EvalRunResult {
    readonly report: EvalReport;
    /** Items evaluated by this call. */
    readonly evaluated: number;
    /** Items taken from an earlier run's `items.jsonl`. */
    readonly resumed: number;
    readonly outDir: string;
}
