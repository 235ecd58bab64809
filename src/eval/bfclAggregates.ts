import type {AggregateScore, CategoryScore} from "./EvalReport.js";

const SIMPLE = ["simple_python", "simple_java", "simple_javascript"];
const NON_LIVE_AST = ["multiple", "parallel", "parallel_multiple"];
const LIVE_AST = ["live_simple", "live_multiple", "live_parallel", "live_parallel_multiple"];
const IRRELEVANCE = ["irrelevance", "live_irrelevance"];

/**
 * BFCL v4's single-turn aggregates that the evaluated categories allow, final and per round:
 * - `simple`: unweighted mean of the simple categories present (simple_python, simple_java,
 *   simple_javascript);
 * - `non_live`: unweighted mean of [simple, multiple, parallel, parallel_multiple], only when all
 *   four are present;
 * - `live`: entry-weighted mean of the four live AST categories, only when all four are present;
 * - `irrelevance`: unweighted mean of irrelevance and live_irrelevance, those present.
 */
export function bfclAggregates(categories: Readonly<Record<string, CategoryScore>>, rounds: number): Record<string, AggregateScore> {
    const present = (name: string): CategoryScore | undefined => {
        const score = categories[name];
        return score !== undefined && score.total > 0 ? score : undefined;
    };
    const out: Record<string, AggregateScore> = {};
    const simpleParts = SIMPLE.filter((name) => present(name) !== undefined);
    if (simpleParts.length > 0) {
        out.simple = unweighted(simpleParts.map((name) => present(name)!), simpleParts, rounds, "unweighted mean of the simple categories present");
    }
    const simple = out.simple;
    if (simple !== undefined && NON_LIVE_AST.every((name) => present(name) !== undefined)) {
        const parts = [simple, ...NON_LIVE_AST.map((name) => present(name)!)];
        out.non_live = unweighted(parts, ["simple", ...NON_LIVE_AST], rounds, "unweighted mean of simple, multiple, parallel, parallel_multiple");
    }
    if (LIVE_AST.every((name) => present(name) !== undefined)) {
        const parts = LIVE_AST.map((name) => present(name)!);
        const total = parts.reduce((n, part) => n + part.total, 0);
        const weighted = (pick: (part: CategoryScore) => number): number => parts.reduce((acc, part) => acc + pick(part) * part.total, 0) / total;
        out.live = {
            accuracy: weighted((part) => part.accuracy),
            byRound: Array.from({length: rounds}, (_, k) => weighted((part) => part.byRound[k] ?? part.accuracy)),
            parts: LIVE_AST,
            method: "entry-weighted mean of the live AST categories"
        };
    }
    const irrelevanceParts = IRRELEVANCE.filter((name) => present(name) !== undefined);
    if (irrelevanceParts.length > 0) {
        out.irrelevance = unweighted(irrelevanceParts.map((name) => present(name)!), irrelevanceParts, rounds, "unweighted mean of irrelevance and live_irrelevance, those present");
    }
    return out;
}

function unweighted(parts: readonly {accuracy: number, byRound: readonly number[]}[], names: readonly string[], rounds: number, method: string): AggregateScore {
    const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    return {
        accuracy: mean(parts.map((part) => part.accuracy)),
        byRound: Array.from({length: rounds}, (_, k) => mean(parts.map((part) => part.byRound[k] ?? part.accuracy))),
        parts: names,
        method
    };
}
