/** toolace-r's library API: the same operations as the CLI. */
export {ToolCallEngine, type EngineOptions} from "./engine/ToolCallEngine.js";
export type {CallRequest} from "./engine/CallRequest.js";
export type {CallResult, RoundReport} from "./engine/CallResult.js";
export {parseCallRequest} from "./engine/parseCallRequest.js";
export {serveAgent, type AgentOptions, type AgentReply} from "./agent/serveAgent.js";
export type {ChatMessage, ToolCall} from "./protocol/ChatMessage.js";
export type {ToolChoice} from "./protocol/ToolChoice.js";
export type {ChatFormat, ChatFormatName} from "./protocol/ChatFormat.js";
export {parseAssistantOutput, renderAssistantOutput, type AssistantOutput} from "./protocol/AssistantOutput.js";
export {renderPrompt} from "./protocol/renderPrompt.js";
export {REFINEMENT_PROTOCOL_VERSION, REFINEMENT_INSTRUCTION, refinementTurn, renderRefinementChain} from "./protocol/refinementProtocol.js";
export {runRefinement} from "./refine/runRefinement.js";
export {parseRefineMode, type RefineMode} from "./refine/RefineMode.js";
export {canonicalCallSet} from "./refine/canonicalCallSet.js";
export {normalizeTools} from "./tools/normalizeTools.js";
export type {ToolDefinition} from "./tools/ToolDefinition.js";
export {ToolaceError} from "./errors/ToolaceError.js";
