import type {LlamaContext, LlamaContextSequence, Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * The context sequences of one or more contexts, lent to one request at a time. A request gets the
 * free sequence whose cached tokens share the longest prefix with its prompt, so consecutive requests
 * with the same system prompt and tools reuse that prefix instead of evaluating it again. Sequences of
 * different contexts decode in parallel (each context has its own threads); those of one context are
 * batched into its decodes.
 */
export class SequencePool {
    private readonly free: LlamaContextSequence[];
    private readonly waiting: Array<() => void> = [];

    /**
     * Sequences get no token predictor: an input-lookup predictor (drafts copied from the prompt or
     * the previous round, verified by node-llama-cpp) made rounds 1.1-4x slower on the default model
     * (its drafts were mostly refuted, and under a grammar node-llama-cpp cuts each draft at the
     * first token the grammar would not accept as the very next one). A refinement round's draft is
     * checked by generateTurn instead, in a few growing batches (see verifyDraft).
     */
    public constructor(contexts: readonly LlamaContext[], countPerContext: number) {
        this.free = contexts.flatMap((context) => Array.from({length: countPerContext}, () => context.getSequence()));
        this.size = this.free.length;
    }

    /** Sequences in the pool (requests that can run at once). */
    public readonly size: number;

    /** Waits for a free sequence (in arrival order); an aborted `signal` gives up waiting with an `aborted` error. */
    public async acquire(prompt: readonly Token[], signal?: AbortSignal): Promise<{sequence: LlamaContextSequence, release: () => void}> {
        while (this.free.length === 0) {
            if (signal?.aborted === true) throw aborted();
            await new Promise<void>((resolve) => {
                const wake = (): void => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve();
                };
                const onAbort = (): void => {
                    const index = this.waiting.indexOf(wake);
                    if (index >= 0) this.waiting.splice(index, 1);
                    resolve();
                };
                this.waiting.push(wake);
                signal?.addEventListener("abort", onAbort, {once: true});
            });
        }
        if (signal?.aborted === true) {
            // A wake-up meant for this request goes to the next one.
            this.waiting.shift()?.();
            throw aborted();
        }
        const best = this.choose(prompt);
        const [sequence] = this.free.splice(best, 1);
        let released = false;
        return {
            sequence: sequence!,
            release: () => {
                if (released) return;
                released = true;
                this.free.push(sequence!);
                this.waiting.shift()?.();
            }
        };
    }

    /**
     * The free sequence a prompt goes to: the one whose cache shares the longest prefix with it when
     * that is at least half the prompt (a conversation coming back grown, or the same tools and system
     * prompt); otherwise an empty sequence if there is one, so that the caches other conversations
     * left stay for them (llama.cpp's server picks its slots the same way); otherwise the longest
     * shared prefix. Ties go to the sequence free the longest.
     */
    private choose(prompt: readonly Token[]): number {
        let best = 0;
        let bestShared = -1;
        let empty = -1;
        for (const [index, sequence] of this.free.entries()) {
            if (sequence.nextTokenIndex === 0 && empty < 0) empty = index;
            const shared = sequence.compareContextTokens([...prompt]).firstDifferentIndex;
            if (shared > bestShared) {
                best = index;
                bestShared = shared;
            }
        }
        return bestShared * 2 >= prompt.length || empty < 0 ? best : empty;
    }

    /** Requests waiting for a sequence. */
    public get queued(): number {
        return this.waiting.length;
    }

    public dispose(): void {
        for (const sequence of this.free) sequence.dispose();
        this.free.length = 0;
    }
}

function aborted(): ToolaceError {
    return new ToolaceError("aborted", "the request was cancelled before a sequence was free");
}
