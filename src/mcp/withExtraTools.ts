import type {FunctionTool} from "./mcpToolDefinition.js";

/** The name of a tool in either accepted shape (OpenAI `{type, function: {name}}` or a BFCL doc `{name}`), if it has one. */
function toolName(tool: unknown): string | undefined {
    if (typeof tool !== "object" || tool === null) return undefined;
    const record = tool as {name?: unknown, function?: {name?: unknown}};
    const name = record.function?.name ?? record.name;
    return typeof name === "string" ? name : undefined;
}

/**
 * A raw request with `extra` tools offered beside its own: a tool the request defines itself
 * keeps the request's definition (the caller knows best), the others are appended. Anything that
 * is not a request object with a tools array (or none) is returned as it is, for validation to
 * name the problem.
 */
export function withExtraTools<T>(request: T, extra: readonly FunctionTool[]): T {
    if (extra.length === 0 || typeof request !== "object" || request === null || Array.isArray(request)) return request;
    const own = (request as {tools?: unknown}).tools;
    if (own != null && !Array.isArray(own)) return request;
    const ownTools = own ?? [];
    const taken = new Set(ownTools.map(toolName));
    return {...request, tools: [...ownTools, ...extra.filter((tool) => !taken.has(tool.function.name))]} as T;
}
