import {synthesize, type SynthOptions, type SynthResult} from "./synthesize.js";
import {toolPool} from "./toolPool.js";
import {writeSynthOutput} from "./writeSynthOutput.js";

export interface RunSynthOptions extends SynthOptions {
    /** Output directory for the JSON Lines files and stats.json. */
    out: string;
    /** Training sources directory; missing or undefined: generated tools only (with a notice). */
    sourcesDir?: string;
}

/** What a run did, with wall-clock timings (kept out of stats.json so that output stays byte-identical). */
export interface RunSynthReport {
    files: string[];
    result: SynthResult;
    timings: {poolMs: number, synthMs: number, writeMs: number};
}

/** Builds the pool, synthesises the items and writes them: the whole `toolace-r synth` run. */
export function runSynth(options: RunSynthOptions): RunSynthReport {
    let started = performance.now();
    const pool = toolPool({sourcesDir: options.sourcesDir, seed: options.seed});
    const poolMs = performance.now() - started;
    started = performance.now();
    const result = synthesize(pool, options);
    const synthMs = performance.now() - started;
    started = performance.now();
    const files = writeSynthOutput(options.out, result);
    const writeMs = performance.now() - started;
    return {files, result, timings: {poolMs: Math.round(poolMs), synthMs: Math.round(synthMs), writeMs: Math.round(writeMs)}};
}
