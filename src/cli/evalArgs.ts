import type {Argv} from "yargs";
import type {EvalModelOptions} from "../eval/EvalModelOptions.js";
import {type EngineArgs, engineOptions, withEngineArgs} from "./engineArgs.js";

export type EvalArgs = EngineArgs & {
    out: string, refine: string, "max-rounds"?: number, limit?: number, seed?: number, temperature?: number,
    "max-tokens"?: number, "max-array-items"?: number, oracle: boolean, progress: boolean
};

/** The flags every `eval` benchmark command shares: the engine's, plus refinement, sampling, limits and the output folder. */
export function withEvalArgs<T>(yargs: Argv<T>): Argv<T & EvalArgs> {
    return withEngineArgs(yargs)
        .option("out", {type: "string", demandOption: true, describe: "output folder: items.jsonl (resumable), report.json, report.md, chart.svg"})
        .option("refine", {type: "string", default: "adaptive", describe: "off | adaptive | N (refinement rounds after round 0)"})
        .option("max-rounds", {type: "number", describe: "most refinement rounds in adaptive mode (default 3)"})
        .option("limit", {type: "number", describe: "evaluate only the first N items of each category"})
        .option("seed", {type: "number", describe: "sampling seed"})
        .option("temperature", {type: "number", describe: "sampling temperature (default 0: greedy)"})
        .option("max-tokens", {type: "number", describe: "output tokens per round (default 512)"})
        .option("max-array-items", {type: "number", describe: "cap on generated array items (for weak or random models)"})
        .option("oracle", {type: "boolean", default: false, describe: "answer with the first ground-truth alternative instead of a model (checks the harness)"})
        .option("progress", {type: "boolean", default: true, describe: "progress bar on stderr (--no-progress: none)"}) as Argv<T & EvalArgs>;
}

/** The evaluation options the shared flags give. */
export function evalModelOptions(args: EvalArgs): EvalModelOptions {
    const grammar = args["max-string-length"] != null || args["max-array-items"] != null
        ? {...(args["max-string-length"] != null ? {maxStringLength: args["max-string-length"]} : {}), ...(args["max-array-items"] != null ? {maxArrayItems: args["max-array-items"]} : {})}
        : undefined;
    return {
        engineOptions: engineOptions(args, grammar === undefined ? {} : {grammar}),
        refine: args.refine,
        ...(args["max-rounds"] != null ? {maxRounds: args["max-rounds"]} : {}),
        ...(args.limit != null ? {limit: args.limit} : {}),
        ...(args.seed != null ? {seed: args.seed} : {}),
        ...(args.temperature != null ? {temperature: args.temperature} : {}),
        ...(args["max-tokens"] != null ? {maxTokens: args["max-tokens"]} : {}),
        oracle: args.oracle,
        ...(args.progress ? {} : {progress: null})
    };
}
