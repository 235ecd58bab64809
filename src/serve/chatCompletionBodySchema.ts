/**
 * The JSON Schema every `POST /v1/chat/completions` body is validated against before it reaches the
 * engine (the HTTP framework runs it; types are not coerced). It checks shapes and types as OpenAI's
 * API defines them; what depends on the model or the tools (a named tool that exists, a tool's
 * parameter schema, the context size) is checked by parseCallRequest and the engine. Fields the
 * schema does not name are accepted and ignored, as OpenAI's clients send many (`user`, `store`,
 * `metadata`…); fields whose meaning the server cannot honour are refused (see openAiRequest).
 */
const text = {type: "string"};
const contentPart = {type: "object", required: ["type"], properties: {type: text, text}};
const content = {anyOf: [text, {type: "null"}, {type: "array", items: contentPart}]};
const toolCall = {
    type: "object",
    required: ["function"],
    properties: {
        id: text,
        type: {const: "function"},
        function: {
            type: "object",
            required: ["name"],
            properties: {name: text, arguments: {anyOf: [text, {type: "object"}]}}
        }
    }
};
const message = {
    type: "object",
    required: ["role"],
    properties: {
        role: {enum: ["system", "developer", "user", "assistant", "tool"]},
        content,
        name: text,
        tool_calls: {anyOf: [{type: "array", items: toolCall}, {type: "null"}]},
        tool_call_id: text
    }
};
const tool = {
    type: "object",
    required: ["type", "function"],
    properties: {
        type: {const: "function"},
        function: {
            type: "object",
            required: ["name"],
            properties: {name: text, description: text, parameters: {type: "object"}, strict: {anyOf: [{type: "boolean"}, {type: "null"}]}}
        }
    }
};
const positiveInteger = {type: "integer", minimum: 1};

export const chatCompletionBodySchema = {
    type: "object",
    required: ["messages"],
    properties: {
        model: text,
        messages: {type: "array", minItems: 1, items: message},
        tools: {anyOf: [{type: "array", items: tool}, {type: "null"}]},
        tool_choice: {
            anyOf: [
                {enum: ["auto", "none", "required"]},
                {type: "object", required: ["type", "function"], properties: {type: {const: "function"}, function: {type: "object", required: ["name"], properties: {name: text}}}}
            ]
        },
        parallel_tool_calls: {type: "boolean"},
        temperature: {type: "number", minimum: 0, maximum: 2},
        top_p: {type: "number", exclusiveMinimum: 0, maximum: 1},
        top_k: {type: "integer", minimum: 0},
        seed: {type: "integer"},
        max_tokens: {anyOf: [positiveInteger, {type: "null"}]},
        max_completion_tokens: {anyOf: [positiveInteger, {type: "null"}]},
        n: {type: "integer", minimum: 1},
        stop: {anyOf: [text, {type: "array", maxItems: 4, items: text}, {type: "null"}]},
        stream: {anyOf: [{type: "boolean"}, {type: "null"}]},
        stream_options: {anyOf: [{type: "object", properties: {include_usage: {type: "boolean"}}}, {type: "null"}]},
        refine: {anyOf: [{enum: ["off", "adaptive"]}, {type: "integer", minimum: 0}]},
        max_rounds: {type: "integer", minimum: 1},
        refine_feedback: {enum: ["none", "validator"]}
    }
} as const;
