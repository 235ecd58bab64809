import {suite} from "uvu";
import * as assert from "uvu/assert";
import {getLlama, LlamaGrammar, type LlamaContextSequence, type Token} from "node-llama-cpp";
import {ToolCallEngine, type TurnObservation} from "../../src/engine/ToolCallEngine.js";
import {DraftMargins} from "../../src/engine/DraftMargins.js";
import {generateTurn, type TurnResult} from "../../src/engine/generateTurn.js";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {buildCallGrammar} from "../../src/protocol/buildCallGrammar.js";
import {refinementTurn} from "../../src/protocol/refinementProtocol.js";
import {renderPrompt} from "../../src/protocol/renderPrompt.js";
import {output} from "../../src/protocol/Segment.js";
import type {ToolChoice} from "../../src/protocol/ToolChoice.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("speculative decoding");
const llama = await getLlama({gpu: false, build: "never"});

const queries = ["weather in Paris", "time in Tokyo", "rain tomorrow in Oslo?", "is it hot in Cairo", "forecast for Lima, 3 days",
    "what time is it in UTC", "temperature in Reykjavik in fahrenheit", "Berlin weather, detailed", "clock in Sydney", "weather at 45.5,-73.6"];
const tools = [
    {type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {type: "object", properties: {
        city: {type: "string"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}, days: {type: "integer"}}, required: ["city"]}}},
    {type: "function", function: {name: "get_time", description: "Local time", parameters: {type: "object", properties: {timezone: {type: "string"}}, required: ["timezone"]}}}
];
const toolChoices: ToolChoice[] = ["auto", "required", {type: "function", function: {name: "get_weather"}}];
const checked = {"spm-tiny": 0, default: 0};
const accepted = {"spm-tiny": 0, default: 0};

t("greedy output is token-identical with and without draft checks, on every round of many requests, and drafts are accepted", async () => {
    for (const kind of ["spm-tiny", "default"] as const) {
        const model = kind === "default" ? DEFAULT_MODEL_PATH : await createTestModel(kind);
        const options = {model, llama, contextSize: 2048, threads: 1, grammar: {maxStringLength: 24, maxArrayItems: 3}};
        const plainTurns: TurnObservation[] = [];
        const fastTurns: TurnObservation[] = [];
        const plain = await ToolCallEngine.load({...options, speculative: false, onTurn: (turn) => plainTurns.push(turn)});
        const fast = await ToolCallEngine.load({...options, speculative: true, onTurn: (turn) => fastTurns.push(turn)});
        let rounds = 0;
        try {
            for (const query of queries) {
                for (const toolChoice of ["required", "auto"] as const) {
                    const request = {messages: [{role: "user", content: query}], tools, tool_choice: toolChoice, refine: 2, max_tokens: 200};
                    plainTurns.length = 0;
                    fastTurns.length = 0;
                    const a = await plain.call(request);
                    const b = await fast.call(request);
                    assert.is(fastTurns.length, plainTurns.length, `${kind}: ${query} (${toolChoice}): rounds`);
                    for (const [index, turn] of fastTurns.entries()) {
                        assert.equal([...turn.generated], [...plainTurns[index]!.generated], `${kind}: ${query} (${toolChoice}), round ${index}: token ids`);
                        assert.is(turn.inputTokens, plainTurns[index]!.inputTokens, "the same prompt tokens are evaluated");
                        assert.is(plainTurns[index]!.draftTokens, 0, "the plain engine checks no draft");
                    }
                    assert.equal(b.rounds.map((r) => [r.tool_calls, r.content]), a.rounds.map((r) => [r.tool_calls, r.content]));
                    rounds += fastTurns.length;
                    checked[kind] += fastTurns.filter((turn) => turn.draftTokens > 0).length;
                    accepted[kind] += fastTurns.reduce((sum, turn) => sum + turn.draftAccepted, 0);
                }
            }
        } finally {
            await plain.dispose();
            await fast.dispose();
        }
        assert.ok(rounds > queries.length * 2, `${kind}: ${rounds} rounds compared`);
        assert.ok(checked[kind] > 0, `${kind}: drafts were checked (${checked[kind]} rounds)`);
        assert.ok(accepted[kind] > 0, `${kind}: draft tokens were accepted (${accepted[kind]})`);
        console.log(`  ${kind}: ${rounds} rounds token-identical; ${checked[kind]} drafts checked, ${accepted[kind]} draft tokens accepted`);
    }
});

/**
 * The refinement loop of ToolCallEngine on two sequences of one context: `plain` samples every
 * token, `drafted` checks a draft first. Every round must give the same tokens.
 */
async function refinementPairs(grammar: LlamaGrammar | undefined, prompt: Token[], rounds: number, turnTokens: Token[], closeTokens: Token[],
    plainSequence: LlamaContextSequence, draftedSequence: LlamaContextSequence, draftMargins: DraftMargins, draftFor: (round: number, previous: TurnResult | undefined, plainTurn: TurnResult) => Token[] | undefined):
    Promise<{plain: TurnResult, drafted: TurnResult}[]> {
    const pairs: {plain: TurnResult, drafted: TurnResult}[] = [];
    let history = prompt;
    for (let round = 0; round < rounds; round++) {
        if (round > 0) {
            const previous = pairs[round - 1]!.plain;
            history = [...history, ...previous.generated, ...(previous.ended === "eog" ? [] : closeTokens), ...turnTokens];
        }
        const plain = await generateTurn(plainSequence, history, {grammar, maxTokens: 120});
        const drafted = await generateTurn(draftedSequence, history, {grammar, maxTokens: 120, draft: draftFor(round, pairs[round - 1]?.drafted, plain), draftMargins});
        pairs.push({plain, drafted});
    }
    return pairs;
}

t("draft checks on the default model: confirming rounds, exact drafts, wrong drafts and no grammar give the plain tokens", async () => {
    const engine = await ToolCallEngine.load({model: DEFAULT_MODEL_PATH, llama, contextSize: 2048, threads: 1, speculative: false});
    const context = await engine.model.createContext({contextSize: 2048, sequences: 2, threads: 1});
    const [plainSequence, draftedSequence] = [context.getSequence(), context.getSequence()];
    // Measured on the drafted sequence's context by the first checks, then every REMEASURE_EVERY-th (remeasured here every 4th).
    const draftMargins = new DraftMargins({remeasureEvery: 4});
    const normalized = normalizeTools(tools);
    const turnTokens = engine.tokenize(refinementTurn(engine.format), false);
    const closeTokens = engine.tokenize([output(engine.format.assistantEnd, true)], false);
    const tally = {rounds: 0, confirming: 0, confirmedInBatches: 0, exactDrafts: 0, exactInBatches: 0, wrongDrafts: 0, acceptedTokens: 0, partlyAccepted: 0};
    try {
        const outputsByChoice = new Map<string, Token[]>();
        for (const toolChoice of [...toolChoices, "none" as const]) {
            const grammar = toolChoice === "none" ? undefined
                : new LlamaGrammar(llama, {grammar: buildCallGrammar(engine.format, normalized, toolChoice, {maxParallelCalls: 3, maxStringLength: 16, maxArrayItems: 3})});
            const label = typeof toolChoice === "string" ? toolChoice : toolChoice.function.name;
            for (const [index, query] of queries.entries()) {
                const prompt = engine.tokenize(renderPrompt(engine.format, [{role: "user", content: query}], normalized), true);
                // Rounds 1-3 take the previous round as their draft, as the engine does.
                const natural = await refinementPairs(grammar, prompt, 4, turnTokens, closeTokens, plainSequence, draftedSequence, draftMargins,
                    (round, previous) => round > 0 ? previous!.generated : undefined);
                // Every round gets the plain output of that very round (an exact draft), or another request's output (a wrong one).
                const wrong = outputsByChoice.get(label);
                const oracle = await refinementPairs(grammar, prompt, 2, turnTokens, closeTokens, plainSequence, draftedSequence, draftMargins,
                    (round, _previous, plainTurn) => round === 0 && wrong != null && index % 2 === 0 ? wrong : plainTurn.generated);
                outputsByChoice.set(label, natural[0]!.plain.generated);
                for (const [round, {plain, drafted}] of [...natural.entries(), ...oracle.entries()]) {
                    assert.equal(drafted.generated, plain.generated, `${label}: ${query}, round ${round}`);
                    assert.is(drafted.ended, plain.ended);
                    assert.is(drafted.inputTokens, plain.inputTokens, "the same prompt tokens are evaluated");
                    tally.acceptedTokens += drafted.draftAccepted;
                    // A draft accepted in part: decoding went on after its accepted tokens (exact batches), with the same output.
                    if (drafted.draftAccepted > 1 && drafted.draftAccepted < drafted.generated.length) tally.partlyAccepted++;
                }
                for (const [round, {plain, drafted}] of natural.entries()) {
                    if (round === 0) continue;
                    tally.rounds++;
                    if (plain.generated.join() !== natural[round - 1]!.plain.generated.join()) continue;
                    tally.confirming++;
                    if (drafted.draftAccepted === drafted.generated.length) tally.confirmedInBatches++;
                }
                for (const [round, {plain, drafted}] of oracle.entries()) {
                    if (round === 0 && wrong != null && index % 2 === 0) {
                        if (wrong.join() !== plain.generated.join()) tally.wrongDrafts++;
                        continue;
                    }
                    tally.exactDrafts++;
                    if (drafted.draftAccepted === plain.generated.length) tally.exactInBatches++;
                }
            }
        }
    } finally {
        await context.dispose();
        await engine.dispose();
    }
    assert.ok(draftMargins.calibrated, `margins measured: ${draftMargins.comparedPositions} positions`);
    assert.ok(tally.confirming >= 5, `refinement rounds that confirm the previous round: ${JSON.stringify(tally)}`);
    assert.ok(draftMargins.exact, "one thread on the CPU: batches of up to 32 tokens reproduce one-token logits bit for bit");
    // With zero margins a check decides every position whose greedy token the grammar allows, and those where the grammar
    // leaves a few tokens; most confirming rounds (62 of 66 when written) are decided wholly in batches.
    assert.ok(tally.confirmedInBatches * 2 >= tally.confirming, `confirming rounds decided wholly in batches: ${JSON.stringify(tally)}`);
    assert.ok(tally.exactInBatches * 2 >= tally.exactDrafts, `exact drafts decided wholly in batches: ${JSON.stringify(tally)}`);
    assert.ok(tally.acceptedTokens >= 100, `draft tokens accepted in batches: ${JSON.stringify(tally)}`);
    // Drafts accepted in part go on after their accepted tokens, still token-identical (asserted above): 72 rounds with the
    // first default model, 19 with the refinement-trained one (it confirms its previous call in 112 of 120 rounds).
    assert.ok(tally.partlyAccepted >= 10, `drafts accepted in part: ${JSON.stringify(tally)}`);
    assert.ok(tally.rounds - tally.confirming >= 5, `refinement rounds that depart from the previous round: ${JSON.stringify(tally)}`);
    assert.ok(tally.wrongDrafts >= 2, `other requests' outputs as drafts: ${JSON.stringify(tally)}`);
});

t("exact checks on a weak model: positions whose greedy token the grammar refuses are ranked again, and drafts are still decided in batches", async () => {
    // Random weights: the model's greedy token is often one the call grammar refuses, among many allowed ones (inside a string).
    const engine = await ToolCallEngine.load({model: await createTestModel("default-vocab-tiny"), llama, contextSize: 2048, threads: 1, speculative: false});
    const context = await engine.model.createContext({contextSize: 2048, sequences: 2, threads: 1});
    const [plainSequence, draftedSequence] = [context.getSequence(), context.getSequence()];
    const draftMargins = new DraftMargins();
    const normalized = normalizeTools(tools);
    const turnTokens = engine.tokenize(refinementTurn(engine.format), false);
    const closeTokens = engine.tokenize([output(engine.format.assistantEnd, true)], false);
    const tally = {exactDrafts: 0, exactInBatches: 0, tokens: 0};
    try {
        const grammar = new LlamaGrammar(llama, {grammar: buildCallGrammar(engine.format, normalized, "required", {maxParallelCalls: 2, maxStringLength: 24, maxArrayItems: 3})});
        for (const query of queries) {
            const prompt = engine.tokenize(renderPrompt(engine.format, [{role: "user", content: query}], normalized), true);
            const pairs = await refinementPairs(grammar, prompt, 3, turnTokens, closeTokens, plainSequence, draftedSequence, draftMargins,
                (_round, _previous, plainTurn) => plainTurn.generated);
            for (const [round, {plain, drafted}] of pairs.entries()) {
                assert.equal(drafted.generated, plain.generated, `${query}, round ${round}`);
                assert.is(drafted.ended, plain.ended);
                if (!draftMargins.exact) continue;
                tally.exactDrafts++;
                tally.tokens += plain.generated.length;
                if (drafted.draftAccepted === plain.generated.length) tally.exactInBatches++;
            }
        }
    } finally {
        await context.dispose();
        await engine.dispose();
    }
    assert.ok(draftMargins.exact, `bit-identical batches: ${JSON.stringify(draftMargins.largestDifference)}`);
    // Without ranking such positions again, a check stopped at the first of them (4 of 21 exact drafts of a random 24.6M model
    // were decided wholly in the refinement bench); with it, 25 of 27 here when written (the first checks measure the margins).
    assert.ok(tally.exactDrafts >= 10 && tally.exactInBatches * 5 >= tally.exactDrafts * 4, `exact drafts decided wholly in batches: ${JSON.stringify(tally)}`);
});

t.run();
