import type {EvalItemRecord} from "./EvalItemRecord.js";
import type {AggregateScore, CategoryScore, EvalReport, RefinementStats, RoundCost} from "./EvalReport.js";
import type {EvalRunConfig} from "./EvalRunConfig.js";

export interface BuildEvalReportOptions {
    readonly config: EvalRunConfig;
    /** Categories in report order (each gets an entry, even without items). */
    readonly categories: readonly string[];
    readonly limit: number | null;
    /** Benchmark aggregates from the category scores (BFCL's v4 groups). */
    readonly aggregates?: (categories: Readonly<Record<string, CategoryScore>>, rounds: number) => Record<string, AggregateScore>;
    readonly notes?: Record<string, unknown>;
}

const ERROR_EXAMPLES = 5;

/**
 * The report of a run from its item records: accuracy per category after every round (an item
 * that stopped earlier keeps its final answer), aggregates, refinement changes between round 0
 * and the final answer, tokens and seconds per round, errors.
 */
export function buildEvalReport(records: readonly EvalItemRecord[], options: BuildEvalReportOptions): EvalReport {
    const rounds = records.reduce((most, record) => Math.max(most, record.rounds.length), 1);
    const categories: Record<string, CategoryScore> = {};
    for (const category of options.categories) {
        categories[category] = scoreCategory(records.filter((record) => record.category === category), rounds);
    }
    const errorRecords = records.filter((record) => record.error !== undefined);
    const byCode: Record<string, number> = {};
    for (const record of errorRecords) byCode[record.error!.code] = (byCode[record.error!.code] ?? 0) + 1;
    const {config} = options;
    return {
        benchmark: config.benchmark,
        model: config.model,
        mode: config.mode,
        toolChoice: config.toolChoice,
        refine: config.refine,
        maxRounds: config.maxRounds,
        seed: config.seed,
        temperature: config.temperature,
        oracle: config.oracle,
        limit: options.limit,
        items: records.length,
        rounds,
        categories,
        aggregates: options.aggregates?.(categories, rounds) ?? {},
        refinement: refinementStats(records),
        perRound: roundCosts(records, rounds),
        totals: {
            inputTokens: sum(records.flatMap((record) => record.rounds.map((round) => round.inputTokens))),
            outputTokens: sum(records.flatMap((record) => record.rounds.map((round) => round.outputTokens))),
            seconds: round3(sum(records.flatMap((record) => record.rounds.map((round) => round.ms))) / 1000),
            itemSeconds: round3(sum(records.map((record) => record.ms)) / 1000)
        },
        errors: {
            count: errorRecords.length,
            byCode,
            examples: errorRecords.slice(0, ERROR_EXAMPLES).map((record) => ({id: record.id, category: record.category, code: record.error!.code, message: record.error!.message}))
        },
        notes: options.notes ?? {}
    };
}

/** Whether an item's answer after round k is right (its last round when it used fewer). */
export function correctAfterRound(record: EvalItemRecord, round: number): boolean {
    if (record.rounds.length === 0) return false;
    return (record.rounds[Math.min(round, record.rounds.length - 1)] as EvalItemRecord["rounds"][number]).correct;
}

function scoreCategory(records: readonly EvalItemRecord[], rounds: number): CategoryScore {
    const total = records.length;
    const correctByRound = Array.from({length: rounds}, (_, k) => records.filter((record) => correctAfterRound(record, k)).length);
    const correct = records.filter((record) => record.correct).length;
    return {
        accuracy: ratio(correct, total),
        correct,
        total,
        byRound: correctByRound.map((n) => ratio(n, total)),
        correctByRound,
        errors: records.filter((record) => record.error !== undefined).length
    };
}

function refinementStats(records: readonly EvalItemRecord[]): RefinementStats {
    const answered = records.filter((record) => record.rounds.length > 0);
    const counts = {changed: 0, unchanged: 0, wrongToRight: 0, rightToWrong: 0, wrongToWrong: 0, rightToRight: 0};
    const stops: Record<string, number> = {};
    for (const record of answered) {
        const first = record.rounds[0]!;
        const last = record.rounds[record.rounds.length - 1]!;
        if (record.stop !== null) stops[record.stop] = (stops[record.stop] ?? 0) + 1;
        if (first.callSet === last.callSet) {
            counts.unchanged++;
            continue;
        }
        counts.changed++;
        if (first.correct) counts[last.correct ? "rightToRight" : "rightToWrong"]++;
        else counts[last.correct ? "wrongToRight" : "wrongToWrong"]++;
    }
    return {items: answered.length, ...counts, meanRounds: round3(ratio(sum(answered.map((record) => record.rounds.length)), answered.length)), stops};
}

function roundCosts(records: readonly EvalItemRecord[], rounds: number): RoundCost[] {
    return Array.from({length: rounds}, (_, k) => {
        const ran = records.flatMap((record) => record.rounds[k] === undefined ? [] : [record.rounds[k]!]);
        return {
            round: k,
            items: ran.length,
            meanInputTokens: round3(ratio(sum(ran.map((round) => round.inputTokens)), ran.length)),
            meanOutputTokens: round3(ratio(sum(ran.map((round) => round.outputTokens)), ran.length)),
            meanSeconds: round3(ratio(sum(ran.map((round) => round.ms)), ran.length) / 1000)
        };
    });
}

function ratio(part: number, whole: number): number {
    return whole === 0 ? 0 : part / whole;
}

function sum(values: readonly number[]): number {
    return values.reduce((a, b) => a + b, 0);
}

function round3(x: number): number {
    return Math.round(x * 1000) / 1000;
}
