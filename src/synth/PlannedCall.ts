import type {JsonSchema} from "../tools/JsonSchema.js";
import type {GeneratedValue} from "./GeneratedValue.js";
import type {PoolTool} from "./PoolTool.js";
import type {ParamHint} from "./ParamHint.js";

/** One argument of a planned call: the parameter, its value and how to phrase it. */
export interface PlannedArgument {
    name: string;
    schema: JsonSchema;
    hint: ParamHint | undefined;
    required: boolean;
    value: GeneratedValue;
}

/** A call the request will ask for: the tool and its arguments, in schema order. */
export interface PlannedCall {
    tool: PoolTool;
    args: PlannedArgument[];
}
