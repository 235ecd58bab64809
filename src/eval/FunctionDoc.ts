import {BfclDataError} from "./BfclDataError.js";
import {type PyDict, type PyValue, pyTypeOf} from "./PyValue.js";

/** A parameter schema of a BFCL function doc (types are BFCL's: `dict`, `float`, `integer`...). */
export interface ParamSchema {
    readonly type?: string;
    readonly description?: string;
    readonly items?: ParamSchema;
    readonly properties?: ReadonlyMap<string, ParamSchema>;
    readonly required?: readonly string[];
    readonly enum?: readonly PyValue[];
    /** Present when the schema has a `default` (which may be `None`). */
    readonly default?: PyValue;
    /** The schema exactly as loaded (ints and floats kept apart), for re-serialising it. */
    readonly raw: PyDict;
}

/** One entry of a BFCL question's `function` list. */
export interface FunctionDoc {
    readonly name: string;
    readonly description: string;
    readonly parameters: ParamSchema & {readonly properties: ReadonlyMap<string, ParamSchema>, readonly required: readonly string[]};
    readonly raw: PyDict;
}

/**
 * Reads a function doc from its losslessly parsed JSON. `name` and a `parameters` dict are
 * required; missing `properties` / `required` read as empty. Throws {@link BfclDataError}
 * (`bfcl_bad_entry`) with the JSON path of the offending part.
 */
export function parseFunctionDoc(value: PyValue, path = "$"): FunctionDoc {
    const doc = expectDict(value, path);
    const name = doc.get("name");
    if (typeof name !== "string") throw bad(`${path}.name`, "a function doc needs a string name");
    const description = doc.get("description");
    const parameters = parseSchema(doc.get("parameters") ?? null, `${path}.parameters`);
    return {
        name,
        description: typeof description === "string" ? description : "",
        parameters: {...parameters, properties: parameters.properties ?? new Map(), required: parameters.required ?? []},
        raw: doc,
    };
}

function parseSchema(value: PyValue, path: string): ParamSchema {
    const raw = expectDict(value, path);
    const type = raw.get("type");
    const description = raw.get("description");
    const items = raw.get("items");
    const properties = raw.get("properties");
    const required = raw.get("required");
    const enumValues = raw.get("enum");
    const schema: {-readonly [K in keyof ParamSchema]: ParamSchema[K]} = {raw};
    if (type !== undefined) {
        if (typeof type !== "string") throw bad(`${path}.type`, "a schema type must be a string");
        schema.type = type;
    }
    if (typeof description === "string") schema.description = description;
    if (items !== undefined) schema.items = parseSchema(items, `${path}.items`);
    if (properties !== undefined) {
        const props = expectDict(properties, `${path}.properties`);
        schema.properties = new Map(props.entries().map(([key, prop]) => {
            if (typeof key !== "string") throw bad(`${path}.properties`, "property names must be strings");
            return [key, parseSchema(prop, `${path}.properties.${key}`)];
        }));
    }
    if (required !== undefined) {
        if (!Array.isArray(required) || !required.every((r) => typeof r === "string")) {
            throw bad(`${path}.required`, "required must be a list of strings");
        }
        schema.required = required as string[];
    }
    if (enumValues !== undefined && Array.isArray(enumValues)) schema.enum = enumValues;
    if (raw.has("default")) schema.default = raw.get("default") as PyValue;
    return schema;
}

function expectDict(value: PyValue, path: string): PyDict {
    if (pyTypeOf(value) !== "dict") throw bad(path, `expected an object, got ${pyTypeOf(value)}`);
    return value as PyDict;
}

function bad(path: string, message: string): BfclDataError {
    return new BfclDataError("bfcl_bad_entry", `${message} (at ${path})`, {path});
}
