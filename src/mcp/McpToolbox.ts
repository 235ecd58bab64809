import {Client} from "@modelcontextprotocol/sdk/client/index.js";
import {StdioClientTransport, getDefaultEnvironment} from "@modelcontextprotocol/sdk/client/stdio.js";
import type {CallToolResult, Tool} from "@modelcontextprotocol/sdk/types.js";
import {ToolaceError} from "../errors/ToolaceError.js";
import {type FunctionTool, mcpToolDefinition} from "./mcpToolDefinition.js";
import {splitCommandLine} from "./splitCommandLine.js";

export type McpToolboxOptions = {
    /** Milliseconds a server has to start and answer each request (default 30 s). */
    timeoutMs?: number,
    /** Working directory of the servers (default: this process's). */
    cwd?: string,
    /** Environment variables given to the servers beside MCP's default safe set (PATH, HOME…). */
    env?: Record<string, string>
};

/** What a tool call through MCP returned: the server's content items and whether it reports an error. */
export type McpToolResult = {tool: string, server: string, isError: boolean, content: CallToolResult["content"], structuredContent?: unknown};

type Connection = {commandLine: string, client: Client, stderr: () => string};

const DEFAULT_TIMEOUT_MS = 30_000;
/** Characters of a server's standard error kept to explain a failure. */
const STDERR_TAIL = 2_000;

/**
 * Tools from MCP servers over stdio, through the official MCP TypeScript SDK: each `--mcp`
 * command line starts a server; its tools (every page of `tools/list`) are offered to the model
 * as OpenAI function tools. Calls are only run when the caller asks (`call`). Two servers that
 * offer the same tool name are refused, naming both. `close` stops every server.
 */
export class McpToolbox {
    private constructor(private readonly connections: Connection[], private readonly owners: Map<string, {connection: Connection, tool: Tool}>,
        private readonly timeoutMs: number) {}

    /** Starts the servers, lists their tools; on any failure stops the ones started and throws a ToolaceError naming the command. */
    public static async start(commandLines: readonly string[], options: McpToolboxOptions = {}): Promise<McpToolbox> {
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const connections: Connection[] = [];
        const owners = new Map<string, {connection: Connection, tool: Tool}>();
        try {
            for (const commandLine of commandLines) {
                const connection = await connect(commandLine, options, timeoutMs);
                connections.push(connection);
                for (const tool of await listTools(connection, timeoutMs)) {
                    const owner = owners.get(tool.name);
                    if (owner !== undefined)
                        throw new ToolaceError("mcp", `MCP servers "${owner.connection.commandLine}" and "${commandLine}" both offer a tool named "${tool.name}"`, {tool: tool.name, servers: [owner.connection.commandLine, commandLine]});
                    owners.set(tool.name, {connection, tool});
                }
            }
        } catch (error) {
            await Promise.allSettled(connections.map((connection) => connection.client.close()));
            throw error;
        }
        return new McpToolbox(connections, owners, timeoutMs);
    }

    /** Every server's tools as OpenAI function tools, in the servers' order. */
    public get tools(): FunctionTool[] {
        return [...this.owners.values()].map(({tool}) => mcpToolDefinition(tool));
    }

    /** The command line of the server offering `name`, or undefined. */
    public serverOf(name: string): string | undefined {
        return this.owners.get(name)?.connection.commandLine;
    }

    /**
     * Runs one call on the server that offers the tool. `args` is the call's JSON arguments text.
     * A tool's own failure comes back with `isError: true`; an unknown tool, arguments that are not
     * a JSON object, or a failing server throw.
     */
    public async call(name: string, args: string): Promise<McpToolResult> {
        const owner = this.owners.get(name);
        if (owner === undefined) throw new ToolaceError("mcp", `no MCP server offers a tool named "${name}"`, {tool: name});
        let parsed: unknown;
        try {
            parsed = JSON.parse(args);
        } catch {
            parsed = undefined;
        }
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
            throw new ToolaceError("mcp", `the arguments of the call to "${name}" are not a JSON object`, {tool: name, arguments: args});
        const {connection} = owner;
        let result: Awaited<ReturnType<Client["callTool"]>>;
        try {
            result = await connection.client.callTool({name, arguments: parsed as Record<string, unknown>}, undefined, {timeout: this.timeoutMs});
        } catch (error) {
            const said = connection.stderr().trim();
            throw new ToolaceError("mcp", `MCP server "${connection.commandLine}" failed on a call to "${name}": ${(error as Error).message}${said === "" ? "" : `; it said: ${said.slice(-500)}`}`, {tool: name, server: connection.commandLine}, {cause: error});
        }
        const content = Array.isArray(result.content) ? result.content as CallToolResult["content"] : [];
        return {
            tool: name, server: connection.commandLine, isError: result.isError === true, content,
            ...(result.structuredContent !== undefined ? {structuredContent: result.structuredContent} : {})
        };
    }

    /** Stops every server. */
    public async close(): Promise<void> {
        await Promise.allSettled(this.connections.map((connection) => connection.client.close()));
    }
}

async function connect(commandLine: string, options: McpToolboxOptions, timeoutMs: number): Promise<Connection> {
    const {command, args} = splitCommandLine(commandLine, "--mcp");
    const transport = new StdioClientTransport({
        command, args, stderr: "pipe",
        env: {...getDefaultEnvironment(), ...options.env},
        ...(options.cwd !== undefined ? {cwd: options.cwd} : {})
    });
    let stderrText = "";
    transport.stderr?.on("data", (chunk: Buffer) => {
        stderrText = (stderrText + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    const client = new Client({name: "toolace-r", version: "0.1.0"});
    try {
        await client.connect(transport, {timeout: timeoutMs});
    } catch (error) {
        await client.close().catch(() => undefined);
        const said = stderrText.trim();
        throw new ToolaceError("mcp", `MCP server "${commandLine}" did not start: ${(error as Error).message}${said === "" ? "" : `; it said: ${said}`}`, {server: commandLine}, {cause: error});
    }
    if (client.getServerCapabilities()?.tools === undefined) {
        await client.close().catch(() => undefined);
        throw new ToolaceError("mcp", `MCP server "${commandLine}" offers no tools`, {server: commandLine});
    }
    return {commandLine, client, stderr: () => stderrText};
}

async function listTools(connection: Connection, timeoutMs: number): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
        let page: Awaited<ReturnType<Client["listTools"]>>;
        try {
            page = await connection.client.listTools(cursor === undefined ? {} : {cursor}, {timeout: timeoutMs});
        } catch (error) {
            throw new ToolaceError("mcp", `MCP server "${connection.commandLine}" failed to list its tools: ${(error as Error).message}`, {server: connection.commandLine}, {cause: error});
        }
        tools.push(...page.tools);
        cursor = page.nextCursor;
    } while (cursor !== undefined && cursor !== "");
    return tools;
}
