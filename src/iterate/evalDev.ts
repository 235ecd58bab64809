import path from "node:path";
import type {ToolCallEngine} from "../engine/ToolCallEngine.js";
import {buildEvalReport, correctAfterRound} from "../eval/buildEvalReport.js";
import type {EvalItemRecord} from "../eval/EvalItemRecord.js";
import {type EvalRunConfig, grammarSetting, prepareEvalOutDir} from "../eval/EvalRunConfig.js";
import {runEvalItems} from "../eval/runEvalItems.js";
import {EVAL_OUTPUT_FILES, writeEvalReport} from "../eval/writeEvalReport.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {TrainCancelledError} from "../train/TrainError.js";
import {type ItemScoring, itemScoring, scoreSample} from "./scoreSample.js";

/** Dev-set scores of one model, without and with adaptive refinement. */
export interface DevEvalSummary {
    readonly items: number;
    /** Accuracy without refinement: round 0 of each item (greedy, so the same answer as a run with refinement off). */
    readonly accuracyOff: number;
    /** Accuracy of the final answer with adaptive refinement. */
    readonly accuracyAdaptive: number;
    /** Accuracy after each round (an item that stopped earlier keeps its final answer). */
    readonly byRound: readonly number[];
    /** Rounds per item, round 0 included. */
    readonly meanRounds: number;
    /** Items whose final answer differs from round 0, by correctness before → after. */
    readonly changed: number;
    readonly wrongToRight: number;
    readonly rightToWrong: number;
    /** How refinement stopped (`converged`, `max_rounds`, `text`). */
    readonly stops: Readonly<Record<string, number>>;
    /** Items the engine failed (counted wrong). */
    readonly errors: number;
    readonly byCategory: Readonly<Record<string, {readonly items: number, readonly accuracyOff: number, readonly accuracyAdaptive: number}>>;
}

export interface EvalDevOptions {
    readonly engine: ToolCallEngine;
    readonly items: readonly SynthItem[];
    /** Folder of the run: `items.jsonl` (resumable), `run.json`, `report.json`, `report.md`, `chart.svg`. */
    readonly outDir: string;
    /** Most refinement rounds after round 0 (adaptive stop). */
    readonly maxRounds: number;
    /** Output tokens per round (default: the engine's). */
    readonly maxTokens?: number;
    /** Checked between chunks of items: an aborted run stops with TrainCancelledError (what is done stays in items.jsonl). */
    readonly signal?: AbortSignal;
    readonly log?: (line: string) => void;
}

interface DevTask {
    readonly id: string;
    readonly category: string;
    readonly item: SynthItem;
    readonly scoring: ItemScoring;
}

const CHUNK = 16;

/**
 * Evaluates a model on synthetic dev items with adaptive refinement (greedy, tool_choice auto),
 * scoring every round BFCL-exactly (scoreSample), through the evaluation harness: items go to
 * `items.jsonl` as they finish (a killed run resumes), and `report.json`, `report.md` and
 * `chart.svg` are written at the end. Round 0 is the answer without refinement, so one run gives
 * both accuracies.
 */
export async function evalDev(options: EvalDevOptions): Promise<DevEvalSummary> {
    const tasks: DevTask[] = options.items.map((item) => {
        const scoring = itemScoring(item);
        return {id: item.id, category: scoring.category, item, scoring};
    });
    const config: EvalRunConfig = {
        benchmark: "synth", model: options.engine.modelPath, mode: "fc", toolChoice: "auto", refine: "adaptive", maxRounds: options.maxRounds,
        seed: null, temperature: null, maxTokens: options.maxTokens ?? null, oracle: false, ...grammarSetting(options.engine)
    };
    prepareEvalOutDir(options.outDir, config);
    const itemsFile = path.join(options.outDir, EVAL_OUTPUT_FILES.items);
    const records: EvalItemRecord[] = [];
    for (let start = 0; start < tasks.length; start += CHUNK) {
        if (options.signal?.aborted) {
            throw new TrainCancelledError(`the dev evaluation was cancelled after ${start} of ${tasks.length} items; run the same command again to continue`,
                {checkpoint: options.outDir, step: start, totalSteps: tasks.length});
        }
        const outcome = await runEvalItems({
            concurrency: options.engine.slots,
            tasks: tasks.slice(start, start + CHUNK),
            itemsFile,
            answer: (task) => options.engine.call({
                messages: task.item.messages, tools: task.item.tools, refine: "adaptive", max_rounds: options.maxRounds,
                ...(options.maxTokens === undefined ? {} : {max_tokens: options.maxTokens})
            }),
            score: (task, round) => scoreSample(task.scoring, round)
        });
        records.push(...outcome.records);
        if (outcome.evaluated > 0) options.log?.(`dev: ${records.length}/${tasks.length} items, ${records.filter((record) => record.correct).length} right after refinement`);
    }
    const categories = [...new Set(tasks.map((task) => task.category))];
    const report = buildEvalReport(records, {config, categories, limit: null});
    writeEvalReport(options.outDir, report);
    const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000);
    const byCategory: Record<string, {items: number, accuracyOff: number, accuracyAdaptive: number}> = {};
    for (const category of categories) {
        const inCategory = records.filter((record) => record.category === category);
        byCategory[category] = {
            items: inCategory.length,
            accuracyOff: ratio(inCategory.filter((record) => correctAfterRound(record, 0)).length, inCategory.length),
            accuracyAdaptive: ratio(inCategory.filter((record) => record.correct).length, inCategory.length)
        };
    }
    return {
        items: records.length,
        accuracyOff: ratio(records.filter((record) => correctAfterRound(record, 0)).length, records.length),
        accuracyAdaptive: ratio(records.filter((record) => record.correct).length, records.length),
        byRound: Array.from({length: report.rounds}, (_, round) => ratio(records.filter((record) => correctAfterRound(record, round)).length, records.length)),
        meanRounds: report.refinement.meanRounds,
        changed: report.refinement.changed,
        wrongToRight: report.refinement.wrongToRight,
        rightToWrong: report.refinement.rightToWrong,
        stops: report.refinement.stops,
        errors: report.errors.count,
        byCategory
    };
}
