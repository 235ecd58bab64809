import type {CommandModule} from "yargs";
import type {BfclMode} from "../../eval/decodeBfclRound.js";
import {resolveBfclDataDir} from "../../eval/resolveBfclDataDir.js";
import {runBfclEval} from "../../eval/runBfclEval.js";
import {reportEvalErrors} from "../../eval/reportEvalErrors.js";
import {summarizeEvalRun} from "../../eval/summarizeEvalRun.js";
import {type EvalArgs, evalModelOptions, withEvalArgs} from "../evalArgs.js";

type EvalBfclArgs = EvalArgs & {data?: string, categories: string, mode: BfclMode, "tool-choice": "auto" | "required"};

/**
 * `toolace-r eval bfcl --categories a,b --out DIR`: runs a model (or `--oracle`) on BFCL
 * single-turn categories and writes items.jsonl, report.json, report.md and chart.svg. Prints a
 * JSON summary (accuracy per category and aggregate) on stdout.
 */
export const EvalBfclCommand: CommandModule<object, EvalBfclArgs> = {
    command: "bfcl",
    describe: "Evaluate a model on BFCL single-turn categories (accuracy per refinement round)",
    builder: (yargs) => withEvalArgs(yargs)
        .option("data", {type: "string", describe: "BFCL data folder (default: $TOOLACE_SHARED/data/bfcl or ../shared/data/bfcl)"})
        .option("categories", {type: "string", demandOption: true, describe: "comma-separated categories: simple_python, multiple, parallel, parallel_multiple, irrelevance, live_irrelevance, live_relevance..."})
        .option("mode", {choices: ["fc", "prompt"] as const, default: "fc" as const, describe: "fc: tools and tool calls; prompt: BFCL's system prompt, Python calls in text"})
        .option("tool-choice", {choices: ["auto", "required"] as const, default: "auto" as const,
            describe: "fc tool_choice for items that expect a call (auto is BFCL's; required forces weak models to call); irrelevance always auto"}) as never,
    handler: async (args) => {
        const result = await runBfclEval({
            ...evalModelOptions(args),
            dataDir: resolveBfclDataDir(args.data),
            categories: args.categories.split(","),
            outDir: args.out,
            mode: args.mode,
            toolChoice: args["tool-choice"]
        });
        process.stdout.write(`${JSON.stringify(summarizeEvalRun(result))}\n`);
        reportEvalErrors(result.report);
    }
};
