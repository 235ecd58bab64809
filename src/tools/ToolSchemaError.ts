import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A tool definition that toolace-r cannot use: malformed, or using JSON Schema it does not
 * support. The message names the tool (by name, or by position while the name is unknown) and
 * the JSON path inside that tool, e.g.
 * `tool "get_weather": unsupported keyword "pattern" at $.parameters.properties.city`.
 */
export class ToolSchemaError extends ToolaceError {
    public constructor(tool: string | number, path: string, problem: string) {
        const label = typeof tool === "number" ? `#${tool}` : JSON.stringify(tool);
        super("tool_schema", `tool ${label}: ${problem} at ${path}`, {tool, path, problem});
    }
}
