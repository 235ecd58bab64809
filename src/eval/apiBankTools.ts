import type {JsonValue} from "../tools/JsonValue.js";
import type {ApiBankApi} from "./ApiBankItem.js";

/** API-Bank's parameter types as JSON Schema; any other type (`datetime`, `Union[...]`...) is a string. */
const TYPES: Readonly<Record<string, {[key: string]: JsonValue}>> = {
    "str": {type: "string"},
    "int": {type: "integer"},
    "float": {type: "number"},
    "bool": {type: "boolean"},
    "list": {type: "array"},
    "list(str)": {type: "array", items: {type: "string"}},
    "List[str]": {type: "array", items: {type: "string"}},
    "dict": {type: "object"}
};

/**
 * API-Bank APIs as OpenAI tools: each input parameter with its type mapped to JSON Schema and
 * its description. No parameter is required: API-Bank's descriptions do not say which ones are
 * optional, and its expected calls leave some out (ForgotPassword's steps, Translate's `src_lang`).
 */
export function apiBankTools(apis: readonly ApiBankApi[]): {type: "function", function: {name: string, description: string, parameters: {[key: string]: JsonValue}}}[] {
    return apis.map((api) => ({
        type: "function",
        function: {
            name: api.name,
            description: api.description,
            parameters: {
                type: "object",
                properties: Object.fromEntries(api.parameters.map((param) => [param.name, {
                    ...(Object.hasOwn(TYPES, param.type) ? TYPES[param.type] : {type: "string"}),
                    description: param.description
                }])),
                required: []
            }
        }
    }));
}
