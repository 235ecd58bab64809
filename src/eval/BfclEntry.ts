import type {FunctionDoc} from "./FunctionDoc.js";
import type {GroundTruthCall} from "./GroundTruthCall.js";
import type {PyDict} from "./PyValue.js";

export interface BfclMessage {
    readonly role: string;
    readonly content: string;
}

/** One BFCL single-turn entry: its question turns, function docs and (when scored by AST) answer. */
export interface BfclEntry {
    readonly id: string;
    readonly category: string;
    /** `question`: a list of turns, each a list of messages (single-turn sets have one turn). */
    readonly turns: readonly (readonly BfclMessage[])[];
    readonly functions: readonly FunctionDoc[];
    /** Absent for categories without answers (irrelevance, live_irrelevance, live_relevance). */
    readonly groundTruth?: readonly GroundTruthCall[];
    /** The question line exactly as loaded. */
    readonly raw: PyDict;
}
