import path from "node:path";
import {fileURLToPath} from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const serverScript = (name: string): string => path.join(root, "node_modules", "@modelcontextprotocol", name, "dist", "index.js");
const quoted = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/** Command lines (as `--mcp` takes them) of the reference MCP servers installed from npm as dev dependencies. */
export const mcpServers = {
    memory: `${quoted(process.execPath)} ${quoted(serverScript("server-memory"))}`,
    everything: `${quoted(process.execPath)} ${quoted(serverScript("server-everything"))}`,
    filesystem: (dir: string): string => `${quoted(process.execPath)} ${quoted(serverScript("server-filesystem"))} ${quoted(dir)}`
};
