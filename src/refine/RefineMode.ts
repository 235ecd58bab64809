import {ToolaceError} from "../errors/ToolaceError.js";

/** `off`: one round. `fixed`: round 0 plus exactly `rounds` refinement rounds. `adaptive`: up to `maxRounds` refinement rounds, stopping when a round repeats the previous one. */
export type RefineMode =
    | {kind: "off"}
    | {kind: "fixed", rounds: number}
    | {kind: "adaptive", maxRounds: number};

export const DEFAULT_MAX_ROUNDS = 3;
export const ROUND_LIMIT = 16;

/** Parses `off` | `adaptive` | N (refinement rounds after round 0), with an optional max-rounds for adaptive. */
export function parseRefineMode(value: unknown, maxRounds?: unknown): RefineMode {
    const limit = maxRounds == null ? DEFAULT_MAX_ROUNDS : checkRounds(maxRounds, "max_rounds");
    if (value == null || value === "adaptive") return {kind: "adaptive", maxRounds: limit};
    if (value === "off" || value === 0 || value === "0") return {kind: "off"};
    if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value)))
        return {kind: "fixed", rounds: checkRounds(Number(value), "refine")};
    throw new ToolaceError("bad_request", `refine must be "off", "adaptive" or a number of rounds, got ${JSON.stringify(value)}`, {field: "refine"});
}

function checkRounds(value: unknown, field: string): number {
    const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > ROUND_LIMIT)
        throw new ToolaceError("bad_request", `${field} must be an integer from 1 to ${ROUND_LIMIT}, got ${JSON.stringify(value)}`, {field});
    return n;
}
