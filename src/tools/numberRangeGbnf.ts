import {grammarLimits} from "./grammarLimits.js";
import {nonNegativeRangeGbnf} from "./nonNegativeRangeGbnf.js";

/** Bounds of a number schema, integer-valued (as `normalizeTools` guarantees). */
export interface NumberBounds {
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
}

interface Bound {value: number, inclusive: boolean}

const fraction = `("." [0-9]{1,${grammarLimits.fractionDigits}})`;
const zeroFraction = `("." "0"{1,${grammarLimits.fractionDigits}})`;
const nonZeroFraction = `"." "0"{0,${grammarLimits.fractionDigits - 1}} [1-9] [0-9]{0,${grammarLimits.fractionDigits - 1}}`;

/**
 * A parenthesised GBNF expression for JSON numbers within integer-valued bounds, exactly.
 * Unbounded, it allows a sign, up to 15 integer digits and 16 digits in all, and a two-digit
 * exponent; with a bound, no exponent (so that every accepted numeral is provably in range) and
 * up to 15 integer and 15 fraction digits.
 */
export function numberRangeGbnf(bounds: NumberBounds): string {
    const lower = bound(bounds.minimum, bounds.exclusiveMinimum);
    const upper = bound(bounds.maximum, bounds.exclusiveMaximum);
    if (lower === undefined && upper === undefined)
        return `("-"? (${unboundedMantissas().join(" | ")}) ([eE] [-+]? [0-9]{1,${grammarLimits.exponentDigits}})?)`;

    const beyond: Bound = {value: grammarLimits.maxInteger + 1, inclusive: false};
    const clamp = (limit: Bound): Bound => limit.value > grammarLimits.maxInteger ? beyond : limit;
    const alternatives: string[] = [];
    if (upper === undefined || upper.value > 0 || (upper.value === 0 && upper.inclusive)) {
        const from = lower === undefined || lower.value < 0 ? {value: 0, inclusive: true} : lower;
        alternatives.push(...magnitudes(from, clamp(upper ?? beyond)));
    }
    if (lower === undefined || lower.value < 0) {
        const from = upper === undefined || upper.value >= 0 ? {value: 0, inclusive: false} : {value: -upper.value, inclusive: upper.inclusive};
        const to = lower === undefined ? beyond : clamp({value: -lower.value, inclusive: lower.inclusive});
        const negative = magnitudes(from, to);
        if (negative.length > 0) alternatives.push(`"-" (${negative.join(" | ")})`);
    }
    if (alternatives.length === 0) throw new RangeError("empty number range");
    return `(${alternatives.join(" | ")})`;
}

/**
 * Mantissas with at most `grammarLimits.significantDigits` digits in all, written so that llama.cpp
 * never has to follow two alternatives at once: after each integer digit, either the fraction
 * (with the digits still allowed) or one more integer digit.
 */
function unboundedMantissas(): string[] {
    const total = grammarLimits.significantDigits;
    const fractionAfter = (digits: number): string => {
        const allowed = Math.min(grammarLimits.fractionDigits, total - digits);
        return allowed === 1 ? `"." [0-9]` : `"." [0-9]{1,${allowed}}`;
    };
    let tail = `(${fractionAfter(grammarLimits.integerDigits)})?`;
    for (let digits = grammarLimits.integerDigits - 1; digits >= 1; digits--)
        tail = `(${fractionAfter(digits)} | [0-9] ${tail})?`;
    return [`"0" (${fractionAfter(1)})?`, `[1-9] ${tail}`];
}

function bound(inclusive: number | undefined, exclusive: number | undefined): Bound | undefined {
    const value = inclusive ?? exclusive;
    if (value === undefined) return undefined;
    if (!Number.isInteger(value)) throw new RangeError(`number bound ${value} is not an integer`);
    return {value, inclusive: inclusive !== undefined};
}

/** Alternatives for non-negative numerals with a value between `from` and `to`. */
function magnitudes(from: Bound, to: Bound): string[] {
    if (from.value > to.value) return [];
    if (from.value === to.value)
        return from.inclusive && to.inclusive ? [`"${from.value}" ${zeroFraction}?`] : [];
    const alternatives = [from.inclusive ? `"${from.value}" ${fraction}?` : `"${from.value}" ${nonZeroFraction}`];
    if (from.value + 1 <= to.value - 1) alternatives.push(`(${nonNegativeRangeGbnf(from.value + 1, to.value - 1)}) ${fraction}?`);
    if (to.inclusive) alternatives.push(`"${to.value}" ${zeroFraction}?`);
    return alternatives;
}
