import {randomBytes, timingSafeEqual} from "node:crypto";
import Fastify, {type FastifyError, type FastifyInstance} from "fastify";
import type {CallHooks} from "../engine/ToolCallEngine.js";
import type {CallRequest} from "../engine/CallRequest.js";
import type {CallResult} from "../engine/CallResult.js";
import {parseCallRequest} from "../engine/parseCallRequest.js";
import {chatCompletionBodySchema} from "./chatCompletionBodySchema.js";
import {chatCompletionBody} from "./chatCompletionBody.js";
import {ChatCompletionStream} from "./ChatCompletionStream.js";
import {OpenAiError} from "./OpenAiError.js";
import {openAiRequest} from "./openAiRequest.js";
import type {FunctionTool} from "../mcp/mcpToolDefinition.js";
import {withExtraTools} from "../mcp/withExtraTools.js";

/** What the server needs of a loaded model (a ToolCallEngine has all of it). */
export type ChatBackend = {
    call(request: CallRequest, hooks: CallHooks): Promise<CallResult>,
    /** Requests it decodes at once. */
    readonly slots: number,
    /** The layout's name, reported in `toolace_r.format`. */
    readonly formatName: string
};

export type ChatServerOptions = {
    backend: ChatBackend,
    /** The served model's id (`/v1/models`, responses' `model`); requests may also name it by `aliases`. */
    modelId: string,
    aliases?: readonly string[],
    /** Other model names to list in `/v1/models` (the catalog), answered with 404 until served. */
    listed?: readonly string[],
    /** With a key, every request but `/health` needs `Authorization: Bearer KEY`. */
    apiKey?: string,
    /** Requests that may wait for a free slot beyond those decoding (default 64); more get 429. */
    maxQueue?: number,
    /** Largest request body in bytes (default 8 MiB); larger ones get 413. */
    bodyLimit?: number,
    /** `refine` for requests that do not give one (default: the engine's, adaptive). */
    refine?: string | number,
    /** Tools offered beside each request's own (those of `--mcp` servers); a request's tool of the same name wins. */
    extraTools?: readonly FunctionTool[]
};

const DEFAULT_MAX_QUEUE = 64;
const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * An OpenAI-compatible chat-completions server over a tool-calling engine, on Fastify: every body
 * is checked against chatCompletionBodySchema, then read as a call request (the same validation as
 * agent mode), answered with the engine's grammar-constrained calls and adaptive refinement, plain
 * or streamed (ChatCompletionStream). At most `slots + maxQueue` requests are admitted (429 past
 * that); a client that disconnects cancels its request, which frees its slot. Errors are OpenAI's
 * error objects with the status that fits (400, 401, 404, 413, 429, 500, 503).
 */
export function createChatServer(options: ChatServerOptions): FastifyInstance & {readonly stats: ServerStats} {
    const {backend, modelId} = options;
    const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
    const names = new Set([modelId, ...(options.aliases ?? [])]);
    const listed = (options.listed ?? []).filter((name) => !names.has(name));
    const key = options.apiKey === undefined ? undefined : Buffer.from(`Bearer ${options.apiKey}`);
    const stats: ServerStats = {admitted: 0, active: 0, refused: 0, cancelled: 0, closing: false};

    const app = Fastify({
        logger: false,
        bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
        // Types are checked, never coerced: `"temperature": "0.5"` is a client error.
        ajv: {customOptions: {coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false}},
        return503OnClosing: false
    });

    app.setErrorHandler((error: FastifyError, _request, reply) => {
        const answer = fastifyError(error);
        void reply.code(answer.status).send(answer.body);
    });
    app.setNotFoundHandler((request, reply) => {
        void reply.code(404).send(new OpenAiError(404, `no route ${request.method} ${request.url.split("?")[0]}; this server answers POST /v1/chat/completions, GET /v1/models and GET /health`, "invalid_request_error", "not_found").body);
    });
    app.addHook("onRequest", async (request, reply) => {
        if (key === undefined || request.url === "/health") return;
        const given = Buffer.from(request.headers.authorization ?? "");
        if (given.length !== key.length || !timingSafeEqual(given, key)) {
            const problem = request.headers.authorization === undefined ? "no API key given: send Authorization: Bearer KEY" : "the API key is wrong";
            return reply.code(401).send(new OpenAiError(401, problem, "invalid_request_error", "invalid_api_key").body);
        }
    });

    app.get("/health", async () => ({status: stats.closing ? "closing" : "ok", model: modelId, slots: backend.slots, active: stats.active}));
    app.get("/v1/models", async () => ({
        object: "list",
        data: [modelId, ...listed].map((id) => ({id, object: "model", created: 0, owned_by: "toolace-r", ...(id === modelId ? {} : {toolace_r: {loaded: false}})}))
    }));
    app.get("/v1/models/:id", async (request) => {
        const {id} = request.params as {id: string};
        if (!names.has(id)) throw modelNotFound(id, listed, modelId);
        return {id: modelId, object: "model", created: 0, owned_by: "toolace-r"};
    });

    app.post("/v1/chat/completions", {schema: {body: chatCompletionBodySchema}}, async (request, reply) => {
        const body = openAiRequest(request.body as Record<string, unknown>, options.refine === undefined ? {} : {refine: options.refine});
        if (body.model !== undefined && !names.has(body.model)) throw modelNotFound(body.model, listed, modelId);
        const callRequest = parseCallRequest(withExtraTools(body.callRequest, options.extraTools ?? []));
        if (stats.closing) throw new OpenAiError(503, "the server is shutting down", "server_error", "shutting_down");
        if (stats.active >= backend.slots + maxQueue) {
            stats.refused++;
            throw new OpenAiError(429, `the server is busy: ${stats.active} requests are in progress or waiting (${backend.slots} at once, ${maxQueue} waiting at most); retry later`, "rate_limit_error", "queue_full");
        }
        const meta = {id: `chatcmpl-${randomBytes(12).toString("hex")}`, created: Math.floor(Date.now() / 1000), model: modelId};
        const abort = new AbortController();
        // The response closes when it is sent or when the client goes away; only the latter cancels.
        reply.raw.on("close", () => {
            if (!reply.raw.writableFinished && !abort.signal.aborted) {
                stats.cancelled++;
                abort.abort();
            }
        });
        stats.admitted++;
        stats.active++;
        try {
            if (!body.stream) {
                const result = await backend.call(callRequest, {signal: abort.signal});
                return chatCompletionBody(meta, result, backend.formatName);
            }
            reply.hijack();
            const stream = new ChatCompletionStream(reply.raw, meta, {includeUsage: body.includeUsage, format: backend.formatName});
            try {
                const result = await backend.call(callRequest, {
                    signal: abort.signal,
                    onRound: (report) => stream.round(report),
                    onText: (delta) => stream.text(delta)
                });
                stream.finish(result);
            } catch (error) {
                stream.fail(OpenAiError.from(error));
            }
            return reply;
        } finally {
            stats.active--;
        }
    });

    const closeApp = app.close.bind(app);
    return Object.assign(app, {
        stats,
        close: (async () => {
            stats.closing = true;
            return closeApp();
        }) as FastifyInstance["close"]
    });
}

/** Counters of a running server (tests, benchmarks, `/health`). */
export type ServerStats = {admitted: number, active: number, refused: number, cancelled: number, closing: boolean};

function modelNotFound(model: string, listed: readonly string[], served: string): OpenAiError {
    const hint = listed.includes(model) ? `; it is in the catalog: start the server with --model ${model}` : "";
    return new OpenAiError(404, `the model "${model}" is not served here (this server serves "${served}")${hint}`, "invalid_request_error", "model_not_found", "model");
}

/** Maps what Fastify raises (body parsing, schema validation, size limits) and what the route raised to OpenAI's error objects. */
function fastifyError(error: FastifyError): OpenAiError {
    if (error instanceof OpenAiError) return error;
    if (error.validation !== undefined) {
        const first = error.validation[0];
        const where = first === undefined ? "" : jsonPointerToParam(first.instancePath);
        const message = first === undefined ? error.message : `${where === "" ? "the body" : where} ${first.message ?? "is invalid"}${allowed(first.params)}`;
        return new OpenAiError(400, message, "invalid_request_error", "invalid_value", where === "" ? null : where);
    }
    switch (error.code) {
        case "FST_ERR_CTP_BODY_TOO_LARGE":
            return new OpenAiError(413, `the request body is larger than the server's limit: ${error.message}`, "invalid_request_error", "request_too_large");
        case "FST_ERR_CTP_INVALID_JSON_BODY":
        case "FST_ERR_CTP_EMPTY_JSON_BODY":
            return new OpenAiError(400, `the request body is not valid JSON: ${error.message}`, "invalid_request_error", "invalid_json");
        case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
            return new OpenAiError(415, "send the body as application/json", "invalid_request_error", "unsupported_media_type");
        default:
            break;
    }
    if (error.statusCode === 400 && error instanceof SyntaxError)
        return new OpenAiError(400, `the request body is not valid JSON: ${error.message}`, "invalid_request_error", "invalid_json");
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500 && error.code?.startsWith("FST_") === true)
        return new OpenAiError(error.statusCode, error.message, "invalid_request_error", error.code);
    return OpenAiError.from(error);
}

/** `/messages/0/role` → `messages[0].role`. */
function jsonPointerToParam(pointer: string): string {
    return pointer.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((param, part) => /^\d+$/.test(part) ? `${param}[${part}]` : param === "" ? part : `${param}.${part}`, "");
}

function allowed(params: Record<string, unknown>): string {
    const values = params.allowedValues ?? (params.allowedValue !== undefined ? [params.allowedValue] : undefined);
    return Array.isArray(values) ? ` (${values.map((value) => JSON.stringify(value)).join(", ")})` : "";
}
