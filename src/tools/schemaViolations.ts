import {Ajv2020, type ValidateFunction} from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type {ToolDefinition} from "./ToolDefinition.js";

/** ajv-formats is CommonJS: its function is the default export's `default` under Node's ESM interop. */
const addFormats = ((addFormatsModule as unknown as {default?: typeof addFormatsModule}).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Validators of tools' original parameters schemas: ajv (draft 2020-12 with draft-7 `definitions`,
 * formats from ajv-formats, unknown keywords ignored, draft-04 boolean exclusive bounds read as
 * `minimum`/`maximum`). A schema ajv cannot compile gets no validator (`undefined`).
 */
const ajv = addFormats(new Ajv2020({strict: false, allErrors: true, validateFormats: true, ownProperties: true, logger: false, validateSchema: false}));
const validators = new WeakMap<object, ValidateFunction | null>();

/**
 * How a call's arguments break its tool's original schema, for tools with relaxed keywords (see
 * RelaxedKeyword): one message per violation, `$.path: message` (e.g. `$.zip: must match pattern
 * "^[0-9]{5}$"`). Empty when the arguments satisfy it or the tool has nothing relaxed; `undefined`
 * when the original schema cannot be compiled (then nothing can be said).
 */
export function schemaViolations(tool: ToolDefinition, args: unknown): string[] | undefined {
    if (tool.originalParameters === undefined) return [];
    return violationsOf(tool.originalParameters, args);
}

/** How `value` breaks a raw JSON Schema, as schemaViolations words it; `undefined` when ajv cannot compile the schema. */
export function violationsOf(schema: unknown, value: unknown): string[] | undefined {
    const validate = validatorFor(schema);
    if (validate === undefined) return undefined;
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => {
        const where = "$" + error.instancePath.split("/").slice(1).map((part) => {
            const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
            return /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        }).join("");
        const detail = error.keyword === "additionalProperties" ? ` (${JSON.stringify((error.params as {additionalProperty?: string}).additionalProperty)})` : "";
        return `${where}: ${error.message ?? error.keyword}${detail}`;
    });
}

function validatorFor(schema: unknown): ValidateFunction | undefined {
    if (typeof schema !== "object" || schema === null) return undefined;
    let validate = validators.get(schema);
    if (validate === undefined) {
        try {
            validate = ajv.compile(draft4Bounds(schema) as object);
        } catch {
            validate = null;
        }
        validators.set(schema, validate);
    }
    return validate ?? undefined;
}

/** Draft-04's `exclusiveMinimum: true` (a flag on `minimum`) as draft 2020's numeric form, everywhere in the schema. */
function draft4Bounds(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map(draft4Bounds);
    if (typeof schema !== "object" || schema === null) return schema;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema)) out[key] = draft4Bounds(value);
    for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
        if (typeof out[flag] !== "boolean") continue;
        if (out[flag] === true && typeof out[bound] === "number") {
            out[flag] = out[bound];
            delete out[bound];
        } else delete out[flag];
    }
    return out;
}
