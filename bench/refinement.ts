/**
 * What a refinement round costs, with the KV cache reused and without, in one run:
 *   npm run bench -- refinement [--json] [--requests N (default 12)] [--rounds N] [--repeat N] [--model PATH] [--no-larger]
 *                               [--max-string-length N] [--max-tokens N]
 *
 * BFCL-sized requests (three travel tools, about 600 tokens of tool definitions; each request
 * with its own system message, so each starts from a cold cache) run round 0 plus `rounds` fixed
 * refinement rounds (tool_choice "required", one call per round: parallel_tool_calls false, so that
 * a real model that would go on with more calls ends its round the same way in every loop; greedy),
 * on the default model and on a larger
 * generated one (random weights), in four loops:
 *   (i)   reuse:    ToolCallEngine.call with default options: every round on the same context
 *                   sequence, drafts (the previous call) checked while checks decide rounds;
 *   (i')  reuse, no drafts: the same with `speculative: false` (plain greedy decoding);
 *   (ii)  stateless: each round re-sends the whole conversation to a cleared sequence;
 *   (iii) prompt cache: each round is a fresh request (the conversation re-rendered from messages:
 *         the previous calls as assistant tool_calls, the refinement instruction as a user turn),
 *         evaluating only the suffix that differs from the cached tokens (llama-server's cache_prompt).
 * Per round: input tokens evaluated and output positions (node-llama-cpp's token meter), and ms.
 *
 * Confirming rounds (a round whose output is exactly its draft): the default model rarely repeats
 * itself within a few rounds, so besides the rounds of loop (i) that reproduce the previous call
 * ("natural"), every refinement round is also replayed ("replayed"): on a sequence that holds the
 * same conversation, the round is generated plainly, the cache is cut back to where the round
 * began, and the round runs again with its own output as the draft, evaluating the same tokens as
 * the original round did. Its output must be the same tokens. The headline, confirmOverPlainRound,
 * divides a natural confirming round's ms by those of the same round decoded plainly (loop (i')),
 * over every natural confirming round of the run (naturalConfirmingRounds says how many; none means
 * the target is not met: raise --requests). Replays are exact drafts by construction: their ratios
 * are reported as replay* and never judged. Replays run on a
 * context of their own whose decision margins are measured by its first checks (DraftMargins):
 * those calibrating rounds evaluate their draft twice and are reported but left out of the ratios.
 * Every figure is measured in the run; JSON on the last line with --json.
 */
import os from "node:os";
import {getLlama, LlamaGrammar, LlamaLogLevel, type LlamaContextSequence, type Token} from "node-llama-cpp";
import {ToolCallEngine} from "../src/engine/ToolCallEngine.js";
import {ToolaceError} from "../src/errors/ToolaceError.js";
import {DraftMargins} from "../src/engine/DraftMargins.js";
import {generateTurn, type TurnResult} from "../src/engine/generateTurn.js";
import type {CallResult} from "../src/engine/CallResult.js";
import {parseAssistantOutput, type AssistantOutput} from "../src/protocol/AssistantOutput.js";
import type {ChatMessage} from "../src/protocol/ChatMessage.js";
import {REFINEMENT_INSTRUCTION, refinementTurn} from "../src/protocol/refinementProtocol.js";
import {renderPrompt} from "../src/protocol/renderPrompt.js";
import {buildCallGrammar} from "../src/protocol/buildCallGrammar.js";
import {output} from "../src/protocol/Segment.js";
import {normalizeTools} from "../src/tools/normalizeTools.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels, type BenchModel} from "./support/benchModels.js";
import {bfclSizedRequests, type BenchRequest} from "./support/bfclSizedRequests.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {roundTo} from "./support/roundTo.js";
import {peakRssBytes} from "./support/peakRssBytes.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {writeBenchChart} from "./support/writeBenchChart.js";

type Round = {inputTokens: number, outputTokens: number, ms: number, output: string};
type LoopName = "reuse" | "reusePlain" | "stateless" | "promptCache";
const LOOPS: LoopName[] = ["reuse", "reusePlain", "stateless", "promptCache"];
type Replay = {request: number, round: number, ms: number, plainMs: number, round0Ms: number, outputTokens: number, round0OutputTokens: number, same: boolean, accepted: boolean, acceptedTokens: number, calibrating: boolean,
    /** The round's input and its output evaluated as one batch with no output sampled: what any check of the same tokens costs at least. */
    floorMs: number};
const LOOP_LABELS: Record<LoopName, string> = {reuse: "(i) reuse", reusePlain: "(i') reuse, no drafts", stateless: "(ii) stateless", promptCache: "(iii) prompt cache"};

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const requestCount = args.number("requests", 12, 1);
const refineRounds = args.number("rounds", 3, 1);
const repeat = args.number("repeat", 1, 1);
const maxStringLength = args.number("max-string-length", 32, 1);
const maxTokens = args.number("max-tokens", 256, 8);
const log = (line: string): void => {
    process.stderr.write(`bench refinement: ${line}\n`);
};

const toolChoice = "required" as const;
/** Room for the prompt and every round of a real model's outputs (each round's output stays in the conversation). */
const CONTEXT_SIZE = 4096;
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const models = await benchModels({model: args.string("model"), larger: !args.flag("no-larger")});
const requests = bfclSizedRequests(requestCount, {distinctSystem: true});
const started = performance.now();

const describe = (result: AssistantOutput | {tool_calls: CallResult["tool_calls"], content: string | null}): string =>
    "kind" in result
        ? JSON.stringify(result.kind === "text" ? {text: result.text} : result.calls.map((call) => [call.name, call.argumentsText]))
        : JSON.stringify(result.tool_calls.length === 0 ? {text: result.content} : result.tool_calls.map((call) => [call.function.name, call.function.arguments]));

async function measureModel(model: BenchModel): Promise<Record<string, unknown>> {
    const options = {model: model.path, llama, threads: 1, contextSize: CONTEXT_SIZE, grammar: {maxStringLength, maxArrayItems: 4}};
    const engine = await ToolCallEngine.load(options);
    const plainEngine = await ToolCallEngine.load({...options, speculative: false});
    const context = await plainEngine.model.createContext({contextSize: CONTEXT_SIZE, sequences: 2, threads: 1});
    const statelessSequence = context.getSequence();
    const cacheSequence = context.getSequence();
    // Replays on a context of their own with one sequence, as an engine's: a cache shared with sequences that are
    // filled and erased in turn changes the order in which attention sums, and with it the logits (see DraftMargins).
    const replayContext = await plainEngine.model.createContext({contextSize: CONTEXT_SIZE, sequences: 1, threads: 1});
    const replaySequence = replayContext.getSequence();
    const replays: Replay[] = [];
    // The replay context's decision margins, measured by its first checks (as an engine measures its own).
    const replayMargins = new DraftMargins();
    let truncatedRequests = 0;
    const format = plainEngine.format;
    const turnTokens = plainEngine.tokenize(refinementTurn(format), false);
    const closeTokens = plainEngine.tokenize([output(format.assistantEnd, true)], false);
    const runs: Record<LoopName, Round[][]> = {reuse: [], reusePlain: [], stateless: [], promptCache: []};
    let promptTokens = 0;
    let toolTokens = 0;
    try {
        for (let pass = 0; pass < repeat; pass++) {
            for (const [index, request] of requests.entries()) {
                const normalized = normalizeTools(request.tools);
                const grammar = new LlamaGrammar(llama, {grammar: buildCallGrammar(format, normalized, toolChoice, {maxParallelCalls: 1, maxStringLength, maxArrayItems: 4})});
                const promptSegments = renderPrompt(format, request.messages as ChatMessage[], normalized);
                const prompt = plainEngine.tokenize(promptSegments, true);
                promptTokens = Math.max(promptTokens, prompt.length);
                toolTokens = Math.max(toolTokens, prompt.length - plainEngine.tokenize(renderPrompt(format, request.messages as ChatMessage[], []), true).length);
                const call = {...request, tool_choice: toolChoice, parallel_tool_calls: false, refine: refineRounds, max_tokens: maxTokens};
                // Alternate the order of the loops between requests, so that no loop always runs first.
                const order = index % 2 === 0 ? LOOPS : [...LOOPS].reverse();
                const measured: Partial<Record<LoopName, Round[]>> = {};
                const requestReplays: Replay[] = [];
                try {
                    for (const loop of order) {
                        if (loop === "reuse" || loop === "reusePlain") {
                            const result = await (loop === "reuse" ? engine : plainEngine).call(call);
                            measured[loop] = result.rounds.map((round) => ({inputTokens: round.inputTokens, outputTokens: round.outputTokens, ms: round.ms, output: describe(round)}));
                            if (loop === "reusePlain") requestReplays.push(...await replayLoop(replaySequence, replayMargins, grammar, prompt, turnTokens, closeTokens, pass * requests.length + index));
                        } else if (loop === "stateless") {
                            measured.stateless = await statelessLoop(statelessSequence, grammar, prompt, turnTokens, closeTokens, plainEngine);
                        } else {
                            measured.promptCache = await promptCacheLoop(cacheSequence, grammar, request, normalized, plainEngine);
                        }
                    }
                } catch (error) {
                    // A weak model can ramble until max_tokens inside a call; such a request has no
                    // complete rounds to compare, in any loop (greedy: all loops cut it at the same round).
                    if (!(error instanceof ToolaceError && error.code === "output_truncated")) throw error;
                    truncatedRequests++;
                    log(`${model.name}: request ${index + 1} skipped: ${error.message}`);
                    continue;
                }
                for (const loop of LOOPS) runs[loop].push(measured[loop]!);
                replays.push(...requestReplays);
                log(`${model.name}: request ${index + 1}/${requests.length}${repeat > 1 ? ` (pass ${pass + 1}/${repeat})` : ""} done, ${((performance.now() - started) / 1000).toFixed(0)} s`);
            }
        }
    } finally {
        await context.dispose();
        await replayContext.dispose();
        await engine.dispose();
        await plainEngine.dispose();
    }

    const roundCount = refineRounds + 1;
    const perRound = Object.fromEntries(LOOPS.map((loop) => [loop, Array.from({length: roundCount}, (_, round) => {
        const rounds = runs[loop].map((request) => request[round]).filter((r): r is Round => r !== undefined);
        return {round, inputTokens: median(rounds.map((r) => r.inputTokens)), outputTokens: median(rounds.map((r) => r.outputTokens)), ms: roundTo(median(rounds.map((r) => r.ms)), 1)};
    })]));
    const laterInput = (loop: LoopName): number => runs[loop].reduce((sum, request) => sum + request.slice(1).reduce((s, r) => s + r.inputTokens, 0), 0);
    // Confirming rounds of loop (i): the round reproduces the previous round's call.
    const confirms: {request: number, round: number, ms: number, round0Ms: number, plainMs: number, sameLength: boolean}[] = [];
    runs.reuse.forEach((request, r) => request.forEach((round, k) => {
        if (k === 0 || round.output !== request[k - 1]!.output) return;
        const plain = runs.reusePlain[r]?.[k];
        confirms.push({request: r, round: k, ms: round.ms, round0Ms: request[0]!.ms, plainMs: plain?.ms ?? Number.NaN, sameLength: round.outputTokens === request[0]!.outputTokens});
    }));
    // Rounds that calibrated the margins also evaluated their draft one token at a time: not counted in the ratios.
    const replayed = replays.filter((r) => r.same && !r.calibrating);
    const identical = runs.reuse.every((request, r) => request.length === runs.reusePlain[r]?.length && request.every((round, k) => round.output === runs.reusePlain[r]![k]!.output));
    const loopsAgree = (loop: LoopName): number => runs[loop].filter((request, r) => request.every((round, k) => round.output === runs.reusePlain[r]?.[k]?.output)).length;
    return {
        model: model.name, modelNote: model.note, promptTokens, toolTokens, requests: runs.reuse.length, truncatedRequests, rounds: roundCount,
        perRound,
        statelessOverReuse: roundTo(laterInput("stateless") / laterInput("reuse"), 2),
        promptCacheOverReuse: roundTo(laterInput("promptCache") / laterInput("reuse"), 2),
        confirmingRounds: confirms.length,
        confirmOverRound0: roundTo(median(confirms.map((c) => c.ms / c.round0Ms)), 3),
        confirmOverRound0SameLength: roundTo(median(confirms.filter((c) => c.sameLength).map((c) => c.ms / c.round0Ms)), 3),
        confirmOverPlainRound: roundTo(median(confirms.map((c) => c.ms / c.plainMs)), 3),
        confirms: confirms.map((c) => ({...c, ms: roundTo(c.ms, 1), round0Ms: roundTo(c.round0Ms, 1), plainMs: roundTo(c.plainMs, 1)})),
        replayedRounds: replays.length,
        replayedOutputsIdentical: replays.every((r) => r.same),
        replayedDecidedInBatches: replays.filter((r) => r.accepted).length,
        replayedCalibrating: replays.filter((r) => r.calibrating).length,
        decisionMargins: {...replayMargins.current(), comparedPositions: replayMargins.comparedPositions, largestDifference: replayMargins.largestDifference},
        replayConfirmOverRound0: roundTo(median(replayed.map((r) => r.ms / r.round0Ms)), 3),
        replayConfirmOverPlainRound: roundTo(median(replayed.map((r) => r.ms / r.plainMs)), 3),
        // Replayed rounds the check decided wholly in batches: what a confirming round costs when the check works.
        decidedConfirmOverRound0: roundTo(median(replayed.filter((r) => r.accepted).map((r) => r.ms / r.round0Ms)), 3),
        decidedConfirmOverPlainRound: roundTo(median(replayed.filter((r) => r.accepted).map((r) => r.ms / r.plainMs)), 3),
        floorOverPlainRound: roundTo(median(replayed.map((r) => r.floorMs / r.plainMs)), 3),
        replayOutputTokens: median(replayed.map((r) => r.outputTokens)),
        replayRound0OutputTokens: median(replayed.map((r) => r.round0OutputTokens)),
        replays: replays.map((r) => ({...r, ms: roundTo(r.ms, 1), plainMs: roundTo(r.plainMs, 1), round0Ms: roundTo(r.round0Ms, 1), floorMs: roundTo(r.floorMs, 1)})),
        outputsIdenticalToPlain: identical,
        requestsMatchingPlain: Object.fromEntries(LOOPS.map((loop) => [loop, loopsAgree(loop)]))
    };
}

/** A turn cut by max_tokens, as the engine reports it (ToolaceError output_truncated). */
function rejectTruncated(turn: TurnResult, round: number): void {
    if (turn.ended === "length") {
        throw new ToolaceError("output_truncated", `round ${round} reached max_tokens (${maxTokens}) in the middle of a tool call`, {round, maxTokens});
    }
}

/** (ii): every round re-sends the whole conversation (the same tokens the engine's sequence holds) to a cleared sequence. */
async function statelessLoop(sequence: LlamaContextSequence, grammar: LlamaGrammar, prompt: Token[], turnTokens: Token[], closeTokens: Token[],
    engine: ToolCallEngine): Promise<Round[]> {
    const rounds: Round[] = [];
    let history = prompt;
    let previous: TurnResult | undefined;
    for (let round = 0; round <= refineRounds; round++) {
        if (previous !== undefined) history = [...history, ...previous.generated, ...(previous.ended === "eog" ? [] : closeTokens), ...turnTokens];
        await sequence.eraseContextTokenRanges([{start: 0, end: sequence.nextTokenIndex}]);
        previous = await generateTurn(sequence, history, {grammar, maxTokens});
        rejectTruncated(previous, round);
        rounds.push({inputTokens: previous.inputTokens, outputTokens: previous.outputTokens, ms: previous.ms, output: describe(parseAssistantOutput(engine.format, previous.text))});
    }
    return rounds;
}

/** (iii): every round is a fresh request of messages, rendered and tokenized again; only the suffix that differs from the cache is evaluated. */
async function promptCacheLoop(sequence: LlamaContextSequence, grammar: LlamaGrammar, request: BenchRequest, tools: ReturnType<typeof normalizeTools>,
    engine: ToolCallEngine): Promise<Round[]> {
    const rounds: Round[] = [];
    const messages: ChatMessage[] = [...request.messages as ChatMessage[]];
    // A new request starts from a cold cache, as in the other loops (its system message is its own anyway).
    await sequence.eraseContextTokenRanges([{start: 0, end: sequence.nextTokenIndex}]);
    for (let round = 0; round <= refineRounds; round++) {
        const tokens = engine.tokenize(renderPrompt(engine.format, messages, tools), true);
        const turn = await generateTurn(sequence, tokens, {grammar, maxTokens});
        rejectTruncated(turn, round);
        const parsed = parseAssistantOutput(engine.format, turn.text);
        rounds.push({inputTokens: turn.inputTokens, outputTokens: turn.outputTokens, ms: turn.ms, output: describe(parsed)});
        messages.push(parsed.kind === "text"
            ? {role: "assistant", content: parsed.text}
            : {role: "assistant", content: null, tool_calls: parsed.calls.map((c, i) => ({id: `call_${round}_${i}`, type: "function" as const, function: {name: c.name, arguments: c.argumentsText}}))});
        messages.push({role: "user", content: REFINEMENT_INSTRUCTION});
    }
    return rounds;
}

/**
 * Replayed confirming rounds: the refinement loop on its own sequence; each refinement round is
 * generated plainly, then the cache is cut back to where the round began and the round runs again
 * with its own output as the draft (a round that confirms its draft, by construction).
 */
async function replayLoop(sequence: LlamaContextSequence, margins: DraftMargins, grammar: LlamaGrammar, prompt: Token[], turnTokens: Token[], closeTokens: Token[],
    request: number): Promise<Replay[]> {
    const replays: Replay[] = [];
    await sequence.eraseContextTokenRanges([{start: 0, end: sequence.nextTokenIndex}]);
    let history = prompt;
    let previous = await generateTurn(sequence, history, {grammar, maxTokens});
    const round0 = previous;
    for (let round = 1; round <= refineRounds; round++) {
        const before = history.length + previous.generated.length - 1;
        history = [...history, ...previous.generated, ...(previous.ended === "eog" ? [] : closeTokens), ...turnTokens];
        const plain = await generateTurn(sequence, history, {grammar, maxTokens});
        await sequence.eraseContextTokenRanges([{start: before, end: sequence.nextTokenIndex}]);
        const calibrating = !margins.calibrated;
        const confirm = await generateTurn(sequence, history, {grammar, maxTokens, draft: plain.generated, draftMargins: margins});
        // The floor: the same input and output tokens as plain batches, nothing sampled (a check can cost no less).
        await sequence.eraseContextTokenRanges([{start: before, end: sequence.nextTokenIndex}]);
        const floorStarted = performance.now();
        await sequence.evaluateWithoutGeneratingNewTokens([...history.slice(before), ...plain.generated.slice(0, -1)]);
        const floorMs = performance.now() - floorStarted;
        replays.push({request, round, ms: confirm.ms, plainMs: plain.ms, round0Ms: round0.ms, outputTokens: plain.generated.length,
            round0OutputTokens: round0.generated.length, same: confirm.generated.join() === plain.generated.join(), accepted: confirm.draftAccepted === plain.generated.length, acceptedTokens: confirm.draftAccepted, calibrating, floorMs});
        previous = plain;
    }
    return replays;
}

const byModel: Record<string, unknown>[] = [];
for (const model of models) {
    log(`model ${model.name}: ${model.path}`);
    byModel.push(await measureModel(model));
}
type ModelResult = {model: string, perRound: Record<LoopName, {round: number, inputTokens: number, outputTokens: number, ms: number}[]>,
    statelessOverReuse: number, promptCacheOverReuse: number, confirmingRounds: number, confirmOverRound0: number, confirmOverPlainRound: number,
    confirmOverRound0SameLength: number, outputsIdenticalToPlain: boolean, replays: Replay[], replayedOutputsIdentical: boolean, replayedDecidedInBatches: number, replayedCalibrating: number,
    replayConfirmOverRound0: number, replayConfirmOverPlainRound: number, decidedConfirmOverRound0: number, decidedConfirmOverPlainRound: number, replayOutputTokens: number, replayRound0OutputTokens: number, floorOverPlainRound: number, confirms: {ms: number, round0Ms: number, plainMs: number}[], promptTokens: number, toolTokens: number};
const results = byModel as ModelResult[];
const allConfirms = results.flatMap((result) => result.confirms);
const allReplays = results.flatMap((result) => result.replays.filter((r) => r.same && !r.calibrating));
// The headline: natural confirming rounds only (a round of loop (i) that reproduced the previous call), against the same
// round decoded plainly (loop (i')). Replays are reported under their own names and never judged.
const naturalPlainRatios = allConfirms.map((c) => c.ms / c.plainMs).filter((ratio) => Number.isFinite(ratio));

const chart = await writeBenchChart("refinement", {
    title: `Refinement rounds, ${requests.length} BFCL-sized requests (median per round)`,
    columns: 2,
    panels: results.flatMap((result) => (["inputTokens", "ms"] as const).map((metric) => ({
        title: `${result.model}: ${metric === "inputTokens" ? "input tokens evaluated" : "wall ms"} per round`,
        unit: metric === "inputTokens" ? "tokens" : "ms",
        categories: result.perRound.reuse.map((r) => `round ${r.round}`),
        series: (["reuse", "stateless", "promptCache"] as const).map((loop) => ({name: LOOP_LABELS[loop], values: result.perRound[loop].map((r) => r[metric])}))
    })))
});

const statelessOverReuse = Math.min(...results.map((r) => r.statelessOverReuse));
const confirmOverPlainRound = naturalPlainRatios.length > 0 ? roundTo(median(naturalPlainRatios), 3) : null;
const result = {
    benchmark: "refinement",
    statelessOverReuse,
    promptCacheOverReuse: Math.min(...results.map((r) => r.promptCacheOverReuse)),
    confirmOverPlainRound,
    naturalConfirmingRounds: naturalPlainRatios.length,
    naturalConfirmOverRound0: allConfirms.length > 0 ? roundTo(median(allConfirms.map((c) => c.ms / c.round0Ms)), 3) : null,
    replayedConfirmingRounds: allReplays.length,
    replayConfirmOverPlainRound: roundTo(median(allReplays.map((r) => r.ms / r.plainMs)), 3),
    replayConfirmOverRound0: roundTo(median(allReplays.map((r) => r.ms / r.round0Ms)), 3),
    // The least any exact confirmation can cost on this machine: the round's tokens as batches, nothing sampled or checked.
    floorOverPlainRound: roundTo(median(allReplays.map((r) => r.floorMs / r.plainMs)), 3),
    outputsIdenticalToPlain: results.every((r) => r.outputsIdenticalToPlain && r.replayedOutputsIdentical),
    peakRssBytes: peakRssBytes(),
    targets: {statelessOverReuse: ">= 10", confirmOverPlainRound: "<= 0.40 (natural confirming rounds only)"},
    met: {statelessOverReuse: statelessOverReuse >= 10, confirmOverPlainRound: confirmOverPlainRound != null && confirmOverPlainRound <= 0.40},
    byModel,
    chart,
    setup: {requests: requests.length, refinementRounds: refineRounds, repeat, toolChoice, maxStringLength, maxTokens, threads: 1, contextSize: CONTEXT_SIZE, parallelToolCalls: false,
        seconds: roundTo((performance.now() - started) / 1000, 1), node: process.version, cores: os.availableParallelism(), loadAverage: os.loadavg().map((load) => roundTo(load, 2))}
};

const lines: string[] = [];
for (const r of results) {
    lines.push(`${r.model}: prompt ${r.promptTokens} tokens (tools ${r.toolTokens}), medians over ${requests.length * repeat} requests`);
    lines.push(formatTable(["round", ...LOOPS.flatMap((loop) => [`${LOOP_LABELS[loop]} in`, "out", "ms"])],
        r.perRound.reuse.map((_, k) => [k, ...LOOPS.flatMap((loop) => [r.perRound[loop][k]!.inputTokens, r.perRound[loop][k]!.outputTokens, r.perRound[loop][k]!.ms])])));
    lines.push(`  input tokens of rounds >= 1: stateless/reuse ${r.statelessOverReuse}, prompt cache/reuse ${r.promptCacheOverReuse}; ` +
        `confirming rounds ${r.confirmingRounds}: ms / round 0 ${r.confirmOverRound0} (same length ${r.confirmOverRound0SameLength}), ms / same round without drafts ${r.confirmOverPlainRound}; ` +
        `outputs identical to plain decoding: ${r.outputsIdenticalToPlain}`);
    lines.push(`  replayed confirming rounds ${r.replays.length} (same output: ${r.replayedOutputsIdentical}, decided wholly in batches: ${r.replayedDecidedInBatches}, calibrating margins: ${r.replayedCalibrating}): ` +
        `ms / round 0 ${r.replayConfirmOverRound0}, ms / same round plain ${r.replayConfirmOverPlainRound} (median output ${r.replayOutputTokens} tokens, round 0 ${r.replayRound0OutputTokens}); ` +
        `decided wholly in batches: ms / round 0 ${r.decidedConfirmOverRound0}, ms / same round plain ${r.decidedConfirmOverPlainRound}; ` +
        `floor (the round's tokens as plain batches, nothing checked) / same round plain ${r.floorOverPlainRound}`, "");
}
lines.push(`statelessOverReuse ${result.statelessOverReuse} (target >= 10); confirmOverPlainRound ${confirmOverPlainRound ?? "n/a"} over ${naturalPlainRatios.length} natural confirming rounds ` +
    `(target <= 0.40${naturalPlainRatios.length === 0 ? ": no natural confirming round, not met; raise --requests" : ""}); ` +
    `replays (not judged): ${allReplays.length} rounds, ms / same round plain ${result.replayConfirmOverPlainRound}; floor ${result.floorOverPlainRound}; peak RSS ${(result.peakRssBytes! / 2 ** 20).toFixed(0)} MiB, chart ${chart}`);
printBenchResult(lines.join("\n"), result, json);
