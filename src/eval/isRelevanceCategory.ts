/**
 * Whether BFCL scores a category with its relevance runner (no ground truth, only "is there a
 * call"): `irrelevance`, `live_irrelevance`, `live_relevance`.
 */
export function isRelevanceCategory(category: string): boolean {
    return category.includes("relevance");
}
