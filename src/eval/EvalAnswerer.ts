import type {CallResult} from "../engine/CallResult.js";
import type {ChatMessage} from "../protocol/ChatMessage.js";
import type {JsonValue} from "../tools/JsonValue.js";

/** An OpenAI function tool. */
export interface EvalTool {
    readonly type: "function";
    readonly function: {readonly name: string, readonly description: string, readonly parameters: {readonly [key: string]: JsonValue}};
}

/** The OpenAI-style request an evaluation sends for one item (function-calling mode). */
export interface EvalRequest {
    readonly messages: readonly ChatMessage[];
    readonly tools: readonly EvalTool[];
    readonly tool_choice: "auto" | "required";
    readonly max_tokens?: number;
}

/**
 * Another system that answers evaluation items instead of toolace-r's engine (a peer such as
 * llama-server or node-llama-cpp's own function calling), so that it is scored by the same checker
 * on the same items: one round per item, shaped as the engine's CallResult.
 */
export interface EvalAnswerer {
    /** What run.json records as the model (e.g. `llama-server:/path/model.gguf`). */
    readonly name: string;
    /** Items answered at once (default 1). */
    readonly slots?: number;
    answer(request: EvalRequest): Promise<CallResult>;
}
