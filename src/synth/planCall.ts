import type {JsonSchema} from "../tools/JsonSchema.js";
import type {JsonValue} from "../tools/JsonValue.js";
import type {GeneratedValue} from "./GeneratedValue.js";
import {generateValue} from "./generateValue.js";
import type {PlannedArgument, PlannedCall} from "./PlannedCall.js";
import type {PoolTool} from "./PoolTool.js";
import type {SynthRandom} from "./SynthRandom.js";

export interface PlanOptions {
    /** Chance that an optional parameter is mentioned (and so passed). */
    optionalRate: number;
    /** Values written verbatim only (exact-copy items). */
    literalOnly?: boolean;
    /** Values to reuse instead of generating (parallel calls sharing arguments); `null` forces omission of an optional one. */
    fixed?: ReadonlyMap<string, GeneratedValue | null>;
}

/**
 * Plans one call of `tool`: every required parameter and some optional ones, with generated
 * values (an optional parameter's value avoids its default, so mentioning it says something).
 */
export function planCall(tool: PoolTool, rng: SynthRandom, options: PlanOptions): PlannedCall {
    const {properties, required} = tool.definition.parameters;
    const args: PlannedArgument[] = [];
    for (const [name, schema] of Object.entries(properties)) {
        const isRequired = required.includes(name);
        const fixed = options.fixed?.get(name);
        if (fixed === null) continue;
        if (fixed === undefined && !isRequired && !rng.chance(options.optionalRate)) continue;
        const hint = tool.hints[name];
        const description = (schema as {description?: string}).description ?? "";
        const value = fixed ?? generateValue(schema, {name, description, toolDescription: tool.definition.description, hint, literalOnly: options.literalOnly, avoid: (schema as {default?: JsonValue}).default}, rng);
        args.push({name, schema: schema as JsonSchema, hint, required: isRequired, value});
    }
    orderRanges(args);
    return {tool, args};
}

const starts = /^(start|from|begin|check_?in|departure|depart|earliest|min|lower|since|first|pickup)(_|$)|(_|^)(start|from|min|lower|begin|since)$/i;
const ends = /^(end|to|until|finish|check_?out|return|arrival|latest|max|upper|last|dropoff)(_|$)|(_|^)(end|to|max|upper|until)$/i;

/** Swaps values so that start/end (from/to, min/max...) pairs of the same type come in order: a range a person would ask for. */
function orderRanges(args: PlannedArgument[]): void {
    const base = (name: string): string => name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
    for (const low of args) {
        if (!starts.test(base(low.name))) continue;
        const stem = base(low.name).replace(starts, "");
        for (const high of args) {
            if (high === low || !ends.test(base(high.name)) || base(high.name).replace(ends, "") !== stem) continue;
            const a = low.value.value;
            const b = high.value.value;
            if ((typeof a === "number" && typeof b === "number" && a > b) || (typeof a === "string" && typeof b === "string" && /^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b) && a > b)) {
                const swap = low.value;
                low.value = high.value;
                high.value = swap;
            }
        }
    }
}
