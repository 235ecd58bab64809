import type {ObjectSchema} from "./JsonSchema.js";

/**
 * One tool in toolace-r's internal form, whatever format it came in (see `normalizeTools`).
 * `name` is kept exactly as given (BFCL names may contain dots); `parameters` describes the
 * arguments object.
 */
export interface ToolDefinition {
    name: string;
    description: string;
    parameters: ObjectSchema;
}
