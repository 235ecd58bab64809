import type {JsonValue} from "../tools/JsonValue.js";
import {type FunctionDoc, parseFunctionDoc} from "./FunctionDoc.js";
import {parseLosslessJson} from "./parseLosslessJson.js";

/** An OpenAI function tool, as requests and synthetic items carry them (parameters in JSON Schema). */
export interface OpenAIFunctionTool {
    readonly type?: string;
    readonly function: {readonly name: string, readonly description?: string, readonly parameters?: unknown};
}

/**
 * JSON Schema type names that BFCL spells differently: the inverse of BFCL's `GORILLA_TO_OPENAPI`
 * (see bfclFcTools) for the types JSON Schema has. Every other type name is the same in both.
 */
const BFCL_TYPE_NAMES: Readonly<Record<string, string>> = {number: "float", object: "dict"};

type JsonObject = {[key: string]: JsonValue};

/**
 * The BFCL function docs of OpenAI tools, for scoring answers to requests that used those tools
 * with {@link checkCalls}: the way back from bfclFcTools. Schema types are renamed to BFCL's
 * (`number` → `float`, `object` → `dict`) at every depth (properties and items); a list of types
 * (`["string", "null"]`) becomes its first type other than `null`; every other key (`enum`,
 * `default`, `required`, `minimum`...) is kept. Names are kept as given. Numbers go through the
 * lossless JSON reader, so `5` is an int and `5.5` a float, as in BFCL's own files.
 */
export function functionDocsFromTools(tools: readonly OpenAIFunctionTool[]): FunctionDoc[] {
    return tools.map((tool, index) => {
        const parameters = isObject(tool.function.parameters as JsonValue) ? toBfclSchema(tool.function.parameters as JsonObject) : {type: "dict", properties: {}};
        const doc = {name: tool.function.name, description: tool.function.description ?? "", parameters};
        return parseFunctionDoc(parseLosslessJson(JSON.stringify(doc)), `$.tools[${index}].function`);
    });
}

function toBfclSchema(schema: JsonObject): JsonObject {
    const out: JsonObject = {...schema};
    const type = Array.isArray(schema.type) ? schema.type.find((name) => name !== "null") : schema.type;
    if (typeof type === "string") out.type = BFCL_TYPE_NAMES[type] ?? type;
    else delete out.type;
    if (isObject(schema.properties)) {
        out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, isObject(value) ? toBfclSchema(value) : value]));
    }
    if (isObject(schema.items)) out.items = toBfclSchema(schema.items);
    return out;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
