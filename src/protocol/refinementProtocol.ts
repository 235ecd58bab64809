/**
 * The refinement protocol of toolace-r: the one place that defines how a self-refinement round is
 * laid out in the chat. Inference (the refinement loop) and training data (refinement corpora)
 * both build their sequences from these functions, so a model trained on them sees at inference
 * exactly the token layout it was trained on. Change the layout only together with the version.
 *
 * Layout of a conversation with refinement rounds (one context sequence, nothing re-rendered):
 *
 *   <prompt: system+tools, messages, assistant start>
 *   <round 0 output> <end-of-turn>
 *   <user turn: REFINEMENT_INSTRUCTION> <assistant start>
 *   <round 1 output> <end-of-turn>
 *   <user turn: REFINEMENT_INSTRUCTION> <assistant start>
 *   ...
 *
 * A round whose calls equal the previous round's ends the loop (adaptive stop).
 */
import type {ChatFormat} from "./ChatFormat.js";
import type {ChatMessage} from "./ChatMessage.js";
import {type Segment, control, output} from "./Segment.js";
import {type AssistantOutput, renderAssistantOutput} from "./AssistantOutput.js";

export const REFINEMENT_PROTOCOL_VERSION = 1;

export const REFINEMENT_INSTRUCTION =
    "Check your answer above against my request and the tool definitions: the right tool, every required argument, " +
    "argument types, and values copied exactly from the request. If it is correct, repeat it exactly. Otherwise, write the corrected answer.";

/**
 * The refinement request. With validator feedback (an option of the engine, off by default and
 * never used in training data), the findings of the schema check on the previous round follow
 * the instruction: `… A check against the tool definitions found: call 1 (book): $.zip: must
 * match pattern "^[0-9]{5}$".`
 */
export function refinementInstruction(findings: readonly string[] = []): string {
    return findings.length === 0 ? REFINEMENT_INSTRUCTION : `${REFINEMENT_INSTRUCTION} A check against the tool definitions found: ${findings.join("; ")}.`;
}

/**
 * The segments that follow a round's output once its end-of-turn token has been written:
 * the control text after the turn, the refinement request (with the check's findings, if any),
 * and the opening of the next assistant turn.
 */
export function refinementTurn(format: ChatFormat, findings: readonly string[] = []): Segment[] {
    return [control(format.afterAssistantEnd), ...format.turn("user", refinementInstruction(findings)), ...format.assistantStart()];
}

/**
 * A whole refinement chain for training: the prompt, then each round's output closed by its end-of-turn
 * token, with a refinement turn between rounds. Outputs are marked `train`; the trainer chooses which
 * rounds to put loss on (usually the last).
 */
export function renderRefinementChain(format: ChatFormat, prompt: readonly Segment[], rounds: readonly AssistantOutput[]): Segment[] {
    const segments: Segment[] = [...prompt];
    for (const [index, round] of rounds.entries()) {
        if (index > 0) segments.push(...refinementTurn(format));
        segments.push(output(renderAssistantOutput(format, round)), output(format.assistantEnd, true));
    }
    return segments;
}

/**
 * The same chain as chat messages, for chat templates that render whole conversations: the
 * conversation, then each earlier round's assistant message followed by the refinement request
 * as a user turn. The model writes the next round after it.
 */
export function refinementMessages(messages: readonly ChatMessage[], rounds: readonly ChatMessage[], findings: readonly (readonly string[])[] = []): ChatMessage[] {
    const chain: ChatMessage[] = [...messages];
    rounds.forEach((round, index) => chain.push(round, {role: "user", content: refinementInstruction(findings[index])}));
    return chain;
}
