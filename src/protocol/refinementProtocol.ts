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
 * The segments that follow a round's output once its end-of-turn token has been written:
 * the control text after the turn, the refinement request, and the opening of the next assistant turn.
 */
export function refinementTurn(format: ChatFormat): Segment[] {
    return [control(format.afterAssistantEnd), ...format.turn("user", REFINEMENT_INSTRUCTION), ...format.assistantStart()];
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
export function refinementMessages(messages: readonly ChatMessage[], rounds: readonly ChatMessage[]): ChatMessage[] {
    const chain: ChatMessage[] = [...messages];
    for (const round of rounds) chain.push(round, {role: "user", content: REFINEMENT_INSTRUCTION});
    return chain;
}
