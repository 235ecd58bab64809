import type {ToolCall} from "../protocol/ChatMessage.js";
import {ToolaceError} from "../errors/ToolaceError.js";
import type {DecodedCall} from "./DecodedCall.js";
import {decodePromptCalls} from "./decodePromptCalls.js";
import {parseLosslessJson} from "./parseLosslessJson.js";
import {type PyDict, pyTypeOf} from "./PyValue.js";

/** How BFCL presents functions and reads replies: `fc` (tools, tool calls) or `prompt` (system prompt, Python calls in text). */
export type BfclMode = "fc" | "prompt";

/** A decoded reply: its calls, or `null` with the reason when it could not be decoded. */
export interface DecodedRound {
    readonly calls: readonly DecodedCall[] | null;
    readonly decodeError?: string;
}

/**
 * Decodes one round of a reply the way BFCL does for the mode. `fc`: every tool call becomes
 * `{name, args}` with its arguments parsed losslessly (`5` an int, `5.0` a float); a reply with no
 * tool call decodes to no calls; arguments that are not a JSON object make the reply undecodable.
 * `prompt`: the text goes through {@link decodePromptCalls}; a decode failure gives `null`.
 */
export function decodeBfclRound(mode: BfclMode, round: {readonly tool_calls: readonly ToolCall[], readonly content: string | null}): DecodedRound {
    if (mode === "prompt") {
        try {
            return {calls: decodePromptCalls(round.content ?? "")};
        } catch (error) {
            if (error instanceof ToolaceError) return {calls: null, decodeError: error.message};
            throw error;
        }
    }
    const calls: DecodedCall[] = [];
    for (const call of round.tool_calls) {
        let args;
        try {
            args = parseLosslessJson(call.function.arguments);
        } catch (error) {
            if (error instanceof ToolaceError) return {calls: null, decodeError: `arguments of ${call.function.name}: ${error.message}`};
            throw error;
        }
        if (pyTypeOf(args) !== "dict") return {calls: null, decodeError: `arguments of ${call.function.name} are not a JSON object`};
        calls.push({name: call.function.name, args: args as PyDict});
    }
    return {calls};
}
