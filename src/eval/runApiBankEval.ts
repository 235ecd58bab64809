import path from "node:path";
import type {CallResult} from "../engine/CallResult.js";
import type {ToolCallEngine} from "../engine/ToolCallEngine.js";
import {loadApiBankLevel} from "./apiBankData.js";
import type {ApiBankItem} from "./ApiBankItem.js";
import {apiBankMessages} from "./apiBankMessages.js";
import {apiBankTools} from "./apiBankTools.js";
import {buildEvalReport} from "./buildEvalReport.js";
import {callSetKey} from "./callSetKey.js";
import {decodeBfclRound} from "./decodeBfclRound.js";
import {type EvalItemRecord, evalItemKey} from "./EvalItemRecord.js";
import {type EvalModelOptions, type EvalSettings, evalRequestFields, evalSettings, withEvalEngine} from "./EvalModelOptions.js";
import {EvalProgress} from "./EvalProgress.js";
import {type EvalRunConfig, grammarSetting, prepareEvalOutDir} from "./EvalRunConfig.js";
import {EvalRunError} from "./EvalRunError.js";
import type {EvalRunResult} from "./EvalRunResult.js";
import {oracleCallResult} from "./oracleCallResult.js";
import {pyJsonDumps} from "./pyJsonDumps.js";
import {runEvalItems} from "./runEvalItems.js";
import {scoreApiBankCall} from "./scoreApiBankCall.js";
import {EVAL_OUTPUT_FILES, writeEvalReport} from "./writeEvalReport.js";

export interface ApiBankEvalOptions extends EvalModelOptions {
    /** The API-Bank data folder (holding `test-data/`). */
    readonly dataDir: string;
    /** Levels to evaluate (default 1 and 2). */
    readonly levels?: readonly number[];
    readonly outDir: string;
}

/**
 * Evaluates a model (or the oracle) on API-Bank's level-1 and level-2 API calls: each item's
 * dialogue as chat messages (see apiBankMessages), its offered APIs as tools, tool_choice
 * `required` and one call per answer; every round's call is scored with {@link scoreApiBankCall}.
 * Items go to `items.jsonl` one by one (a killed run resumes); `report.json`, `report.md` and
 * `chart.svg` are written at the end, with notes on level-2 items whose expected API the data
 * never offers and on ToolSearcher versus other calls.
 */
export async function runApiBankEval(options: ApiBankEvalOptions): Promise<EvalRunResult> {
    const settings = evalSettings(options);
    const levels = checkLevels(options.levels ?? [1, 2]);
    const items = levels.flatMap((level) => {
        const all = loadApiBankLevel(options.dataDir, level);
        return settings.limit === null ? all : all.slice(0, settings.limit);
    });
    return withEvalEngine(options, async (engine) => {
        const config: EvalRunConfig = {
            benchmark: "api-bank",
            model: engine?.modelPath ?? "oracle",
            mode: "fc",
            toolChoice: "required",
            refine: settings.refine,
            maxRounds: settings.maxRounds,
            seed: settings.seed,
            temperature: settings.temperature,
            maxTokens: settings.maxTokens,
            oracle: settings.oracle,
            ...grammarSetting(engine)
        };
        prepareEvalOutDir(options.outDir, config);
        const progressStream = options.progress === undefined ? process.stderr : options.progress;
        const {records, evaluated} = await runEvalItems({
            concurrency: engine?.slots ?? 1,
            tasks: items,
            itemsFile: path.join(options.outDir, EVAL_OUTPUT_FILES.items),
            answer: (item) => engine === undefined ? Promise.resolve(oracleAnswer(item)) : answerWithEngine(engine, item, settings),
            score: (item, round) => {
                const decoded = decodeBfclRound("fc", round);
                const verdict = scoreApiBankCall(decoded.calls, item.expected);
                const callSet = callSetKey(decoded.calls);
                return verdict.correct ? {correct: true, callSet} : {correct: false, callSet, errorType: verdict.errorType ?? "wrong"};
            },
            ...(progressStream === null ? {} : {progress: new EvalProgress(progressStream, {label: "api-bank"})})
        });
        const report = buildEvalReport(records, {
            config,
            categories: levels.map((level) => `level-${level}`),
            limit: settings.limit,
            notes: apiBankNotes(items, records)
        });
        writeEvalReport(options.outDir, report);
        return {report, evaluated, resumed: records.length - evaluated, outDir: options.outDir};
    });
}

function checkLevels(levels: readonly number[]): (1 | 2)[] {
    const unique = [...new Set(levels)];
    if (unique.length === 0) throw new EvalRunError("eval_bad_option", "name at least one API-Bank level (1, 2)", {option: "levels"});
    for (const level of unique) {
        if (level !== 1 && level !== 2) {
            throw new EvalRunError("eval_unsupported_category", `API-Bank level ${level} is not supported: only levels 1 and 2 (level 3 plans multi-step calls)`, {category: `level-${level}`});
        }
    }
    return unique as (1 | 2)[];
}

async function answerWithEngine(engine: ToolCallEngine, item: ApiBankItem, settings: EvalSettings): Promise<CallResult> {
    return engine.call({
        messages: apiBankMessages(item),
        tools: apiBankTools(item.apis),
        tool_choice: "required",
        parallel_tool_calls: false,
        ...evalRequestFields(settings)
    });
}

/** The expected call as the one tool call of a reply (the oracle is not limited to the offered APIs). */
function oracleAnswer(item: ApiBankItem): CallResult {
    return oracleCallResult({calls: [{name: item.expected.name, arguments: pyJsonDumps(item.expected.args)}]});
}

function apiBankNotes(items: readonly ApiBankItem[], records: readonly EvalItemRecord[]): Record<string, unknown> {
    const byKey = new Map(records.map((record) => [evalItemKey(record), record]));
    const notOffered: Record<string, number> = {};
    const split: Record<string, {toolSearcher: {correct: number, total: number}, otherApis: {correct: number, total: number}}> = {};
    for (const item of items) {
        const record = byKey.get(evalItemKey(item));
        if (!item.expectedOffered) notOffered[item.category] = (notOffered[item.category] ?? 0) + 1;
        const group = split[item.category] ??= {toolSearcher: {correct: 0, total: 0}, otherApis: {correct: 0, total: 0}};
        const bucket = item.expected.name === "ToolSearcher" ? group.toolSearcher : group.otherApis;
        bucket.total++;
        if (record?.correct === true) bucket.correct++;
    }
    return {expectedApiNotOffered: notOffered, byExpectedApi: split};
}
