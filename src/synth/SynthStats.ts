import type {ToolSourceName} from "./ToolSourceName.js";
import type {SourceReport} from "./SourceReport.js";
import type {SynthKind} from "./SynthKind.js";
import type {SynthSplit} from "./SynthSplit.js";

/** Counts per split, and their total. */
export type SplitCounts = Record<SynthSplit, number> & {total: number};

/** What `stats.json` holds: items per kind and split, tools per source and split, source reading reports. */
export interface SynthStats {
    seed: number;
    count: number;
    items: {total: number, bySplit: SplitCounts, byKind: Record<SynthKind, SplitCounts>};
    tools: {
        total: number;
        bySplit: SplitCounts;
        bySource: Partial<Record<ToolSourceName, SplitCounts>>;
        /** Distinct tools that appear in at least one item of the split. */
        usedInItems: SplitCounts;
        generatedSpecs: number;
        generatedRenamed: number;
    };
    sources: SourceReport[];
    notices: string[];
    /** Draws thrown away: did not work out (`rejected`), failed argument validation (`invalid`), or items that fell back to `single`. */
    drafts: {rejected: number, invalid: number, fallbacks: number};
}
