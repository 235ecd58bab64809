import type {AssistantOutput} from "../protocol/AssistantOutput.js";
import type {RefineMode} from "./RefineMode.js";
import {canonicalCallSet} from "./canonicalCallSet.js";

export type RoundOutcome = {output: AssistantOutput, inputTokens: number, outputTokens: number, ms: number};
export type RefinementStop = "converged" | "max_rounds" | "off" | "text";

/**
 * The adaptive self-refinement loop, independent of any model: `runRound(k)` produces round k
 * (round 0 answers the request; round k ≥ 1 answers the refinement turn that follows round k-1 in
 * the same sequence). A text answer at round 0 ends the loop (`text`); in adaptive mode a round
 * whose call set equals the previous round's ends it (`converged`); otherwise it runs to the limit.
 */
export async function runRefinement(mode: RefineMode, runRound: (round: number) => Promise<RoundOutcome>): Promise<{rounds: RoundOutcome[], stop: RefinementStop}> {
    const first = await runRound(0);
    const rounds = [first];
    if (mode.kind === "off") return {rounds, stop: "off"};
    if (first.output.kind === "text") return {rounds, stop: "text"};
    const limit = mode.kind === "fixed" ? mode.rounds : mode.maxRounds;
    let previous = canonicalCallSet(first.output);
    for (let round = 1; round <= limit; round++) {
        const outcome = await runRound(round);
        rounds.push(outcome);
        const current = canonicalCallSet(outcome.output);
        if (mode.kind === "adaptive" && current === previous) return {rounds, stop: "converged"};
        previous = current;
    }
    return {rounds, stop: "max_rounds"};
}
