import {grammarLimits} from "./grammarLimits.js";
import {decimalBound} from "./decimalMagnitudesGbnf.js";

type Fail = (problem: string) => never;
interface Bound {value: number, exclusive: boolean}

function readBound(raw: Record<string, unknown>, inclusiveKey: string, exclusiveKey: string, fail: Fail, tighter: (a: number, b: number) => boolean): Bound | undefined {
    const inclusive = raw[inclusiveKey];
    const exclusive = raw[exclusiveKey];
    if (inclusive !== undefined && (typeof inclusive !== "number" || !Number.isFinite(inclusive)))
        fail(`"${inclusiveKey}" must be a number`);
    if (exclusive !== undefined && typeof exclusive !== "boolean" && (typeof exclusive !== "number" || !Number.isFinite(exclusive)))
        fail(`"${exclusiveKey}" must be a number (or, draft-04 style, a boolean)`);
    const candidates: Bound[] = [];
    if (typeof inclusive === "number") candidates.push({value: inclusive, exclusive: exclusive === true});
    else if (exclusive === true) fail(`"${exclusiveKey}": true needs "${inclusiveKey}"`);
    if (typeof exclusive === "number") candidates.push({value: exclusive, exclusive: true});
    return candidates.reduce<Bound | undefined>((best, next) => {
        if (best === undefined || tighter(next.value, best.value)) return next;
        return next.value === best.value && next.exclusive ? next : best;
    }, undefined);
}

function readBounds(raw: Record<string, unknown>, fail: Fail): {lower?: Bound, upper?: Bound} {
    const lower = readBound(raw, "minimum", "exclusiveMinimum", fail, (a, b) => a > b);
    const upper = readBound(raw, "maximum", "exclusiveMaximum", fail, (a, b) => a < b);
    return {...(lower === undefined ? {} : {lower}), ...(upper === undefined ? {} : {upper})};
}

function checkReach(lowest: number | undefined, highest: number | undefined, fail: Fail): void {
    const limit = grammarLimits.maxInteger;
    if ((lowest !== undefined && lowest > limit) || (highest !== undefined && highest < -limit))
        fail(`bounds beyond ±${limit} are not supported`);
}

/**
 * Reads `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum` (draft-04 boolean forms too)
 * of an integer schema as inclusive integer bounds.
 */
export function normalizeIntegerBounds(raw: Record<string, unknown>, fail: Fail): {minimum?: number, maximum?: number} {
    const {lower, upper} = readBounds(raw, fail);
    const minimum = lower === undefined ? undefined : lower.exclusive ? Math.floor(lower.value) + 1 : Math.ceil(lower.value);
    const maximum = upper === undefined ? undefined : upper.exclusive ? Math.ceil(upper.value) - 1 : Math.floor(upper.value);
    if (minimum !== undefined && maximum !== undefined && minimum > maximum) fail(`the integer range [${minimum}, ${maximum}] is empty`);
    checkReach(minimum, maximum, fail);
    return {...(minimum === undefined ? {} : {minimum}), ...(maximum === undefined ? {} : {maximum})};
}

/**
 * Reads the bounds of a number schema; of an inclusive and an exclusive bound on one side the
 * tighter is kept. The grammar enforces integer bounds and decimal ones of up to six fraction
 * digits (and fifteen digits in all) exactly; a bound with more is widened to the integer outside
 * it (inclusive), and `widened` is told its keyword (the exact bound is then checked on each call
 * against the original schema).
 */
export function normalizeNumberBounds(raw: Record<string, unknown>, fail: Fail, widened: (keyword: string) => void = () => undefined): {minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number} {
    let {lower, upper} = readBounds(raw, fail);
    if (lower !== undefined && upper !== undefined &&
        (lower.value > upper.value || (lower.value === upper.value && (lower.exclusive || upper.exclusive))))
        fail(`the number range is empty`);
    const exact = (value: number): boolean => Number.isInteger(value)
        || (decimalBound(Math.abs(value), true) !== undefined && String(Math.abs(value)).replace(".", "").replace(/^0+/, "").length <= grammarLimits.exclusiveBoundDigits);
    if (lower !== undefined && !exact(lower.value)) {
        widened(lower.exclusive ? "exclusiveMinimum" : "minimum");
        lower = {value: Math.floor(lower.value), exclusive: false};
    }
    if (upper !== undefined && !exact(upper.value)) {
        widened(upper.exclusive ? "exclusiveMaximum" : "maximum");
        upper = {value: Math.ceil(upper.value), exclusive: false};
    }
    checkReach(lower?.value, upper?.value, fail);
    return {
        ...(lower === undefined ? {} : lower.exclusive ? {exclusiveMinimum: lower.value} : {minimum: lower.value}),
        ...(upper === undefined ? {} : upper.exclusive ? {exclusiveMaximum: upper.value} : {maximum: upper.value})
    };
}
