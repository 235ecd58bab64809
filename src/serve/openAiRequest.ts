import {ToolaceError} from "../errors/ToolaceError.js";

/** What the server reads of a chat-completions body besides the call request itself. */
export type OpenAiRequestOptions = {
    /** The request's `model`, if given. */
    model: string | undefined,
    stream: boolean,
    /** `stream_options.include_usage`: a final chunk with the usage. */
    includeUsage: boolean,
    /** The body in the shape parseCallRequest reads (messages flattened to text, OpenAI-only fields dropped). */
    callRequest: Record<string, unknown>
};

function bad(message: string, field: string): ToolaceError {
    return new ToolaceError("bad_request", message, {field});
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads an OpenAI chat-completions body (already checked against chatCompletionBodySchema) into
 * toolace-r's request shape: `developer` messages are system messages, content given as text parts
 * is joined, an assistant's empty `tool_calls` is no calls, `null` means absent. Refuses, naming
 * the field, what the server cannot honour: parts other than text, penalties and logit biases,
 * log-probabilities, structured output formats.
 */
export function openAiRequest(body: Record<string, unknown>, defaults: {refine?: string | number} = {}): OpenAiRequestOptions {
    for (const field of ["frequency_penalty", "presence_penalty"])
        if (body[field] != null && body[field] !== 0) throw bad(`${field} is not supported (only 0); decoding is greedy or plain temperature sampling under the call grammar`, field);
    if (body.logit_bias != null && (!isRecord(body.logit_bias) || Object.keys(body.logit_bias).length > 0)) throw bad("logit_bias is not supported", "logit_bias");
    if (body.logprobs === true) throw bad("logprobs is not supported", "logprobs");
    if (body.response_format != null && !(isRecord(body.response_format) && body.response_format.type === "text"))
        throw bad("response_format other than {\"type\": \"text\"} is not supported: give the output's schema as a tool and name it in tool_choice", "response_format");
    if (body.functions != null || body.function_call != null)
        throw bad("the legacy functions/function_call fields are not supported: use tools and tool_choice", body.functions != null ? "functions" : "function_call");
    const messages = (body.messages as unknown[]).map((message, index) => openAiMessage(message as Record<string, unknown>, `messages[${index}]`));
    const callRequest: Record<string, unknown> = {messages};
    for (const field of ["tools", "tool_choice", "parallel_tool_calls", "temperature", "seed", "max_tokens", "max_completion_tokens", "n", "stop", "refine", "max_rounds", "refine_feedback"])
        if (body[field] != null) callRequest[field] = body[field];
    if (callRequest.refine == null && defaults.refine !== undefined) callRequest.refine = defaults.refine;
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : undefined;
    if (streamOptions !== undefined && body.stream !== true) throw bad("stream_options is only allowed with stream: true", "stream_options");
    return {
        model: typeof body.model === "string" ? body.model : undefined,
        stream: body.stream === true,
        includeUsage: streamOptions?.include_usage === true,
        callRequest
    };
}

function openAiMessage(message: Record<string, unknown>, path: string): Record<string, unknown> {
    const role = message.role === "developer" ? "system" : message.role;
    const out: Record<string, unknown> = {role};
    const content = message.content;
    if (Array.isArray(content)) {
        out.content = content.map((part: unknown, index) => {
            const {type, text} = part as {type: string, text?: unknown};
            if (type !== "text") throw bad(`${path}.content[${index}] is a "${type}" part; only text parts are supported`, `${path}.content[${index}].type`);
            if (typeof text !== "string") throw bad(`${path}.content[${index}].text must be a string`, `${path}.content[${index}].text`);
            return text;
        }).join("");
    } else if (content !== undefined) out.content = content;
    if (role === "assistant") {
        const calls = message.tool_calls;
        if (Array.isArray(calls) && calls.length > 0) {
            out.tool_calls = calls;
            if (out.content === "") out.content = null;
        }
    }
    if (role === "tool") {
        if (message.tool_call_id != null) out.tool_call_id = message.tool_call_id;
        if (message.name != null) out.name = message.name;
    }
    return out;
}
