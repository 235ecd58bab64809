import type {JsonValue} from "../tools/JsonValue.js";
import type {PlannedCall} from "./PlannedCall.js";

/** The arguments object of a planned call, keyed in the schema's property order. */
export function callArguments(call: PlannedCall): {[param: string]: JsonValue} {
    const out: {[param: string]: JsonValue} = {};
    for (const arg of call.args) out[arg.name] = arg.value.value;
    return out;
}
