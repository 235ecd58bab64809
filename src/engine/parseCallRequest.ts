import {ToolaceError} from "../errors/ToolaceError.js";
import type {ChatMessage, ToolCall} from "../protocol/ChatMessage.js";
import type {ToolChoice} from "../protocol/ToolChoice.js";
import {normalizeTools} from "../tools/normalizeTools.js";
import {pathBeyondDepth} from "../tools/pathBeyondDepth.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {parseRefineMode} from "../refine/RefineMode.js";
import type {CallRequest} from "./CallRequest.js";

export const MAX_PARALLEL_CALLS = 8;
/** Most stop sequences a request may give (OpenAI's limit). */
export const MAX_STOP_SEQUENCES = 4;
/** Deepest nesting of arrays/objects a request may have (tool schemas nest about two levels per schema level). */
export const MAX_REQUEST_DEPTH = 256;

function bad(message: string, field: string): ToolaceError {
    return new ToolaceError("bad_request", message, {field});
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates a raw request object (agent line, library call or CLI flags) into a {@link CallRequest}.
 * Every error is a `bad_request` (or `tool_schema`) naming the offending field.
 */
export function parseCallRequest(raw: unknown): CallRequest {
    if (!isRecord(raw)) throw bad("a request must be a JSON object", "$");
    const tooDeep = pathBeyondDepth(raw, MAX_REQUEST_DEPTH);
    if (tooDeep !== undefined) throw bad(`the request nests arrays and objects more than ${MAX_REQUEST_DEPTH} levels deep, at ${tooDeep}`, tooDeep);
    const tools = raw.tools == null ? [] : normalizeTools(raw.tools);
    const messages = parseMessages(raw.messages);
    const toolChoice = parseToolChoice(raw.tool_choice, tools);
    const refine = parseRefineMode(raw.refine, raw.max_rounds);
    const request: CallRequest = {messages, tools, toolChoice, refine, sampling: {}};
    if (raw.refine_feedback != null && raw.refine_feedback !== "none") {
        if (raw.refine_feedback !== "validator") throw bad(`refine_feedback must be "none" or "validator", got ${JSON.stringify(raw.refine_feedback)}`, "refine_feedback");
        request.refineFeedback = "validator";
    }
    if (raw.seed != null) {
        if (!Number.isSafeInteger(raw.seed) || (raw.seed as number) < 0) throw bad(`seed must be a non-negative integer, got ${JSON.stringify(raw.seed)}`, "seed");
        request.sampling.seed = raw.seed as number;
    }
    if (raw.temperature != null) {
        if (typeof raw.temperature !== "number" || !(raw.temperature >= 0 && raw.temperature <= 5))
            throw bad(`temperature must be a number from 0 to 5, got ${JSON.stringify(raw.temperature)}`, "temperature");
        request.sampling.temperature = raw.temperature;
    }
    for (const field of ["max_tokens", "max_completion_tokens"] as const) {
        const value = raw[field];
        if (value == null) continue;
        if (!Number.isSafeInteger(value) || (value as number) < 1) throw bad(`${field} must be a positive integer, got ${JSON.stringify(value)}`, field);
        if (request.maxTokens !== undefined && request.maxTokens !== value)
            throw bad(`max_tokens (${request.maxTokens}) and max_completion_tokens (${JSON.stringify(value)}) disagree; give one`, field);
        request.maxTokens = value as number;
    }
    if (raw.n != null && raw.n !== 1)
        throw bad(`n must be 1 (one answer per request; send several requests, or use seed and temperature), got ${JSON.stringify(raw.n)}`, "n");
    if (raw.stop != null) {
        const stop = typeof raw.stop === "string" ? [raw.stop] : raw.stop;
        if (!Array.isArray(stop) || stop.length > MAX_STOP_SEQUENCES || stop.some((item) => typeof item !== "string" || item === ""))
            throw bad(`stop must be a non-empty string or an array of at most ${MAX_STOP_SEQUENCES} non-empty strings, got ${JSON.stringify(raw.stop).slice(0, 200)}`, "stop");
        if (stop.length > 0) request.stop = stop as string[];
    }
    if (raw.parallel_tool_calls != null) {
        if (typeof raw.parallel_tool_calls !== "boolean") throw bad("parallel_tool_calls must be a boolean", "parallel_tool_calls");
        request.maxParallelCalls = raw.parallel_tool_calls ? MAX_PARALLEL_CALLS : 1;
    }
    return request;
}

function parseMessages(value: unknown): ChatMessage[] {
    if (!Array.isArray(value) || value.length === 0) throw bad("messages must be a non-empty array", "messages");
    const messages = value.map((message, index) => parseMessage(message, `messages[${index}]`));
    const last = messages[messages.length - 1]!;
    if (last.role !== "user" && last.role !== "tool")
        throw bad(`the last message must be from the user or a tool result, got role "${last.role}"`, `messages[${messages.length - 1}].role`);
    return messages;
}

function parseMessage(value: unknown, path: string): ChatMessage {
    if (!isRecord(value)) throw bad(`${path} must be an object`, path);
    const {role} = value;
    const text = (field: string, optional = false): string | null => {
        const v = value[field];
        if (v == null && optional) return null;
        if (typeof v !== "string") throw bad(`${path}.${field} must be a string`, `${path}.${field}`);
        return v;
    };
    switch (role) {
        case "system":
        case "user":
            return {role, content: text("content")!};
        case "tool": {
            const message: ChatMessage = {role, content: text("content")!};
            if (value.tool_call_id != null) message.tool_call_id = text("tool_call_id")!;
            if (value.name != null) message.name = text("name")!;
            return message;
        }
        case "assistant": {
            const content = text("content", true);
            const calls = value.tool_calls;
            if (calls == null) {
                if (content == null) throw bad(`${path} needs content or tool_calls`, path);
                return {role, content};
            }
            if (!Array.isArray(calls)) throw bad(`${path}.tool_calls must be an array`, `${path}.tool_calls`);
            return {role, content, tool_calls: calls.map((call, i) => parseToolCall(call, `${path}.tool_calls[${i}]`))};
        }
        default:
            throw bad(`${path}.role must be one of system, user, assistant, tool; got ${JSON.stringify(role)}`, `${path}.role`);
    }
}

function parseToolCall(value: unknown, path: string): ToolCall {
    if (!isRecord(value) || !isRecord(value.function)) throw bad(`${path} must be {id, type:"function", function:{name, arguments}}`, path);
    const {name, arguments: args} = value.function;
    if (typeof name !== "string" || name === "") throw bad(`${path}.function.name must be a non-empty string`, `${path}.function.name`);
    const argsText = typeof args === "string" ? args : JSON.stringify(args ?? {});
    let parsed: unknown;
    try {
        parsed = JSON.parse(argsText);
    } catch {
        parsed = undefined;
    }
    if (!isRecord(parsed)) throw bad(`${path}.function.arguments must be a JSON object (as a string)`, `${path}.function.arguments`);
    if (pathBeyondDepth(parsed, MAX_REQUEST_DEPTH) !== undefined)
        throw bad(`${path}.function.arguments nests arrays and objects more than ${MAX_REQUEST_DEPTH} levels deep`, `${path}.function.arguments`);
    return {id: typeof value.id === "string" ? value.id : "", type: "function", function: {name, arguments: argsText}};
}

function parseToolChoice(value: unknown, tools: readonly ToolDefinition[]): ToolChoice {
    if (value == null) return "auto";
    if (value === "auto" || value === "none" || value === "required") {
        if (value === "required" && tools.length === 0) throw bad("tool_choice \"required\" needs at least one tool", "tool_choice");
        return value;
    }
    const name = isRecord(value) && value.type === "function" && isRecord(value.function) ? value.function.name : undefined;
    if (typeof name !== "string")
        throw bad(`tool_choice must be "auto", "none", "required" or {type:"function", function:{name}}, got ${JSON.stringify(value)}`, "tool_choice");
    if (!tools.some((tool) => tool.name === name))
        throw bad(`tool_choice names the function "${name}", which is not among the tools (${tools.map((t) => t.name).join(", ") || "none given"})`, "tool_choice.function.name");
    return {type: "function", function: {name}};
}
