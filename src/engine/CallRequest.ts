import type {ChatMessage} from "../protocol/ChatMessage.js";
import type {ToolChoice} from "../protocol/ToolChoice.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import type {RefineMode} from "../refine/RefineMode.js";
import type {SamplingOptions} from "./generateTurn.js";

/** A validated request: what `call`, agent mode and the library API run. */
export type CallRequest = {
    messages: ChatMessage[],
    tools: ToolDefinition[],
    toolChoice: ToolChoice,
    refine: RefineMode,
    sampling: SamplingOptions,
    /** Output tokens per round (default 512). */
    maxTokens?: number,
    /** Stop sequences: a text answer ends before the first one it writes (calls are not cut). At most 4. */
    stop?: string[],
    /** Most calls in one answer (default 8; 1 when `parallel_tool_calls` is false). */
    maxParallelCalls?: number,
    /** `validator`: a refinement turn after a round whose calls break their tools' schemas carries the check's findings (see refinementInstruction). */
    refineFeedback?: "validator"
};
