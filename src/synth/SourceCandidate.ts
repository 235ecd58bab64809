import type {ParamHint} from "./ParamHint.js";
import type {ToolSourceName} from "./ToolSourceName.js";

/**
 * A tool as a source reader found it, not yet normalised: name, description and parameters as
 * written (loose types allowed), with what the reader knows beyond that.
 */
export interface SourceCandidate {
    source: ToolSourceName;
    name: unknown;
    description: unknown;
    parameters: unknown;
    /** `required` written next to `parameters` instead of inside it (some xLAM-style data). */
    outerRequired?: unknown;
    /** Topic for distractor and off-topic choices; unique per tool when unknown. */
    domain?: string;
    action?: string;
    hints?: {[param: string]: ParamHint};
}
