import type {ToolDefinition} from "../tools/ToolDefinition.js";
import type {ParamHint} from "./ParamHint.js";
import type {SynthSplit} from "./SynthSplit.js";
import type {ToolSourceName} from "./ToolSourceName.js";

/**
 * A tool of the synthesiser's pool: the normalised definition plus what the generator needs to
 * write requests for it.
 */
export interface PoolTool {
    definition: ToolDefinition;
    source: ToolSourceName;
    /** Tools of one family do the same thing (renamed variants); they share a split and never meet in one item. */
    family: string;
    /** Coarse topic (a generated tool's domain, a source's category): distractors and off-topic requests use it. */
    domain: string;
    split: SynthSplit;
    /** Imperative phrase of what the tool does, lower-case first ("get the weather forecast"). */
    action: string;
    /** The action when nothing follows it (details given separately); `action` when unset. */
    standalone?: string;
    /** True when `action` reads as a verb phrase that mentions can follow ("... for Paris"). */
    fluentAction: boolean;
    /** Hints per top-level parameter name. */
    hints: {[param: string]: ParamHint};
}
