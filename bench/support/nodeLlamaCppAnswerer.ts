/**
 * node-llama-cpp's own function calling as an evaluation peer: a LlamaChatSession (its chat
 * wrapper resolved from the model, as node-llama-cpp does by default) with every tool defined by
 * defineChatSessionFunction. A handler records the call and returns "ok"; once the model answers
 * after its calls, the prompt is stopped (stopOnAbortSignal), so the calls of its first turn are
 * the answer. It has no tool_choice: every request is `auto`.
 */
import {type ChatHistoryItem, defineChatSessionFunction, type GbnfJsonSchema, type Llama, type LlamaContext, LlamaChatSession, type LlamaModel} from "node-llama-cpp";
import type {CallResult} from "../../src/engine/CallResult.js";
import type {EvalAnswerer, EvalRequest} from "../../src/eval/EvalAnswerer.js";

export interface NodeLlamaCppPeer extends EvalAnswerer {
    close(): Promise<void>;
}

export async function startNodeLlamaCpp(options: {llama: Llama, model: string, threads: number, contextSize: number}): Promise<NodeLlamaCppPeer> {
    const model: LlamaModel = await options.llama.loadModel({modelPath: options.model});
    const context: LlamaContext = await model.createContext({contextSize: options.contextSize, threads: options.threads, sequences: 1});
    const sequence = context.getSequence();
    return {
        name: `node-llama-cpp:${options.model}`,
        slots: 1,
        async answer(request: EvalRequest): Promise<CallResult> {
            const started = performance.now();
            const meter = sequence.tokenMeter.getState();
            const calls: {name: string, params: unknown}[] = [];
            const abort = new AbortController();
            const functions = Object.fromEntries(request.tools.map((tool) => [tool.function.name, defineChatSessionFunction({
                description: tool.function.description,
                params: tool.function.parameters as unknown as Readonly<GbnfJsonSchema & {type: "object"}> as never,
                handler: (params: unknown) => {
                    calls.push({name: tool.function.name, params});
                    return "ok";
                }
            })]));
            const system = request.messages.filter((m) => m.role === "system").map((m) => String(m.content)).join("\n");
            const turns = request.messages.filter((m) => m.role !== "system");
            const last = turns[turns.length - 1];
            if (last?.role !== "user") throw new Error("the last message must be the user's");
            const session = new LlamaChatSession({contextSequence: sequence, ...(system !== "" ? {systemPrompt: system} : {}), autoDisposeSequence: false});
            try {
                if (turns.length > 1) {
                    const history: ChatHistoryItem[] = [...session.getChatHistory()];
                    for (const message of turns.slice(0, -1)) {
                        if (message.role === "user") history.push({type: "user", text: String(message.content)});
                        else if (message.role === "assistant") history.push({type: "model", response: [String(message.content ?? "")]});
                    }
                    session.setChatHistory(history);
                }
                const answer = await session.prompt(String(last.content), {
                    functions, temperature: 0, maxTokens: request.max_tokens ?? 512, signal: abort.signal, stopOnAbortSignal: true,
                    // Text after the calls is the model's reply to their results: the answer is complete.
                    onTextChunk: () => {
                        if (calls.length > 0) abort.abort();
                    }
                });
                const toolCalls = calls.map((call, index) => ({id: `call_${index}`, type: "function" as const,
                    function: {name: call.name, arguments: JSON.stringify(call.params ?? {})}}));
                const content = toolCalls.length > 0 ? null : answer;
                const used = sequence.tokenMeter.diff(meter);
                return {
                    tool_calls: toolCalls, content, stop: "off", model: options.model,
                    finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
                    usage: {promptTokens: used.usedInputTokens, cachedTokens: 0, completionTokens: used.usedOutputTokens, evaluatedTokens: used.usedInputTokens},
                    rounds: [{round: 0, tool_calls: toolCalls, content, inputTokens: used.usedInputTokens, outputTokens: used.usedOutputTokens, ms: performance.now() - started}]
                };
            } finally {
                session.dispose({disposeSequence: false});
                await sequence.clearHistory();
            }
        },
        async close(): Promise<void> {
            await context.dispose();
            await model.dispose();
        }
    };
}
