/**
 * llama.cpp's own server as an evaluation peer: `llama-server --jinja` (built from node-llama-cpp's
 * bundled source, see buildLlamaTargets) started on a loopback port, asked through its OpenAI
 * `/v1/chat/completions` with `tools` and `tool_choice`, and stopped by `close()`.
 */
import {spawn, type ChildProcess} from "node:child_process";
import {createServer} from "node:net";
import type {CallResult} from "../../src/engine/CallResult.js";
import type {ToolCall} from "../../src/protocol/ChatMessage.js";
import type {EvalAnswerer, EvalRequest} from "../../src/eval/EvalAnswerer.js";

/** A free loopback port. */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.on("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => typeof address === "object" && address != null ? resolve(address.port) : reject(new Error("no port")));
        });
    });
}

export interface LlamaServerPeer extends EvalAnswerer {
    /** `http://127.0.0.1:PORT` */
    readonly base: string;
    /** The server process's id (for RSS sampling). */
    readonly pid: number;
    close(): Promise<void>;
}

/**
 * Starts llama-server on `model` and waits until /health answers 200 (or throws with the server's last output).
 * `parallel` slots (default 1) get `contextSize` tokens each (llama-server splits `-c` among its slots).
 */
export async function startLlamaServer(options: {binary: string, libraryDir: string, model: string, threads: number, contextSize: number, parallel?: number, extraArgs?: readonly string[]}): Promise<LlamaServerPeer> {
    const parallel = options.parallel ?? 1;
    const port = await freePort();
    const args = ["-m", options.model, "--jinja", "--host", "127.0.0.1", "--port", String(port), "-t", String(options.threads), "-tb", String(options.threads),
        "-c", String(options.contextSize * parallel), "--parallel", String(parallel), "--no-webui", "-ngl", "0", ...(options.extraArgs ?? [])];
    const child: ChildProcess = spawn(options.binary, args, {stdio: ["ignore", "pipe", "pipe"], env: {...process.env, LD_LIBRARY_PATH: options.libraryDir}});
    let output = "";
    const keep = (chunk: Buffer): void => {
        output = (output + chunk.toString("utf8")).slice(-6000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    let exited = false;
    child.on("exit", () => { exited = true; });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (;;) {
        if (exited) throw new Error(`llama-server exited before it was ready:\n${output}`);
        if (Date.now() > deadline) {
            child.kill("SIGKILL");
            throw new Error(`llama-server was not ready after 120 s:\n${output}`);
        }
        const ok = await fetch(`${base}/health`).then((response) => response.status === 200, () => false);
        if (ok) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return {
        name: `llama-server:${options.model}`,
        base,
        pid: child.pid!,
        slots: 1,
        async answer(request: EvalRequest): Promise<CallResult> {
            const started = performance.now();
            const response = await fetch(`${base}/v1/chat/completions`, {
                method: "POST",
                headers: {"content-type": "application/json"},
                body: JSON.stringify({messages: request.messages, tools: request.tools, tool_choice: request.tool_choice, temperature: 0, max_tokens: request.max_tokens ?? 512, cache_prompt: false})
            });
            const body = await response.json() as {choices?: {message: {content?: string | null, tool_calls?: ToolCall[]}}[], usage?: {prompt_tokens: number, completion_tokens: number}, error?: {message: string}};
            if (!response.ok || body.choices == null) throw new Error(`llama-server answered ${response.status}: ${body.error?.message ?? JSON.stringify(body).slice(0, 300)}`);
            const message = body.choices[0]!.message;
            const toolCalls = (message.tool_calls ?? []).map((call) => ({id: call.id, type: "function" as const, function: {name: call.function.name, arguments: call.function.arguments}}));
            const content = toolCalls.length > 0 ? null : message.content ?? "";
            const ms = performance.now() - started;
            return {
                tool_calls: toolCalls, content, stop: "off", model: options.model,
                finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
                usage: {promptTokens: body.usage?.prompt_tokens ?? 0, cachedTokens: 0, completionTokens: body.usage?.completion_tokens ?? 0, evaluatedTokens: body.usage?.prompt_tokens ?? 0},
                rounds: [{round: 0, tool_calls: toolCalls, content, inputTokens: body.usage?.prompt_tokens ?? 0, outputTokens: body.usage?.completion_tokens ?? 0, ms}]
            };
        },
        async close(): Promise<void> {
            if (exited) return;
            const done = new Promise((resolve) => child.on("exit", resolve));
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
            await done;
            clearTimeout(timer);
        }
    };
}
