import type {PlannedCall} from "./PlannedCall.js";
import type {PoolTool} from "./PoolTool.js";

/** An item before serialisation: the tools shown (in order), the request, and calls or a text answer. */
export interface ComposedItem {
    tools: PoolTool[];
    request: string;
    calls: PlannedCall[];
    /** Set for irrelevant items: the text answer, and the tool the request was really meant for. */
    refusal?: {text: string, target: PoolTool};
}
