import type {Token} from "node-llama-cpp";

/**
 * The token greedy decoding under a grammar picks at a position, decided from a ranked excerpt of
 * its logits only where the decision is safe: the allowed token with the highest logit (the lowest
 * id among equal logits: node-llama-cpp and llama.cpp keep the first maximum in id order), provided
 * no other allowed token comes within `margin` of it. Logits computed in a batch differ from those
 * of a one-token evaluation in the last bits, so a near tie could go either way; the margin keeps
 * such positions for the caller to sample normally.
 *
 * `ranked` holds the highest logits of the vocabulary (any order); `allowed` asks the grammar
 * (without one, every token is allowed). Returns undefined when the excerpt cannot decide: no
 * allowed token in it, an allowed rival closer than the margin, or a choice within the margin of the
 * lowest logit listed (a rival could hide below the excerpt) unless `complete` says the excerpt
 * is the whole vocabulary.
 */
export function greedyChoice(ranked: Iterable<readonly [Token, number]>, allowed: (token: Token) => boolean,
    options: {margin: number, relativeMargin?: number, complete?: boolean}): Token | undefined {
    const entries = [...ranked].filter(([, logit]) => !Number.isNaN(logit)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (entries.length === 0) return undefined;
    const lowest = entries[entries.length - 1]![1];
    const best = entries.findIndex(([token]) => allowed(token));
    if (best < 0) return undefined;
    const [token, logit] = entries[best]!;
    const floor = logit - options.margin - (options.relativeMargin ?? 0) * Math.abs(logit);
    if (options.complete !== true && lowest >= floor) return undefined;
    for (let i = best + 1; i < entries.length && entries[i]![1] > floor; i++)
        if (allowed(entries[i]![0])) return undefined;
    return token;
}
