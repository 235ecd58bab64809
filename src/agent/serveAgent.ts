import type {Writable} from "node:stream";
import {ToolaceError} from "../errors/ToolaceError.js";
import type {CallResult} from "../engine/CallResult.js";
import {parseCallRequest} from "../engine/parseCallRequest.js";
import type {FunctionTool} from "../mcp/mcpToolDefinition.js";
import {withExtraTools} from "../mcp/withExtraTools.js";
import type {CallRequest} from "../engine/CallRequest.js";
import {recoverRequestId} from "./recoverRequestId.js";
import {splitLines} from "./splitLines.js";

export type AgentId = string | number | null;
export type AgentReply = ({id: AgentId} & CallResult) | {id: AgentId, error: {code: string, message: string, details?: Record<string, unknown>}};

export type AgentOptions = {
    /** Answers one validated request (usually ToolCallEngine.call). */
    call: (request: CallRequest) => Promise<CallResult>,
    input: AsyncIterable<Buffer | string>,
    output: Writable,
    /** Requests in flight at once (default 1). */
    parallel?: number,
    /** Lines longer than this are answered with an error (default 8 MiB). */
    maxLineBytes?: number,
    /** Aborting stops reading new lines; requests in flight still get their answer. */
    signal?: AbortSignal,
    /** Tools offered beside each request's own (those of `--mcp` servers); a request's tool of the same name wins. */
    extraTools?: readonly FunctionTool[]
};

const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;
const utf8 = new TextDecoder("utf-8", {fatal: true});
const lenientUtf8 = new TextDecoder("utf-8");

/**
 * Agent mode: one JSON request per input line, one JSON reply per request (in completion order,
 * each carrying the request's id). A bad line is answered with `{id, error:{code, message}}` and
 * serving goes on; a line that is not JSON (or not UTF-8) gets the id it starts with
 * (`{"id": ...,`), if any, else null. Resolves once the input ends (or the signal fires) and every
 * reply is written.
 */
export async function serveAgent(options: AgentOptions): Promise<{answered: number, errors: number}> {
    const parallel = Math.max(1, options.parallel ?? 1);
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const inFlight = new Set<Promise<void>>();
    let answered = 0;
    let errors = 0;
    const write = (reply: AgentReply): void => {
        answered++;
        if ("error" in reply) errors++;
        options.output.write(JSON.stringify(reply) + "\n");
    };

    try {
        for await (const item of splitLines(options.input, maxLineBytes)) {
            if (options.signal?.aborted) break;
            if ("tooLong" in item) {
                write({id: null, error: {code: "line_too_long", message: `request line of ${item.tooLong} bytes exceeds the limit of ${maxLineBytes} bytes`}});
                continue;
            }
            const parsed = parseLine(item.line, options.extraTools ?? []);
            if (parsed == null) continue;
            if ("error" in parsed) {
                write(parsed);
                continue;
            }
            while (inFlight.size >= parallel) await Promise.race(inFlight);
            const task = options.call(parsed.request)
                .then((result) => write({id: parsed.id, ...result}))
                .catch((err: unknown) => write({id: parsed.id, error: errorObject(err)}))
                .finally(() => inFlight.delete(task));
            inFlight.add(task);
        }
    } catch (err) {
        // An aborted input (SIGINT/SIGTERM) ends reading; anything else is a real failure.
        if (!options.signal?.aborted) throw err;
    }
    await Promise.all(inFlight);
    return {answered, errors};
}

type ParsedLine = {id: AgentId, request: CallRequest} | {id: AgentId, error: {code: string, message: string, details?: Record<string, unknown>}};

function parseLine(bytes: Buffer, extraTools: readonly FunctionTool[]): ParsedLine | null {
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        // Bytes that are not UTF-8 decode to U+FFFD: an id containing one is not the id that was sent.
        const id = recoverRequestId(lenientUtf8.decode(bytes.subarray(0, 4096)));
        return {id: typeof id === "string" && id.includes("\uFFFD") ? null : id, error: {code: "bad_utf8", message: "the request line is not valid UTF-8"}};
    }
    if (text.trim() === "") return null;
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (err) {
        return {id: recoverRequestId(text), error: {code: "bad_json", message: `the request line is not valid JSON: ${(err as Error).message}`}};
    }
    const rawId = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as {id?: unknown}).id : undefined;
    const id: AgentId = typeof rawId === "string" || (typeof rawId === "number" && Number.isFinite(rawId)) ? rawId : null;
    if (rawId !== undefined && rawId !== null && id === null)
        return {id: null, error: {code: "bad_request", message: "id must be a string or a number", details: {field: "id"}}};
    try {
        return {id, request: parseCallRequest(withExtraTools(raw, extraTools))};
    } catch (err) {
        return {id, error: errorObject(err)};
    }
}

function errorObject(err: unknown): {code: string, message: string, details?: Record<string, unknown>} {
    if (err instanceof ToolaceError) return err.toJSON();
    return {code: "internal", message: err instanceof Error ? err.message : String(err)};
}
