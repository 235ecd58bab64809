import type {Tool} from "@modelcontextprotocol/sdk/types.js";

/** An OpenAI-style function tool, the shape every toolace-r request takes. */
export type FunctionTool = {type: "function", function: {name: string, description?: string, parameters: unknown}};

/**
 * The OpenAI tool for an MCP tool: its name, its description (the title before it when the server
 * gives one that the description does not repeat) and its `inputSchema` as the parameters, as
 * given: the engine normalises it like any other schema (tools check lists what it relaxes).
 */
export function mcpToolDefinition(tool: Tool): FunctionTool {
    const title = tool.title ?? tool.annotations?.title;
    const description = [title !== undefined && !(tool.description ?? "").startsWith(title) ? title : undefined, tool.description]
        .filter((part): part is string => part !== undefined && part !== "").join(": ");
    return {type: "function", function: {name: tool.name, ...(description === "" ? {} : {description}), parameters: tool.inputSchema}};
}
