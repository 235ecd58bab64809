import type {JsonValue} from "../tools/JsonValue.js";

/**
 * BFCL-style possible answer of one item: one entry per expected call, in order,
 * `{funcName: {param: [alternative, ...]}}`. `""` among the alternatives means the parameter may
 * be omitted; an object value is written as an object whose values are again lists of
 * alternatives (objects inside arrays too). An item that expects no call has `[]`.
 */
export type BfclGroundTruth = Array<Record<string, Record<string, JsonValue[]>>>;
