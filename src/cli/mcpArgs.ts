import type {Argv} from "yargs";
import {McpToolbox} from "../mcp/McpToolbox.js";

export type McpArgs = {mcp?: string[], "mcp-timeout": number};

/** `--mcp "COMMAND ARGS"` (repeatable): MCP servers over stdio whose tools are offered to the model. */
export function withMcpArgs<T>(yargs: Argv<T>): Argv<T & McpArgs> {
    return yargs
        .option("mcp", {type: "string", array: true, describe: "start an MCP server over stdio (\"COMMAND ARGS\", repeatable) and offer its tools to the model beside the request's own"})
        .option("mcp-timeout", {type: "number", default: 30, describe: "seconds an MCP server has to start and to answer each request"}) as Argv<T & McpArgs>;
}

/** The toolbox of the `--mcp` servers, or undefined without any. */
export async function startMcpServers(args: McpArgs): Promise<McpToolbox | undefined> {
    const lines = (args.mcp ?? []).filter((line) => line.trim() !== "");
    if (lines.length === 0) return undefined;
    return McpToolbox.start(lines, {timeoutMs: Math.max(1, args["mcp-timeout"]) * 1000});
}
