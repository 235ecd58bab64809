import type {CommandModule} from "yargs";
import {resolveApiBankDataDir} from "../../eval/apiBankData.js";
import {runApiBankEval} from "../../eval/runApiBankEval.js";
import {reportEvalErrors} from "../../eval/reportEvalErrors.js";
import {summarizeEvalRun} from "../../eval/summarizeEvalRun.js";
import {ToolaceError} from "../../errors/ToolaceError.js";
import {type EvalArgs, evalModelOptions, withEvalArgs} from "../evalArgs.js";

type EvalApiBankArgs = EvalArgs & {data?: string, levels: string};

/**
 * `toolace-r eval api-bank --levels 1,2 --out DIR`: runs a model (or `--oracle`) on API-Bank's
 * level-1 and level-2 API calls and writes items.jsonl, report.json, report.md and chart.svg.
 * Prints a JSON summary (accuracy per level) on stdout.
 */
export const EvalApiBankCommand: CommandModule<object, EvalApiBankArgs> = {
    command: "api-bank",
    describe: "Evaluate a model on API-Bank level-1/2 API calls (name and arguments against the expected call)",
    builder: (yargs) => withEvalArgs(yargs)
        .option("data", {type: "string", describe: "API-Bank data folder holding test-data/ (default: $TOOLACE_SHARED/data/api-bank or ../shared/data/api-bank)"})
        .option("levels", {type: "string", default: "1,2", describe: "comma-separated levels: 1 (APIs given), 2 (ToolSearcher and retrieved APIs)"}) as never,
    handler: async (args) => {
        const levels = args.levels.split(",").map((level) => level.trim()).filter((level) => level !== "").map((level) => {
            if (!/^\d+$/.test(level)) throw new ToolaceError("usage", `--levels takes numbers (1,2), got ${JSON.stringify(level)}`);
            return Number(level);
        });
        const result = await runApiBankEval({...evalModelOptions(args), dataDir: resolveApiBankDataDir(args.data), levels, outDir: args.out});
        process.stdout.write(`${JSON.stringify(summarizeEvalRun(result))}\n`);
        reportEvalErrors(result.report);
    }
};
