import type {ToolSourceName} from "./ToolSourceName.js";

/** What reading one training source gave: candidates found, tools kept, and why others were not. */
export interface SourceReport {
    source: ToolSourceName;
    /** Files read (relative to the sources directory); empty when the source is absent. */
    files: string[];
    candidates: number;
    kept: number;
    /** Same name as a tool already in the pool (kept the first). */
    duplicates: number;
    /** Could not be read or normalised, by reason. */
    skipped: number;
    skipReasons: {[reason: string]: number};
}
