import type {ToolDefinition} from "./ToolDefinition.js";
import {validateValue} from "./validateValue.js";

/**
 * Checks a tool call's arguments (already parsed from JSON) against the tool's normalised
 * parameters schema. Error messages start with the JSON path inside the arguments, e.g.
 * `$.count: expected an integer, got 1.5`.
 */
export function validateArguments(tool: ToolDefinition, args: unknown): {valid: true} | {valid: false, errors: string[]} {
    const errors = validateValue(tool.parameters, args);
    return errors.length === 0 ? {valid: true} : {valid: false, errors};
}
