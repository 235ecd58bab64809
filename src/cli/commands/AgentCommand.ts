import {addAbortSignal} from "node:stream";
import type {CommandModule} from "yargs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {serveAgent} from "../../agent/serveAgent.js";
import {engineOptions, type EngineArgs, withEngineArgs} from "../engineArgs.js";
import {type McpArgs, startMcpServers, withMcpArgs} from "../mcpArgs.js";

type AgentArgs = EngineArgs & McpArgs & {parallel: number};

export const AgentCommand: CommandModule<object, AgentArgs> = {
    command: "agent",
    describe: "Serve JSON-lines requests on stdin, one JSON reply per line on stdout",
    builder: (yargs) => withMcpArgs(withEngineArgs(yargs))
        .option("parallel", {type: "number", default: 1, describe: "requests served at once (one context sequence each)"}) as never,
    handler: async (args) => {
        const mcp = await startMcpServers(args);
        const extraTools = mcp?.tools ?? [];
        const engine = await ToolCallEngine.load(engineOptions(args, {sequences: Math.max(1, args.parallel)})).catch(async (error: unknown) => {
            await mcp?.close();
            throw error;
        });
        const stop = new AbortController();
        // Stop reading on SIGINT/SIGTERM; requests in flight still get their answer, then exit 0.
        addAbortSignal(stop.signal, process.stdin);
        const onSignal = (): void => stop.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        try {
            const {answered, errors} = await serveAgent({
                // The MCP servers' tools are offered beside each request's own; running calls stays with the caller.
                call: (request) => engine.call(request),
                extraTools,
                input: process.stdin,
                output: process.stdout,
                parallel: args.parallel,
                signal: stop.signal
            });
            process.stderr.write(`toolace-r agent: ${answered} requests answered (${errors} with errors)\n`);
        } finally {
            await engine.dispose();
            await mcp?.close();
        }
    }
};
