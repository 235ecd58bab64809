import path from "node:path";
import type {CallResult} from "../engine/CallResult.js";
import type {ToolCallEngine} from "../engine/ToolCallEngine.js";
import {bfclAggregates} from "./bfclAggregates.js";
import {bfclChatMessages} from "./bfclChatMessages.js";
import {loadBfclCategory} from "./bfclData.js";
import type {BfclEntry} from "./BfclEntry.js";
import {bfclEngineTools} from "./bfclFcTools.js";
import {bfclOracleAnswer} from "./bfclOracleAnswer.js";
import {bfclPromptMessages} from "./bfclPromptMessages.js";
import {buildEvalReport} from "./buildEvalReport.js";
import {callSetKey} from "./callSetKey.js";
import {checkCalls} from "./checkCalls.js";
import {isRelevanceCategory} from "./isRelevanceCategory.js";
import {type BfclMode, decodeBfclRound} from "./decodeBfclRound.js";
import {type EvalModelOptions, type EvalSettings, evalRequestFields, evalSettings, withEvalEngine} from "./EvalModelOptions.js";
import {EvalProgress} from "./EvalProgress.js";
import type {EvalRequest} from "./EvalAnswerer.js";
import {type EvalRunConfig, grammarSetting, prepareEvalOutDir} from "./EvalRunConfig.js";
import {EvalRunError} from "./EvalRunError.js";
import type {EvalRunResult} from "./EvalRunResult.js";
import {runEvalItems, type EvalRoundScore} from "./runEvalItems.js";
import {EVAL_OUTPUT_FILES, writeEvalReport} from "./writeEvalReport.js";

export interface BfclEvalOptions extends EvalModelOptions {
    /** The BFCL data folder (question files and `possible_answer/`). */
    readonly dataDir: string;
    readonly categories: readonly string[];
    readonly outDir: string;
    /** `fc` (default): tools and tool calls; `prompt`: BFCL's system prompt and Python calls in text. */
    readonly mode?: BfclMode;
    /**
     * FC mode's tool_choice for entries whose answer is a call: `auto` (default, BFCL's protocol)
     * or `required` (not BFCL's: forces weak or random models to call). Relevance categories
     * always use `auto`.
     */
    readonly toolChoice?: "auto" | "required";
}

/**
 * Evaluates a model (or the oracle) on BFCL single-turn categories. Function-calling mode gives
 * the model BFCL's OpenAI tools (see bfclFcTools) and the question's messages with tool_choice
 * `auto` (or `required`, when asked, for entries that expect a call), and decodes each round's tool calls losslessly (names with `_` for `.`); prompt mode
 * gives BFCL's system prompt and no tools, and decodes the text as Python calls. Every round is
 * scored with {@link checkCalls}. Items go to `items.jsonl` one by one (a killed run resumes);
 * `report.json`, `report.md` and `chart.svg` are written at the end.
 *
 * Throws {@link EvalRunError} for Java/JavaScript categories (`eval_unsupported_category`) and
 * bad options, BfclDataError for missing or malformed data, before anything is evaluated.
 */
export async function runBfclEval(options: BfclEvalOptions): Promise<EvalRunResult> {
    const mode = options.mode ?? "fc";
    if (mode !== "fc" && mode !== "prompt") throw new EvalRunError("eval_bad_option", `mode must be fc or prompt, got ${String(mode)}`, {option: "mode"});
    const toolChoice = options.toolChoice ?? "auto";
    if (toolChoice !== "auto" && toolChoice !== "required") throw new EvalRunError("eval_bad_option", `tool choice must be auto or required, got ${String(toolChoice)}`, {option: "tool-choice"});
    if (toolChoice === "required" && mode === "prompt") throw new EvalRunError("eval_bad_option", "tool choice required needs fc mode (prompt mode has no tools)", {option: "tool-choice"});
    if (options.answerer !== undefined && mode !== "fc") throw new EvalRunError("eval_bad_option", "a peer answers in fc mode only", {option: "mode"});
    const settings = evalSettings(options);
    const categories = checkCategories(options.categories);
    const entries = categories.flatMap((category) => {
        const all = loadBfclCategory(options.dataDir, category);
        return settings.limit === null ? all : all.slice(0, settings.limit);
    });
    return withEvalEngine(options, async (engine) => {
        const config: EvalRunConfig = {
            benchmark: "bfcl",
            model: options.answerer?.name ?? engine?.modelPath ?? "oracle",
            mode,
            toolChoice,
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
            concurrency: options.answerer?.slots ?? engine?.slots ?? 1,
            tasks: entries,
            itemsFile: path.join(options.outDir, EVAL_OUTPUT_FILES.items),
            answer: (entry) => options.answerer !== undefined ? options.answerer.answer(fcRequest(entry, toolChoice, settings))
                : engine === undefined ? Promise.resolve(bfclOracleAnswer(entry, mode)) : answerWithEngine(engine, entry, mode, toolChoice, settings),
            score: (entry, round) => scoreRound(entry, mode, round),
            ...(progressStream === null ? {} : {progress: new EvalProgress(progressStream, {label: `bfcl ${mode}`})})
        });
        const report = buildEvalReport(records, {config, categories, limit: settings.limit, aggregates: bfclAggregates});
        writeEvalReport(options.outDir, report);
        return {report, evaluated, resumed: records.length - evaluated, outDir: options.outDir};
    });
}

/** Unique categories in the given order; Java and JavaScript are refused by name. */
function checkCategories(categories: readonly string[]): string[] {
    const unique = [...new Set(categories.map((category) => category.trim()).filter((category) => category !== ""))];
    if (unique.length === 0) throw new EvalRunError("eval_bad_option", "name at least one BFCL category", {option: "categories"});
    for (const category of unique) {
        if (category.includes("java")) {
            throw new EvalRunError("eval_unsupported_category",
                `category ${category} is not supported: BFCL checks Java and JavaScript answers with type conversions this scorer does not implement (use the Python categories)`,
                {category});
        }
    }
    return unique;
}

/** The function-calling request of an entry, as a peer receives it (tool_choice auto for relevance items). */
function fcRequest(entry: BfclEntry, toolChoice: "auto" | "required", settings: EvalSettings): EvalRequest {
    const tools = bfclEngineTools(entry.functions);
    const choice = isRelevanceCategory(entry.category) || tools.length === 0 ? "auto" : toolChoice;
    return {messages: bfclChatMessages(entry), tools, tool_choice: choice, ...(settings.maxTokens !== null ? {max_tokens: settings.maxTokens} : {})};
}

async function answerWithEngine(engine: ToolCallEngine, entry: BfclEntry, mode: BfclMode, toolChoice: "auto" | "required", settings: EvalSettings): Promise<CallResult> {
    const request = mode === "fc" ? fcRequest(entry, toolChoice, settings) : {messages: bfclPromptMessages(entry), tools: []};
    return engine.call({...request, ...evalRequestFields(settings)});
}

function scoreRound(entry: BfclEntry, mode: BfclMode, round: Parameters<typeof decodeBfclRound>[1]): EvalRoundScore {
    const decoded = decodeBfclRound(mode, round);
    const result = checkCalls({
        category: entry.category,
        functions: entry.functions,
        ...(entry.groundTruth === undefined ? {} : {groundTruth: entry.groundTruth}),
        calls: decoded.calls,
        underscoreToDot: mode === "fc"
    });
    const callSet = callSetKey(decoded.calls);
    if (result.valid) return {correct: true, callSet};
    return {correct: false, callSet, errorType: result.errorType ?? "invalid"};
}
