import type {LlamaModel} from "node-llama-cpp";
import {tokenizeSegments} from "../engine/tokenizeSegments.js";
import {renderAssistantOutput, type AssistantOutput} from "../protocol/AssistantOutput.js";
import type {ChatFormat} from "../protocol/ChatFormat.js";
import type {ChatMessage} from "../protocol/ChatMessage.js";
import {formatArguments} from "../protocol/formatArguments.js";
import {REFINEMENT_INSTRUCTION, renderRefinementChain} from "../protocol/refinementProtocol.js";
import {renderPrompt} from "../protocol/renderPrompt.js";
import {output, type Segment} from "../protocol/Segment.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {parseTrainingConversation, type LossOn} from "./parseTrainingConversation.js";
import type {TrainSample} from "./trainData.js";

export interface RenderTrainingSampleOptions {
    /** Default "all": loss on every assistant turn of the conversation; "last": on the target turn only. */
    lossOn?: LossOn;
}

/** The assistant message as the model writes it (calls with arguments in schema order, or text). */
function assistantOutput(message: Extract<ChatMessage, {role: "assistant"}>, tools: readonly ToolDefinition[]): AssistantOutput {
    const calls = message.tool_calls ?? [];
    if (calls.length === 0) return {kind: "text", text: message.content ?? ""};
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    return {
        kind: "calls",
        calls: calls.map((call) => ({
            name: call.function.name,
            argumentsText: formatArguments(byName.get(call.function.name)?.parameters, JSON.parse(call.function.arguments))
        }))
    };
}

/**
 * Where the refinement rounds of a conversation start: the index of the first assistant message of
 * the trailing chain `assistant, user(REFINEMENT_INSTRUCTION), assistant, …, assistant` that ends
 * the conversation, when it has at least two rounds (otherwise undefined).
 */
function refinementChainStart(messages: readonly ChatMessage[]): number | undefined {
    let start = messages.length - 1;
    while (start >= 2 && messages[start - 1]?.role === "user" && messages[start - 1]?.content === REFINEMENT_INSTRUCTION && messages[start - 2]?.role === "assistant") {
        start -= 2;
    }
    return start < messages.length - 1 ? start : undefined;
}

/**
 * Turns an OpenAI-style `{messages, tools}` conversation (the last message is the assistant turn
 * to learn, earlier ones are context) into a training sample laid out exactly as inference sees it:
 * the prompt is `renderPrompt` of the context (what ToolCallEngine evaluates, BOS included), followed
 * by the target as the model writes it (`renderAssistantOutput`) and the format's end-of-turn token,
 * all tokenized by `tokenizeSegments`. A conversation that ends with refinement rounds (assistant
 * turns separated by user turns holding REFINEMENT_INSTRUCTION) is laid out by the refinement
 * protocol (`renderRefinementChain`: the prompt before the first round, then every round), which
 * is the sequence the refinement loop builds at inference. `trainMask` marks the target and its
 * end-of-turn token, and with `lossOn: "all"` (the default) also the assistant turns of the
 * context. Throws TrainError `train_invalid_sample` for a conversation the inference path could
 * not produce.
 */
export function renderTrainingSample(model: LlamaModel, format: ChatFormat, conversation: unknown, options: RenderTrainingSampleOptions = {}): TrainSample {
    const lossOn = options.lossOn ?? "all";
    if (lossOn !== "last" && lossOn !== "all") throw new TypeError(`lossOn must be "last" or "all", got ${JSON.stringify(lossOn)}`);
    const {messages, tools} = parseTrainingConversation(conversation, format, lossOn);
    const chainStart = refinementChainStart(messages);
    let segments: Segment[];
    if (chainStart !== undefined) {
        const rounds = messages.slice(chainStart).filter((message) => message.role === "assistant")
            .map((message) => assistantOutput(message as Extract<ChatMessage, {role: "assistant"}>, tools));
        const chain = renderRefinementChain(format, renderPrompt(format, messages.slice(0, chainStart), tools), rounds);
        // The chain's last two segments are the target and its end-of-turn token.
        segments = lossOn === "all" ? chain : chain.map((segment, index) => index >= chain.length - 2 ? segment : {...segment, train: false});
    } else {
        const target = messages[messages.length - 1] as Extract<ChatMessage, {role: "assistant"}>;
        const prompt = renderPrompt(format, messages.slice(0, -1), tools);
        segments = [
            ...(lossOn === "all" ? prompt : prompt.map((segment) => ({...segment, train: false}))),
            output(renderAssistantOutput(format, assistantOutput(target, tools))),
            // The end-of-turn token is the last thing the model writes; the control text after it is not part of the turn.
            output(format.assistantEnd, true)
        ];
    }
    const {tokens, trainMask} = tokenizeSegments(model, segments, {bos: true});
    return {tokens: tokens.map(Number), trainMask};
}
