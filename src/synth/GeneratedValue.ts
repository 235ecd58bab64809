import type {JsonValue} from "../tools/JsonValue.js";

/**
 * A generated argument value and how the request writes it. `literal` is true when every string
 * and number inside `value` appears verbatim in `text` (a paraphrased date is not literal);
 * `exact` when some part of it is a must-copy value (a code, an address, a decimal number).
 */
export interface GeneratedValue {
    value: JsonValue;
    text: string;
    literal: boolean;
    exact: boolean;
}
