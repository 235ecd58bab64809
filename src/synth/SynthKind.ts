/**
 * What a synthesised item teaches: `single` (one tool given, one call), `choose` (the right tool
 * among 2-5 similar ones), `parallel_same` (the same tool called several times),
 * `parallel_multi` (several different tools called), `irrelevant` (no tool fits: a short text
 * answer) and `exact_copy` (values such as codes, e-mails and timestamps that must be copied
 * character for character).
 */
export type SynthKind = "single" | "choose" | "parallel_same" | "parallel_multi" | "irrelevant" | "exact_copy";

/** Every kind, in the order stats list them. */
export const synthKinds: readonly SynthKind[] = ["single", "choose", "parallel_same", "parallel_multi", "irrelevant", "exact_copy"];
