import type {CommandModule} from "yargs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {engineOptions, type EngineArgs, withEngineArgs} from "../engineArgs.js";
import {type ConversationArgs, conversationOf, withConversationArgs} from "../conversationArgs.js";
import {type McpArgs, startMcpServers, withMcpArgs} from "../mcpArgs.js";
import {withExtraTools} from "../../mcp/withExtraTools.js";

type CallArgs = EngineArgs & ConversationArgs & McpArgs & {"mcp-run": boolean, "refine-feedback": string,
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
    builder: (yargs) => withConversationArgs(withMcpArgs(withEngineArgs(yargs)))
        .option("mcp-run", {type: "boolean", default: false, describe: "run the final calls to MCP tools on their servers and print the results (tool_results)"})
        .option("refine", {type: "string", default: "adaptive", describe: "off | adaptive | N (refinement rounds after round 0)"})
        .option("max-rounds", {type: "number", describe: "most refinement rounds in adaptive mode (default 3)"})
        .option("refine-feedback", {type: "string", choices: ["none", "validator"], default: "none", describe: "validator: a refinement turn after a call that breaks its tool's schema says how (the schema check's findings)"})
        .option("tool-choice", {type: "string", default: "auto", describe: "auto | none | required | FUNCTION_NAME"})
        .option("seed", {type: "number", describe: "sampling seed"})
        .option("temperature", {type: "number", describe: "sampling temperature (default 0: greedy)"})
        .option("max-tokens", {type: "number", describe: "output tokens per round (default 512)"}) as never,
    handler: async (args) => {
        const request = {
            ...conversationOf(args),
            tool_choice: parseToolChoiceFlag(args["tool-choice"]),
            refine: args.refine,
            max_rounds: args["max-rounds"],
            refine_feedback: args["refine-feedback"],
            seed: args.seed,
            temperature: args.temperature,
            max_tokens: args["max-tokens"]
        };
        const mcp = await startMcpServers(args);
        try {
            const engine = await ToolCallEngine.load(engineOptions(args));
            try {
                const result = await engine.call(mcp === undefined ? request : withExtraTools(request, mcp.tools));
                // Only the calls to MCP tools are run; calls to the request's own tools stay with the caller.
                const toolResults = mcp === undefined || !args["mcp-run"] ? undefined : await Promise.all(result.tool_calls
                    .filter((call) => mcp.serverOf(call.function.name) !== undefined)
                    .map(async (call) => ({tool_call_id: call.id, ...await mcp.call(call.function.name, call.function.arguments)})));
                process.stdout.write(JSON.stringify(toolResults === undefined ? result : {...result, tool_results: toolResults}, null, 2) + "\n");
            } finally {
                await engine.dispose();
            }
        } finally {
            await mcp?.close();
        }
    }
};
