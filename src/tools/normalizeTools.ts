import type {ToolDefinition} from "./ToolDefinition.js";
import {expandedJsonLength} from "./expandedJsonLength.js";
import {grammarLimits} from "./grammarLimits.js";
import {normalizeParameters} from "./normalizeSchema.js";
import type {SchemaDialect} from "./schemaTypeName.js";
import {ToolSchemaError} from "./ToolSchemaError.js";

/** Tool names: A-Z, a-z, 0-9, `_`, `.` and `-` (they are written into prompts and grammars), up to 256 characters (OpenAI's 64 is their API's limit, not a local engine's). */
const toolNamePattern = /^[A-Za-z0-9_.-]{1,256}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads tool definitions into toolace-r's internal form. Accepts an array (or a single object)
 * of either
 * - OpenAI tools: `{type: "function", function: {name, description?, parameters?}}` (or the flat
 *   `{type: "function", name, description?, parameters?}`), parameters in JSON Schema; or
 * - BFCL / Gorilla function docs: `{name, description, parameters: {type: "dict", properties, required}}`
 *   with Python/Java-flavoured type names (`dict`, `float`, `tuple`, `any`, ...); a property
 *   without a type is a string. An OpenAI-wrapped tool whose parameters have `type: "dict"` is
 *   read the BFCL way too.
 *
 * Error paths are relative to the function definition (the object holding name, description and
 * parameters), e.g. `$.parameters.properties.city`, in both formats.
 *
 * Names are kept as given and must be unique, 1-256 characters of `[A-Za-z0-9_.-]`. Missing
 * parameters mean no arguments. Every problem is a `ToolSchemaError` naming the tool and the
 * JSON path inside its definition. All the tools' parameters together may take at most
 * `grammarLimits.schemaJsonLength` characters of JSON with `$ref`s expanded.
 */
export function normalizeTools(input: unknown): ToolDefinition[] {
    const entries = Array.isArray(input) ? input : [input];
    const tools: ToolDefinition[] = [];
    const names = new Set<string>();
    const lengths = new WeakMap<object, number>();
    let length = 0;
    entries.forEach((entry, index) => {
        const tool = normalizeTool(entry, index);
        if (names.has(tool.name))
            throw new ToolSchemaError(tool.name, "$.name", "duplicate tool name");
        length += expandedJsonLength(tool.parameters, lengths);
        if (length > grammarLimits.schemaJsonLength)
            throw new ToolSchemaError(tool.name, "$.parameters",
                `the tools are too large: their parameters reach ${length} characters of JSON with $refs expanded, more than ${grammarLimits.schemaJsonLength}`);
        names.add(tool.name);
        tools.push(tool);
    });
    return tools;
}

function normalizeTool(entry: unknown, index: number): ToolDefinition {
    if (!isPlainObject(entry)) throw new ToolSchemaError(index, "$", "a tool must be an object");
    let fields: Record<string, unknown>;
    let dialect: SchemaDialect;
    if (entry.type === "function" && Object.hasOwn(entry, "function")) {
        if (!isPlainObject(entry.function)) throw new ToolSchemaError(index, "$.function", `"function" must be an object`);
        fields = entry.function;
        dialect = "json-schema";
    } else if (entry.type === "function") {
        fields = entry;
        dialect = "json-schema";
    } else if (entry.type !== undefined) {
        throw new ToolSchemaError(index, "$.type", `unsupported tool type ${JSON.stringify(entry.type)} (only "function" tools)`);
    } else {
        fields = entry;
        dialect = "bfcl";
    }

    const name = fields.name;
    if (typeof name !== "string" || name === "") throw new ToolSchemaError(index, `$.name`, "the tool name must be a non-empty string");
    if (!toolNamePattern.test(name))
        throw new ToolSchemaError(name, `$.name`, "the tool name must be at most 256 characters of A-Z, a-z, 0-9, _, . and -");
    const description = fields.description ?? "";
    if (typeof description !== "string") throw new ToolSchemaError(name, `$.description`, `"description" must be a string`);

    const rootPath = "$.parameters";
    const raw = fields.parameters ?? {type: "object", properties: {}};
    // Tools converted from BFCL docs without converting their types keep BFCL's "dict" marker.
    if (isPlainObject(raw) && raw.type === "dict") dialect = "bfcl";
    const {schema: parameters, relaxed, checked} = normalizeParameters(raw, {tool: name, dialect, root: raw, rootPath});
    // The original schema judges calls where the grammar relaxes it, and where it enforces patterns and formats (a second opinion).
    return {name, description, parameters, ...(relaxed.length > 0 ? {relaxed} : {}), ...(checked ? {originalParameters: raw} : {})};
}
