/** One round of an evaluated item, as `items.jsonl` stores it. */
export interface EvalRoundRecord {
    readonly round: number;
    /** The round's tool calls as the model wrote them (arguments: the exact JSON text). */
    readonly calls: readonly {readonly name: string, readonly arguments: string}[];
    /** The round's text answer (prompt mode: the reply that was decoded), or null. */
    readonly content: string | null;
    /** The decoded calls in canonical form (see callSetKey), to tell whether rounds differ. */
    readonly callSet: string;
    readonly correct: boolean;
    /** Why the round is wrong (the checker's error type), when it is. */
    readonly errorType?: string;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly ms: number;
}

/**
 * One evaluated item, one line of `items.jsonl`. An item whose request failed (model error,
 * unusable schema, context overflow) has no rounds, `correct: false` and `error`.
 */
export interface EvalItemRecord {
    readonly id: string;
    readonly category: string;
    /** Whether the final answer (the last round) is right. */
    readonly correct: boolean;
    readonly rounds: readonly EvalRoundRecord[];
    /** Why refinement stopped (`converged`, `max_rounds`, `off`, `text`), null on error. */
    readonly stop: string | null;
    readonly error?: {readonly code: string, readonly message: string};
    /** Wall-clock time for the whole item. */
    readonly ms: number;
}

/** The key under which an item is stored and resumed. */
export function evalItemKey(item: {readonly category: string, readonly id: string}): string {
    return `${item.category}\u0000${item.id}`;
}
