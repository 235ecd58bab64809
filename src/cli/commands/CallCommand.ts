import type {CommandModule} from "yargs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {engineOptions, type EngineArgs, withEngineArgs} from "../engineArgs.js";
import {readJsonFile} from "../readJsonFile.js";

type CallArgs = EngineArgs & {
    tools: string, query?: string, messages?: string, system?: string,
    refine: string, "max-rounds"?: number, "tool-choice": string, seed?: number, temperature?: number, "max-tokens"?: number
};

function parseToolChoiceFlag(value: string): unknown {
    if (value === "auto" || value === "none" || value === "required") return value;
    if (value.trim().startsWith("{")) return JSON.parse(value);
    return {type: "function", function: {name: value}};
}

export const CallCommand: CommandModule<object, CallArgs> = {
    command: "call",
    describe: "Answer one request with tool calls (or text) and print the result JSON",
    builder: (yargs) => withEngineArgs(yargs)
        .option("tools", {type: "string", demandOption: true, describe: "JSON file of tools: OpenAI `tools` or BFCL function docs"})
        .option("query", {type: "string", describe: "the user's request"})
        .option("messages", {type: "string", describe: "JSON file of OpenAI-style messages (instead of --query)"})
        .option("system", {type: "string", describe: "system prompt (with --query)"})
        .option("refine", {type: "string", default: "adaptive", describe: "off | adaptive | N (refinement rounds after round 0)"})
        .option("max-rounds", {type: "number", describe: "most refinement rounds in adaptive mode (default 3)"})
        .option("tool-choice", {type: "string", default: "auto", describe: "auto | none | required | FUNCTION_NAME"})
        .option("seed", {type: "number", describe: "sampling seed"})
        .option("temperature", {type: "number", describe: "sampling temperature (default 0: greedy)"})
        .option("max-tokens", {type: "number", describe: "output tokens per round (default 512)"})
        .conflicts("query", "messages")
        .check((args) => {
            if (args.query == null && args.messages == null) throw new Error("give --query TEXT or --messages FILE");
            return true;
        }) as never,
    handler: async (args) => {
        const messages = args.messages != null
            ? readJsonFile(args.messages, "messages")
            : [...(args.system != null ? [{role: "system", content: args.system}] : []), {role: "user", content: args.query}];
        const request = {
            messages,
            tools: readJsonFile(args.tools, "tools"),
            tool_choice: parseToolChoiceFlag(args["tool-choice"]),
            refine: args.refine,
            max_rounds: args["max-rounds"],
            seed: args.seed,
            temperature: args.temperature,
            max_tokens: args["max-tokens"]
        };
        const engine = await ToolCallEngine.load(engineOptions(args));
        try {
            const result = await engine.call(request);
            process.stdout.write(JSON.stringify(result, null, 2) + "\n");
        } finally {
            await engine.dispose();
        }
    }
};
