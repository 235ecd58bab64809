import type {CommandModule} from "yargs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {evalDev} from "../../iterate/evalDev.js";
import {readPool} from "../../iterate/readPool.js";
import {type EngineArgs, engineOptions, withEngineArgs} from "../engineArgs.js";

type EvalSynthArgs = EngineArgs & {items: string, out: string, "max-rounds": number, limit?: number, "max-tokens"?: number};

/**
 * `toolace-r eval synth --items test.jsonl --out DIR`: a model on synthetic items (the held-out
 * test split of `toolace-r synth`: tools never seen in training), greedy, tool_choice auto, every
 * round scored BFCL-exactly. One run gives both figures: round 0 is the answer without refinement,
 * the final answer is adaptive refinement's. Writes items.jsonl (resumable), report.json,
 * report.md and chart.svg; prints the summary as JSON.
 */
export const EvalSynthCommand: CommandModule<object, EvalSynthArgs> = {
    command: "synth",
    describe: "Evaluate a model on synthetic items (unseen tools) without and with adaptive refinement",
    builder: (yargs) => withEngineArgs(yargs)
        .option("items", {type: "string", demandOption: true, describe: "synthetic items (toolace-r synth's test.jsonl or dev.jsonl)"})
        .option("out", {type: "string", demandOption: true, describe: "output folder: items.jsonl (resumable), report.json, report.md, chart.svg"})
        .option("max-rounds", {type: "number", default: 3, describe: "most refinement rounds after round 0 (adaptive stop)"})
        .option("limit", {type: "number", describe: "evaluate only the first N items"})
        .option("max-tokens", {type: "number", describe: "output tokens per round (default 512)"})
        .check((args) => {
            const rounds = args["max-rounds"];
            if (!Number.isInteger(rounds) || rounds < 1 || rounds > 16) throw new Error(`--max-rounds must be an integer from 1 to 16 (round 0 is always scored as the answer without refinement), got ${String(rounds)}`);
            if (args.limit != null && !(Number.isInteger(args.limit) && args.limit >= 1)) throw new Error(`--limit must be a positive integer, got ${String(args.limit)}`);
            if (args["max-tokens"] != null && !(Number.isInteger(args["max-tokens"]) && args["max-tokens"] >= 1)) throw new Error(`--max-tokens must be a positive integer, got ${String(args["max-tokens"])}`);
            return true;
        }) as never,
    handler: async (args) => {
        const items = await readPool(args.items, args.limit ?? Infinity);
        const engine = await ToolCallEngine.load(engineOptions(args));
        try {
            const summary = await evalDev({
                engine, items, outDir: args.out, maxRounds: args["max-rounds"], ...(args["max-tokens"] != null ? {maxTokens: args["max-tokens"]} : {})
            });
            process.stdout.write(`${JSON.stringify(summary)}\n`);
        } finally {
            await engine.dispose();
        }
    }
};
