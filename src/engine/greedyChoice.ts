import type {Token} from "node-llama-cpp";

export type GreedyChoiceOptions = {
    /** How far ahead of every allowed rival the choice must be: margin + relativeMargin × |its logit|. */
    margin: number,
    relativeMargin?: number,
    /** Whether `ranked` is the whole vocabulary (no token can hide below it). */
    complete?: boolean,
    /** Logits of further tokens, anywhere below the excerpt (those asked for by name). */
    extras?: Iterable<readonly [Token, number]>,
    /** Every token the grammar allows at this position, when known: an allowed token not listed is then no rival at all. */
    allowedSet?: ReadonlySet<Token>
};

/**
 * The token greedy decoding under a grammar picks at a position, decided from an excerpt of its
 * logits only where the decision is safe: the allowed token with the highest logit (the lowest id
 * among equal logits: node-llama-cpp and llama.cpp keep the first maximum in id order), provided no
 * other allowed token comes within the margin of it. Logits computed in a batch may differ from
 * those of a one-token evaluation, so a near tie could go either way; the margin keeps such
 * positions for the caller to sample normally.
 *
 * `ranked` holds the highest logits of the vocabulary (any order; possibly none), `extras` logits of other tokens;
 * `allowed` asks the grammar (without one, every token is allowed). A token listed in neither may
 * still be an allowed rival with a logit up to the lowest one ranked, unless `complete` says the
 * excerpt is the whole vocabulary or `allowedSet` lists every allowed token and all of them are
 * listed. Returns undefined when the excerpt cannot decide: no allowed token listed, an allowed
 * rival closer than the margin, or a hidden rival that could come that close.
 */
export function greedyChoice(ranked: Iterable<readonly [Token, number]>, allowed: (token: Token) => boolean, options: GreedyChoiceOptions): Token | undefined {
    const listed = new Map<Token, number>();
    let lowest = Number.POSITIVE_INFINITY;
    for (const [token, logit] of ranked) {
        if (Number.isNaN(logit)) continue;
        listed.set(token, logit);
        lowest = Math.min(lowest, logit);
    }
    for (const [token, logit] of options.extras ?? [])
        if (!Number.isNaN(logit) && !listed.has(token)) listed.set(token, logit);
    if (listed.size === 0) return undefined;
    const isAllowed = options.allowedSet == null ? allowed : (token: Token): boolean => options.allowedSet!.has(token);
    const entries = [...listed].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const best = entries.findIndex(([token]) => isAllowed(token));
    if (best < 0) return undefined;
    const [token, logit] = entries[best]!;
    const floor = logit - options.margin - (options.relativeMargin ?? 0) * Math.abs(logit);
    const hiddenRivals = options.complete === true ? false
        : options.allowedSet == null ? true
            : [...options.allowedSet].some((candidate) => !listed.has(candidate));
    if (hiddenRivals && lowest >= floor) return undefined;
    for (let i = best + 1; i < entries.length && entries[i]![1] > floor; i++)
        if (isAllowed(entries[i]![0])) return undefined;
    return token;
}
