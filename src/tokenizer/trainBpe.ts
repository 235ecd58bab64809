import {byteLevel} from "./byteLevel.js";
import {TokenizerError} from "./TokenizerError.js";

export interface BpeVocabulary {
    /** Token texts in byte-level form; ids 0..255 are the bytes 0..255, then one token per new merge result. */
    tokens: string[];
    /** Merges in rank order, `"left right"` in byte-level form. */
    merges: string[];
}

export interface TrainBpeOptions {
    /** Tokens wanted (bytes included): 256 + the merges learned. */
    size: number;
    /** A pair seen fewer times than this is not merged (default 2). */
    minFrequency?: number;
}

/** Max-heap of (count, pair key) with lazy deletion: stale entries are skipped when popped. */
class PairHeap {
    private readonly counts: number[] = [];
    private readonly keys: number[] = [];

    public get size(): number {
        return this.counts.length;
    }

    /** Larger count first; on equal counts the smaller key (earlier tokens) first, so training is deterministic. */
    private above(i: number, j: number): boolean {
        return this.counts[i]! > this.counts[j]! || (this.counts[i] === this.counts[j] && this.keys[i]! < this.keys[j]!);
    }

    private swap(i: number, j: number): void {
        [this.counts[i], this.counts[j]] = [this.counts[j]!, this.counts[i]!];
        [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    }

    public push(count: number, key: number): void {
        this.counts.push(count);
        this.keys.push(key);
        let i = this.counts.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.above(i, parent)) break;
            this.swap(i, parent);
            i = parent;
        }
    }

    public pop(): {count: number, key: number} | undefined {
        const n = this.counts.length;
        if (n === 0) return undefined;
        const top = {count: this.counts[0]!, key: this.keys[0]!};
        this.swap(0, n - 1);
        this.counts.pop();
        this.keys.pop();
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let best = i;
            if (left < n - 1 && this.above(left, best)) best = left;
            if (right < n - 1 && this.above(right, best)) best = right;
            if (best === i) break;
            this.swap(i, best);
            i = best;
        }
        return top;
    }
}

const keyBase = 1 << 20;

/**
 * Learns a byte-level BPE vocabulary from pre-tokenized words and their counts (the classic
 * algorithm: repeatedly merge the most frequent adjacent pair, counts updated incrementally).
 * Words are byte-level strings (see `byteLevel.encode`); the result never depends on the order of
 * `words` beyond ties, which are broken by token ids, so the same input gives the same vocabulary.
 * Two merges that spell the same text share one token. Stops at `size` tokens or when no pair is
 * frequent enough. Throws `tokenizer_invalid_options`.
 */
export function trainBpe(words: ReadonlyMap<string, number>, options: TrainBpeOptions): BpeVocabulary {
    const {size} = options;
    const minFrequency = options.minFrequency ?? 2;
    if (!Number.isSafeInteger(size) || size < 256 || size >= keyBase) {
        throw new TokenizerError("tokenizer_invalid_options", `size must be an integer from 256 to ${keyBase - 1}, got ${String(size)}`, {option: "size"});
    }
    const tokens: string[] = [];
    for (let b = 0; b < 256; b++) tokens.push(byteLevel.char(b));
    const idOf = new Map(tokens.map((text, id) => [text, id]));
    const merges: string[] = [];

    // Words as symbol arrays, sorted by text so the input order cannot matter.
    const entries = [...words.entries()].filter(([word, count]) => word.length > 1 && count > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const symbols: number[][] = entries.map(([word]) => [...word].map((char) => {
        const id = idOf.get(char);
        if (id === undefined) throw new TokenizerError("tokenizer_corpus", `word ${JSON.stringify(word)} is not in byte-level form`, {word});
        return id;
    }));
    const counts = entries.map(([, count]) => count);

    const pairCounts = new Map<number, number>();
    const pairWords = new Map<number, Set<number>>();
    const addPairs = (w: number, sign: 1 | -1, changed: Set<number>): void => {
        const s = symbols[w]!;
        const count = counts[w]! * sign;
        for (let i = 0; i + 1 < s.length; i++) {
            const key = s[i]! * keyBase + s[i + 1]!;
            pairCounts.set(key, (pairCounts.get(key) ?? 0) + count);
            changed.add(key);
            if (sign === 1) {
                let set = pairWords.get(key);
                if (set === undefined) pairWords.set(key, set = new Set());
                set.add(w);
            }
        }
    };
    const heap = new PairHeap();
    const initial = new Set<number>();
    for (let w = 0; w < symbols.length; w++) addPairs(w, 1, initial);
    for (const key of initial) heap.push(pairCounts.get(key)!, key);

    while (tokens.length < size && heap.size > 0) {
        const top = heap.pop()!;
        const current = pairCounts.get(top.key) ?? 0;
        if (current !== top.count) continue; // stale
        if (current < minFrequency) break;
        const left = Math.floor(top.key / keyBase);
        const right = top.key % keyBase;
        const text = tokens[left]! + tokens[right]!;
        let merged = idOf.get(text);
        if (merged === undefined) {
            merged = tokens.length;
            tokens.push(text);
            idOf.set(text, merged);
        }
        merges.push(`${tokens[left]!} ${tokens[right]!}`);
        const changed = new Set<number>();
        const affected = [...(pairWords.get(top.key) ?? [])].sort((a, b) => a - b);
        pairWords.delete(top.key);
        for (const w of affected) {
            const s = symbols[w]!;
            addPairs(w, -1, changed);
            const next: number[] = [];
            for (let i = 0; i < s.length; i++) {
                if (i + 1 < s.length && s[i] === left && s[i + 1] === right) {
                    next.push(merged);
                    i++;
                } else {
                    next.push(s[i]!);
                }
            }
            symbols[w] = next;
            addPairs(w, 1, changed);
        }
        for (const key of changed) {
            const count = pairCounts.get(key)!;
            if (count <= 0) {
                pairCounts.delete(key);
                pairWords.delete(key);
            } else if (key !== top.key) {
                heap.push(count, key);
            }
        }
        pairCounts.delete(top.key);
    }
    return {tokens, merges};
}
