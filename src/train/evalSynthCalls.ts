import type {Llama} from "node-llama-cpp";
import {ToolCallEngine} from "../engine/ToolCallEngine.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {synthAnswerMatches} from "./synthAnswerMatches.js";

export interface SynthEvalResult {
    items: number;
    /** Round-0 answers whose canonical call set equals the expected one (a text answer where text is expected counts). */
    correct: number;
    accuracy: number;
    /** Per item kind: [correct, items]. */
    byKind: Record<string, [number, number]>;
    /** Requests the engine refused or failed (counted wrong), by error code. */
    errors: Record<string, number>;
    /** Wall-clock milliseconds of the whole evaluation (model load included). */
    ms: number;
}

/**
 * Round-0 exact-match accuracy of a model on synthetic items: each item's request goes through
 * ToolCallEngine (grammar-constrained, greedy, no refinement); the answer is right when its
 * canonical call set (`canonicalCallSet`: argument order, number spelling and call order do not
 * matter) equals the expected one. Grammar caps keep a weak model's strings finite.
 */
export async function evalSynthCalls(options: {model: string, items: readonly SynthItem[], threads?: number, llama?: Llama, onItem?: (done: number, correct: number) => void}): Promise<SynthEvalResult> {
    const started = Date.now();
    const engine = await ToolCallEngine.load({model: options.model, threads: options.threads ?? 1, gpu: false, ...(options.llama === undefined ? {} : {llama: options.llama}), grammar: {maxStringLength: 200, maxArrayItems: 16}, maxTokens: 384});
    const byKind: Record<string, [number, number]> = {};
    const errors: Record<string, number> = {};
    let correct = 0;
    try {
        for (const item of options.items) {
            const counts = byKind[item.kind] ??= [0, 0];
            counts[1]++;
            let right = false;
            try {
                const result = await engine.call({messages: item.messages, tools: item.tools, refine: "off"});
                right = synthAnswerMatches(item, result.tool_calls, result.content);
            } catch (error) {
                const code = (error as {code?: unknown}).code;
                const key = typeof code === "string" ? code : "exception";
                errors[key] = (errors[key] ?? 0) + 1;
            }
            if (right) {
                correct++;
                counts[0]++;
            }
            options.onItem?.(Object.values(byKind).reduce((sum, [, n]) => sum + n, 0), correct);
        }
    } finally {
        await engine.dispose();
    }
    const items = options.items.length;
    return {items, correct, accuracy: items === 0 ? 0 : correct / items, byKind, errors, ms: Date.now() - started};
}
