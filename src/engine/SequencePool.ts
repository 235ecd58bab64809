import {InputLookupTokenPredictor, type LlamaContext, type LlamaContextSequence, type Token} from "node-llama-cpp";

/**
 * The context sequences of one context, lent to one request at a time. A request gets the free
 * sequence whose cached tokens share the longest prefix with its prompt, so consecutive requests
 * with the same system prompt and tools reuse that prefix instead of evaluating it again.
 */
export class SequencePool {
    private readonly free: LlamaContextSequence[];
    private readonly waiting: Array<() => void> = [];

    /**
     * `speculative`: give each sequence an input-lookup token predictor, so that output which copies
     * its draft source (the previous round's call, or the prompt) is verified in batches instead of
     * one token per evaluation. Greedy output is unchanged by it.
     */
    public constructor(context: LlamaContext, count: number, options: {speculative: boolean}) {
        this.free = Array.from({length: count}, () => context.getSequence(options.speculative
            ? {tokenPredictor: new InputLookupTokenPredictor({patternLength: {min: 2}, predictionLength: {max: 24}})}
            : {}));
    }

    public async acquire(prompt: readonly Token[]): Promise<{sequence: LlamaContextSequence, release: () => void}> {
        while (this.free.length === 0)
            await new Promise<void>((resolve) => this.waiting.push(resolve));
        let best = 0;
        let bestShared = -1;
        for (const [index, sequence] of this.free.entries()) {
            const shared = sequence.compareContextTokens([...prompt]).firstDifferentIndex;
            if (shared > bestShared) {
                best = index;
                bestShared = shared;
            }
        }
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

    public dispose(): void {
        for (const sequence of this.free) sequence.dispose();
        this.free.length = 0;
    }
}
