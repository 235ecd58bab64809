import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {EvalRunError} from "./EvalRunError.js";

/**
 * The settings that decide what an item's answer is. `run.json` in the output folder keeps them;
 * a resumed run must use the same ones (categories, levels and `--limit` may change: they only
 * pick which items are evaluated and reported).
 */
export interface EvalRunConfig {
    /** `synth`: synthetic dev items (`train iterate`). */
    readonly benchmark: "bfcl" | "api-bank" | "synth";
    /** The model file, or `"oracle"`. */
    readonly model: string;
    readonly mode: string;
    /** The tool_choice of requests whose answer should be a call (relevance items always use `auto`). */
    readonly toolChoice: string;
    readonly refine: string;
    readonly maxRounds: number | null;
    readonly seed: number | null;
    readonly temperature: number | null;
    readonly maxTokens: number | null;
    readonly oracle: boolean;
    /** Present (false) only for runs without the call grammar (`--no-grammar`). */
    readonly grammar?: false;
}

const FILE = "run.json";

/** The `grammar` setting of a run answered by `engine`: recorded only when calls are not constrained. */
export function grammarSetting(engine: {readonly constrained: boolean} | undefined): Pick<EvalRunConfig, "grammar"> {
    return engine?.constrained === false ? {grammar: false} : {};
}

/**
 * Creates `outDir` and writes `run.json`, or, when the folder already holds a run, checks that it
 * was made with the same settings. Throws {@link EvalRunError} (`eval_config_mismatch`) naming the
 * settings that differ.
 */
export function prepareEvalOutDir(outDir: string, config: EvalRunConfig): void {
    mkdirSync(outDir, {recursive: true});
    const file = path.join(outDir, FILE);
    if (existsSync(file)) {
        let previous: Record<string, unknown>;
        try {
            previous = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
        } catch (error) {
            throw new EvalRunError("eval_config_mismatch", `${file} is not valid JSON; use another --out folder`, {file}, {cause: error});
        }
        const keys = [...new Set([...Object.keys(config), ...Object.keys(previous)])] as (keyof EvalRunConfig)[];
        const differing = keys.filter((key) => previous[key] !== config[key]);
        if (differing.length > 0) {
            const list = differing.map((key) => `${key}: ${JSON.stringify(previous[key])} there, ${JSON.stringify(config[key])} now`).join("; ");
            throw new EvalRunError("eval_config_mismatch", `${outDir} holds a run made with other settings (${list}); use another --out folder or the same settings`,
                {outDir, differing});
        }
        return;
    }
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
