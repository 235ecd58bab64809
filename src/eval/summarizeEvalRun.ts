import type {EvalRunResult} from "./EvalRunResult.js";

/** The one-line summary eval commands print: accuracy per category and aggregate, item counts, the output folder. */
export function summarizeEvalRun(result: EvalRunResult): Record<string, unknown> {
    const {report} = result;
    return {
        categories: Object.fromEntries(Object.entries(report.categories).map(([name, score]) => [name, {correct: score.correct, total: score.total, accuracy: round4(score.accuracy), byRound: score.byRound.map(round4)}])),
        aggregates: Object.fromEntries(Object.entries(report.aggregates).map(([name, aggregate]) => [name, round4(aggregate.accuracy)])),
        evaluated: result.evaluated,
        resumed: result.resumed,
        errors: report.errors.count,
        meanRounds: report.refinement.meanRounds,
        out: result.outDir
    };
}

function round4(x: number): number {
    return Math.round(x * 10000) / 10000;
}
