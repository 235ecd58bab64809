import type {CommandModule} from "yargs";
import {statSync} from "node:fs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {resolveModelPath} from "../../engine/resolveModelPath.js";
import {servingLayout} from "../../serve/servingLayout.js";
import {ToolaceError} from "../../errors/ToolaceError.js";
import {modelCatalog} from "../../catalog/modelCatalog.js";
import {createChatServer} from "../../serve/createChatServer.js";
import {servedModelNames} from "../../serve/servedModelNames.js";
import {engineOptions, type EngineArgs, withEngineArgs} from "../engineArgs.js";
import {type McpArgs, startMcpServers, withMcpArgs} from "../mcpArgs.js";

type ServeArgs = EngineArgs & McpArgs & {host: string, port: number, "api-key"?: string, parallel: number, queue: number, "body-limit": number, refine?: string};

export const ServeCommand: CommandModule<object, ServeArgs> = {
    command: "serve",
    describe: "Serve the OpenAI chat-completions API (tools, tool_choice, streaming) with grammar-constrained calls and adaptive refinement",
    builder: (yargs) => withMcpArgs(withEngineArgs(yargs))
        .option("host", {type: "string", default: "127.0.0.1", describe: "address to listen on (0.0.0.0 exposes the server to the network)"})
        .option("port", {type: "number", default: 8080, describe: "TCP port (0: any free port, printed on stderr)"})
        .option("api-key", {type: "string", describe: "require Authorization: Bearer KEY on every request but /health (default: $TOOLACE_R_API_KEY, else none)"})
        .option("parallel", {type: "number", default: 1, describe: "requests decoded at once: slots laid out over contexts (one per core for models that run on one thread) whose sequences share each context's decodes"})
        .option("queue", {type: "number", default: 64, describe: "requests that may wait for a free slot; more are refused with 429"})
        .option("body-limit", {type: "number", default: 8, describe: "largest request body, in MiB (413 beyond)"})
        .option("refine", {type: "string", describe: "default refinement for requests without `refine`: off | adaptive | N (default adaptive)"}) as never,
    handler: async (args) => {
        for (const [name, value, min] of [["parallel", args.parallel, 1], ["queue", args.queue, 0], ["port", args.port, 0], ["body-limit", args["body-limit"], 0.001]] as const)
            if (!Number.isFinite(value) || value < min || (name !== "body-limit" && !Number.isInteger(value)))
                throw new ToolaceError("usage", `--${name} must be ${name === "body-limit" ? "a positive number" : `an integer ≥ ${min}`}, got ${value}`, {option: name});
        const apiKey = args["api-key"] ?? process.env.TOOLACE_R_API_KEY;
        const modelPath = await resolveModelPath(args.model);
        const layout = servingLayout(args.parallel, statSync(modelPath).size, {contexts: args.contexts, threads: args.threads});
        const mcp = await startMcpServers(args);
        const engine = await ToolCallEngine.load(engineOptions(args, {model: modelPath, ...layout})).catch(async (error: unknown) => {
            await mcp?.close();
            throw error;
        });
        const {id, aliases} = servedModelNames(args.model, engine.modelPath);
        const refine = args.refine === undefined ? undefined : /^\d+$/.test(args.refine) ? Number(args.refine) : args.refine;
        const app = createChatServer({
            backend: engine, modelId: id, aliases, listed: modelCatalog.map((model) => model.name),
            ...(apiKey !== undefined && apiKey !== "" ? {apiKey} : {}),
            maxQueue: args.queue, bodyLimit: Math.round(args["body-limit"] * 1024 * 1024),
            ...(refine !== undefined ? {refine} : {}),
            ...(mcp !== undefined ? {extraTools: mcp.tools} : {})
        });
        let address: string;
        try {
            address = await app.listen({host: args.host, port: args.port});
        } catch (error) {
            await engine.dispose();
            await mcp?.close();
            throw new ToolaceError("listen", `cannot listen on ${args.host}:${args.port}: ${(error as Error).message}`, {host: args.host, port: args.port}, {cause: error});
        }
        process.stderr.write(`toolace-r serve: listening on ${address} (model "${id}", ${engine.formatName}, ${engine.slots} at once on ${layout.contexts} context${layout.contexts === 1 ? "" : "s"} of ${layout.threads} thread${layout.threads === 1 ? "" : "s"}${apiKey ? ", API key required" : ""}${mcp !== undefined ? `, ${mcp.tools.length} MCP tools` : ""})\n`);
        await new Promise<void>((resolve) => {
            const stop = (): void => resolve();
            process.once("SIGINT", stop);
            process.once("SIGTERM", stop);
        });
        process.stderr.write("toolace-r serve: closing (requests in progress finish first)\n");
        await app.close();
        await engine.dispose();
        await mcp?.close();
        process.stderr.write(`toolace-r serve: ${app.stats.admitted} requests admitted, ${app.stats.refused} refused as busy, ${app.stats.cancelled} cancelled by their client\n`);
    }
};
