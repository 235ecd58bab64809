import type {CallResult, RoundReport} from "../engine/CallResult.js";
import type {EvalProgress} from "./EvalProgress.js";
import {type EvalItemRecord, type EvalRoundRecord, evalItemKey} from "./EvalItemRecord.js";
import {appendEvalItemRecord, readEvalItemRecords} from "./evalItemsFile.js";
import {forEachConcurrently} from "../util/forEachConcurrently.js";

/** What one item needs to be run: its category and id (unique within the category). */
export interface EvalTask {
    readonly id: string;
    readonly category: string;
}

/** The verdict on one round's answer. */
export interface EvalRoundScore {
    readonly correct: boolean;
    /** The round's decoded calls in canonical form (see callSetKey). */
    readonly callSet: string;
    readonly errorType?: string;
}

export interface RunEvalItemsOptions<T extends EvalTask> {
    readonly tasks: readonly T[];
    /** `items.jsonl`: records already there are kept and their items skipped. */
    readonly itemsFile: string;
    /** Answers one item (the engine, or an oracle). A rejection is recorded as the item's error. */
    readonly answer: (task: T) => Promise<CallResult>;
    /** Scores one round's answer. Errors thrown here are bugs or bad data: they stop the run. */
    readonly score: (task: T, round: RoundReport) => EvalRoundScore;
    readonly progress?: EvalProgress;
    /** Items answered at once (default 1): give the engine's `slots`, so each runs on its own sequence. */
    readonly concurrency?: number;
}

export interface EvalItemsOutcome {
    /** A record for every task, in task order. */
    readonly records: EvalItemRecord[];
    /** How many tasks this call evaluated (the others were in `items.jsonl` already). */
    readonly evaluated: number;
}

/**
 * Runs every task that `items.jsonl` has no record of yet, appending each record as soon as it
 * is done, so a killed run resumes where it stopped. Every round of an answer is scored. A
 * failing request (model error, schema the engine rejects, context overflow...) becomes a
 * record with no rounds, `correct: false` and the error's code and message; the run goes on.
 */
export async function runEvalItems<T extends EvalTask>(options: RunEvalItemsOptions<T>): Promise<EvalItemsOutcome> {
    const done = new Map<string, EvalItemRecord>();
    for (const record of readEvalItemRecords(options.itemsFile)) done.set(evalItemKey(record), record);
    const already = options.tasks.map((task) => done.get(evalItemKey(task))).filter((record) => record !== undefined);
    options.progress?.start(options.tasks.length, already.length, already.filter((record) => record.correct).length);
    // Each task not yet recorded, once (a task listed twice is evaluated once).
    const todo = [...new Map(options.tasks.filter((task) => !done.has(evalItemKey(task))).map((task) => [evalItemKey(task), task])).values()];
    let evaluated = 0;
    await forEachConcurrently(todo, options.concurrency ?? 1, async (task) => {
        const record = await evaluateTask(task, options);
        appendEvalItemRecord(options.itemsFile, record);
        done.set(evalItemKey(task), record);
        evaluated++;
        options.progress?.tick(record.correct);
    });
    options.progress?.finish();
    return {records: options.tasks.map((task) => done.get(evalItemKey(task)) as EvalItemRecord), evaluated};
}

async function evaluateTask<T extends EvalTask>(task: T, options: RunEvalItemsOptions<T>): Promise<EvalItemRecord> {
    const started = performance.now();
    let result: CallResult;
    try {
        result = await options.answer(task);
    } catch (error) {
        const code = typeof (error as {code?: unknown}).code === "string" ? (error as {code: string}).code : "internal";
        const message = error instanceof Error ? error.message : String(error);
        return {id: task.id, category: task.category, correct: false, rounds: [], stop: null, error: {code, message}, ms: elapsed(started)};
    }
    const rounds = result.rounds.map((round): EvalRoundRecord => {
        const verdict = options.score(task, round);
        const record: EvalRoundRecord = {
            round: round.round,
            calls: round.tool_calls.map((call) => ({name: call.function.name, arguments: call.function.arguments})),
            content: round.content,
            callSet: verdict.callSet,
            correct: verdict.correct,
            inputTokens: round.inputTokens,
            outputTokens: round.outputTokens,
            ms: round.ms
        };
        return verdict.errorType === undefined ? record : {...record, errorType: verdict.errorType};
    });
    const last = rounds[rounds.length - 1];
    return {id: task.id, category: task.category, correct: last?.correct ?? false, rounds, stop: result.stop, ms: elapsed(started)};
}

function elapsed(started: number): number {
    return Math.round((performance.now() - started) * 10) / 10;
}
