import type {LlamaContext, LlamaContextSequence, Token} from "node-llama-cpp";

/**
 * The context sequences of one context, lent to one request at a time. A request gets the free
 * sequence whose cached tokens share the longest prefix with its prompt, so consecutive requests
 * with the same system prompt and tools reuse that prefix instead of evaluating it again.
 */
export class SequencePool {
    private readonly free: LlamaContextSequence[];
    private readonly waiting: Array<() => void> = [];

    public constructor(context: LlamaContext, count: number) {
        this.free = Array.from({length: count}, () => context.getSequence());
    }

    public get size(): number {
        return this.free.length;
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
