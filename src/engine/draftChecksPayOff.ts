/**
 * Whether checking drafts in batches (verifyDraft) should pay off for a model: each draft position
 * costs a ranking of the vocabulary's logits (a sort: about 8 ns × V·log2 V, 0.4 ms for 4k tokens,
 * 20 ms for 150k), which must stay well under the cost of the one-token step it replaces (about
 * 0.5 ms plus reading the weights at ~5 GB/s). Small models with large vocabularies (the random
 * test models with 32k-150k tokens) do not gain; the default model (4k tokens) and models of a
 * few hundred MB or more do.
 */
export function draftChecksPayOff(vocabularySize: number, modelBytes: number): boolean {
    if (!(vocabularySize > 1) || !(modelBytes > 0)) return false;
    const rankMs = 8e-6 * vocabularySize * Math.log2(vocabularySize);
    const stepMs = 0.5 + modelBytes / 5e6;
    return rankMs <= 0.5 * stepMs;
}
