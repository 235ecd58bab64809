import {ToolaceError} from "../errors/ToolaceError.js";
import {type EngineOptions, ToolCallEngine} from "../engine/ToolCallEngine.js";
import {DEFAULT_MAX_ROUNDS, parseRefineMode} from "../refine/RefineMode.js";
import {EvalRunError} from "./EvalRunError.js";
import type {ProgressStream} from "./EvalProgress.js";
import type {EvalAnswerer} from "./EvalAnswerer.js";

/** What every evaluation run takes besides its data: the model (or oracle), refinement, sampling, limits, progress. */
export interface EvalModelOptions {
    /** A loaded engine to use (left loaded afterwards); without it one is loaded from `engineOptions`. */
    readonly engine?: ToolCallEngine;
    readonly engineOptions?: EngineOptions;
    /** `off`, `adaptive` (default) or N refinement rounds after round 0. */
    readonly refine?: string | number;
    /** Most refinement rounds in adaptive mode (default 3). */
    readonly maxRounds?: number;
    readonly seed?: number;
    readonly temperature?: number;
    /** Output tokens per round (engine default 512). */
    readonly maxTokens?: number;
    /** Answer with the ground truth instead of a model (no model is loaded). */
    readonly oracle?: boolean;
    /** Answer with another system (a peer) instead of the engine (no model is loaded here; refinement does not apply). */
    readonly answerer?: EvalAnswerer;
    /** At most this many items per category (the first ones). */
    readonly limit?: number;
    /** Where the progress bar goes (default: stderr); null: no progress. */
    readonly progress?: ProgressStream | null;
}

/** The validated request settings of a run, as engine.call takes them and as run.json records them. */
export interface EvalSettings {
    readonly refine: string;
    readonly maxRounds: number | null;
    readonly seed: number | null;
    readonly maxTokens: number | null;
    readonly temperature: number | null;
    readonly limit: number | null;
    readonly oracle: boolean;
}

/** Checks the options (an {@link EvalRunError} `eval_bad_option` names the bad one). */
export function evalSettings(options: EvalModelOptions): EvalSettings {
    let mode;
    try {
        mode = parseRefineMode(options.refine ?? "adaptive", options.maxRounds);
    } catch (error) {
        if (error instanceof ToolaceError) throw new EvalRunError("eval_bad_option", error.message, {option: "refine"}, {cause: error});
        throw error;
    }
    const positive = (value: number | undefined, name: string): number | null => {
        if (value === undefined) return null;
        if (!Number.isSafeInteger(value) || value < 1) throw new EvalRunError("eval_bad_option", `${name} must be a positive integer, got ${value}`, {option: name});
        return value;
    };
    if (options.seed !== undefined && (!Number.isSafeInteger(options.seed) || options.seed < 0)) {
        throw new EvalRunError("eval_bad_option", `seed must be a non-negative integer, got ${options.seed}`, {option: "seed"});
    }
    const oracle = options.oracle === true;
    const once = oracle || options.answerer !== undefined;
    return {
        // An oracle or a peer answers once: refinement does not apply.
        refine: once ? "off" : mode.kind === "fixed" ? String(mode.rounds) : mode.kind,
        maxRounds: !once && mode.kind === "adaptive" ? mode.maxRounds : null,
        seed: options.seed ?? null,
        maxTokens: positive(options.maxTokens, "max-tokens"),
        temperature: options.temperature ?? null,
        limit: positive(options.limit, "limit"),
        oracle
    };
}

/** The refinement and sampling fields of an engine request. */
export function evalRequestFields(settings: EvalSettings): Record<string, unknown> {
    const fields: Record<string, unknown> = {refine: /^\d+$/.test(settings.refine) ? Number(settings.refine) : settings.refine};
    if (settings.maxRounds !== null && settings.maxRounds !== DEFAULT_MAX_ROUNDS) fields.max_rounds = settings.maxRounds;
    if (settings.seed !== null) fields.seed = settings.seed;
    if (settings.maxTokens !== null) fields.max_tokens = settings.maxTokens;
    if (settings.temperature !== null) fields.temperature = settings.temperature;
    return fields;
}

/**
 * Runs `body` with the engine the options ask for: none for an oracle run, the given one, or one
 * loaded here (and disposed afterwards).
 */
export async function withEvalEngine<T>(options: EvalModelOptions, body: (engine: ToolCallEngine | undefined) => Promise<T>): Promise<T> {
    if (options.oracle === true || options.answerer !== undefined) return body(undefined);
    if (options.engine !== undefined) return body(options.engine);
    const engine = await ToolCallEngine.load(options.engineOptions ?? {});
    try {
        return await body(engine);
    } finally {
        await engine.dispose();
    }
}
