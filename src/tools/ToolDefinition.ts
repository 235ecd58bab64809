import type {ObjectSchema} from "./JsonSchema.js";
import type {RelaxedKeyword} from "./RelaxedKeyword.js";

/**
 * One tool in toolace-r's internal form, whatever format it came in (see `normalizeTools`).
 * `name` is kept exactly as given (BFCL names may contain dots); `parameters` describes the
 * arguments object.
 */
export interface ToolDefinition {
    name: string;
    description: string;
    parameters: ObjectSchema;
    /** Keywords of the original schema the grammar does not enforce as written (present when there are any). */
    relaxed?: RelaxedKeyword[];
    /** The original parameters schema, present with `relaxed` or where the grammar enforces a pattern or format: calls are checked against it (schemaViolations). */
    originalParameters?: unknown;
}
