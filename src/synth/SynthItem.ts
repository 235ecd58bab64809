import type {ChatMessage} from "../protocol/ChatMessage.js";
import type {JsonSchema} from "../tools/JsonSchema.js";
import type {JsonValue} from "../tools/JsonValue.js";
import type {BfclGroundTruth} from "./BfclGroundTruth.js";
import type {SynthKind} from "./SynthKind.js";
import type {SynthSplit} from "./SynthSplit.js";

/** An OpenAI tools entry, as items carry them (parameters are the normalised schema). */
export interface OpenAITool {
    type: "function";
    function: {name: string, description: string, parameters: JsonSchema};
}

/** One expected call: arguments are keyed in the tool schema's property order. */
export interface SynthCall {
    name: string;
    arguments: {[param: string]: JsonValue};
}

/** The expected assistant turn: tool calls, or a short text when no tool fits. */
export type SynthAnswer = {calls: SynthCall[]} | {text: string};

/**
 * One training/evaluation item, one JSON Lines row of `train.jsonl`, `dev.jsonl` or `test.jsonl`.
 * `messages` holds an optional system message and the user request; `ground_truth` is the same
 * answer in BFCL's possible-answer form (what a BFCL-exact checker scores against).
 */
export interface SynthItem {
    id: string;
    split: SynthSplit;
    kind: SynthKind;
    tools: OpenAITool[];
    messages: ChatMessage[];
    answer: SynthAnswer;
    ground_truth: BfclGroundTruth;
}
