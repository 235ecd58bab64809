import type {ServerResponse} from "node:http";
import type {CallResult, RoundReport} from "../engine/CallResult.js";
import {type CompletionMeta, openAiUsage, toolaceExtension} from "./chatCompletionBody.js";
import {OpenAiError} from "./OpenAiError.js";

/** Characters of a call's arguments per `tool_calls` delta. */
const ARGUMENTS_FRAGMENT = 32;

/**
 * A streamed chat completion as server-sent events, in OpenAI's chunk shapes: a role chunk, then
 * the answer (a text answer's `content` deltas as the model writes them; calls, once refinement has
 * decided them, as `tool_calls` deltas: index, id and name first, then the arguments in fragments),
 * a chunk with `finish_reason` (and the `toolace_r` summary), a `usage` chunk when asked, then
 * `[DONE]`. Each refinement round is announced when it is decided by a chunk with no choices and a
 * `toolace_r.round` field (round 0 included), which OpenAI's clients pass over. Headers go out with
 * the first event, so an error found before it still gets its HTTP status.
 */
export class ChatCompletionStream {
    private started = false;
    private ended = false;
    /** The text answer sent so far. */
    private sentText = "";

    public constructor(private readonly response: ServerResponse, private readonly meta: CompletionMeta, private readonly options: {includeUsage: boolean, format: string}) {}

    /** Whether the client went away or the stream ended. */
    public get closed(): boolean {
        return this.ended || this.response.destroyed;
    }

    public round(report: RoundReport): void {
        this.send({choices: [], toolace_r: {round: report}});
    }

    public text(delta: string): void {
        this.sentText += delta;
        this.send({choices: [{index: 0, delta: {content: delta}, finish_reason: null, logprobs: null}]});
    }

    /** Sends the answer's calls (its text went out as it came), the finish and usage chunks, and `[DONE]`. */
    public finish(result: CallResult): void {
        if (result.content !== null && result.content.length > this.sentText.length && result.content.startsWith(this.sentText))
            this.text(result.content.slice(this.sentText.length));
        result.tool_calls.forEach((call, index) => {
            const args = call.function.arguments;
            this.send({choices: [{index: 0, delta: {tool_calls: [{index, id: call.id, type: "function", function: {name: call.function.name, arguments: ""}}]}, finish_reason: null, logprobs: null}]});
            for (let at = 0; at < args.length; at += ARGUMENTS_FRAGMENT)
                this.send({choices: [{index: 0, delta: {tool_calls: [{index, function: {arguments: args.slice(at, at + ARGUMENTS_FRAGMENT)}}]}, finish_reason: null, logprobs: null}]});
        });
        const {rounds: _rounds, ...summary} = toolaceExtension(result, this.options.format);
        this.send({choices: [{index: 0, delta: {}, finish_reason: result.finish_reason, logprobs: null}], toolace_r: {...summary, rounds: result.rounds.length}});
        if (this.options.includeUsage) this.send({choices: [], usage: openAiUsage(result)});
        this.end();
    }

    /** Ends the stream with an error: an error status and body when nothing was sent yet, else an `error` event. */
    public fail(error: OpenAiError): void {
        if (this.closed) return;
        if (!this.started) {
            this.started = true;
            this.response.writeHead(error.status, {"content-type": "application/json; charset=utf-8"});
            this.ended = true;
            this.response.end(JSON.stringify(error.body));
            return;
        }
        this.response.write(`data: ${JSON.stringify(error.body)}\n\n`);
        this.end();
    }

    private send(chunk: Record<string, unknown>): void {
        if (this.closed) return;
        if (!this.started) {
            this.started = true;
            this.response.writeHead(200, {"content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no"});
            this.write({choices: [{index: 0, delta: {role: "assistant", content: null}, finish_reason: null, logprobs: null}]});
        }
        this.write(chunk);
    }

    private write(chunk: Record<string, unknown>): void {
        this.response.write(`data: ${JSON.stringify({id: this.meta.id, object: "chat.completion.chunk", created: this.meta.created, model: this.meta.model, system_fingerprint: null, ...chunk})}\n\n`);
    }

    private end(): void {
        if (this.closed) return;
        this.response.write("data: [DONE]\n\n");
        this.ended = true;
        this.response.end();
    }
}
