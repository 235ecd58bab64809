import {suite} from "uvu";
import * as assert from "uvu/assert";
import {runRefinement, type RoundOutcome} from "../../src/refine/runRefinement.js";
import {parseRefineMode} from "../../src/refine/RefineMode.js";
import type {AssistantOutput} from "../../src/protocol/AssistantOutput.js";

const t = suite("runRefinement");
const call = (a: number): AssistantOutput => ({kind: "calls", calls: [{name: "f", argumentsText: `{"a":${a}}`}]});

function script(outputs: AssistantOutput[]) {
    const asked: number[] = [];
    const runRound = async (round: number): Promise<RoundOutcome> => {
        asked.push(round);
        const output = outputs[round];
        if (output == null) throw new Error(`round ${round} was not expected`);
        return {output, inputTokens: 10, outputTokens: 5, ms: 1};
    };
    return {asked, runRound};
}

t("adaptive stops when a round repeats the previous call set", async () => {
    const s = script([call(1), call(2), call(2), call(3)]);
    const {rounds, stop} = await runRefinement(parseRefineMode("adaptive"), s.runRound);
    assert.is(stop, "converged");
    assert.equal(s.asked, [0, 1, 2]);
    assert.equal(rounds.map((r) => r.output), [call(1), call(2), call(2)]);
});

t("adaptive stops at max_rounds when it never converges", async () => {
    const s = script([call(1), call(2), call(3), call(4)]);
    const {stop, rounds} = await runRefinement(parseRefineMode("adaptive", 2), s.runRound);
    assert.is(stop, "max_rounds");
    assert.is(rounds.length, 3);
});

t("fixed N runs exactly N refinement rounds, off runs one, text at round 0 stops", async () => {
    const fixed = script([call(1), call(1), call(1), call(1)]);
    assert.is((await runRefinement(parseRefineMode("3"), fixed.runRound)).stop, "max_rounds");
    assert.equal(fixed.asked, [0, 1, 2, 3]);
    const off = script([call(1)]);
    assert.is((await runRefinement(parseRefineMode("off"), off.runRound)).stop, "off");
    const text = script([{kind: "text", text: "no tool fits"}]);
    assert.is((await runRefinement(parseRefineMode("adaptive"), text.runRound)).stop, "text");
});

t("refine mode parsing rejects bad values with the field named", () => {
    for (const [refine, max] of [["sometimes", undefined], [-1, undefined], ["adaptive", 0], ["adaptive", 1.5], [99, undefined]] as const) {
        try {
            parseRefineMode(refine, max);
            assert.unreachable(`${refine}/${max}`);
        } catch (err) {
            assert.match((err as Error).message, /refine|max_rounds/);
        }
    }
    assert.equal(parseRefineMode(undefined), {kind: "adaptive", maxRounds: 3});
    assert.equal(parseRefineMode(2), {kind: "fixed", rounds: 2});
});

t.run();
