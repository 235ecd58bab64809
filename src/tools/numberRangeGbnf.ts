import {grammarLimits} from "./grammarLimits.js";
import {nonNegativeRangeGbnf} from "./nonNegativeRangeGbnf.js";
import {type DecimalBound, decimalBound, decimalMagnitudesGbnf, maxBoundFractionDigits} from "./decimalMagnitudesGbnf.js";

/** Bounds of a number schema: integers, or decimals of at most six fraction digits (as `normalizeTools` guarantees). */
export interface NumberBounds {
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
}

interface Bound {value: number, inclusive: boolean}

const fraction = `("." [0-9]{1,${grammarLimits.fractionDigits}})`;
const zeroFraction = `("." "0"{1,${grammarLimits.fractionDigits}})`;
/** The grammar's own limit on integer parts (not a schema bound): a numeral may round up to it. */
const beyond: Bound = {value: grammarLimits.maxInteger + 1, inclusive: false};

/**
 * A parenthesised GBNF expression for JSON numbers within integer-valued bounds, exactly.
 * Unbounded, it allows a sign, up to 15 integer digits and 16 digits in all, and a two-digit
 * exponent; with a bound, no exponent (so that every accepted numeral is provably in range) and
 * up to 15 integer and 15 fraction digits (15 digits in all next to an exclusive bound).
 */
export function numberRangeGbnf(bounds: NumberBounds): string {
    const values = [bounds.minimum, bounds.maximum, bounds.exclusiveMinimum, bounds.exclusiveMaximum].filter((value): value is number => value !== undefined);
    if (values.some((value) => !Number.isInteger(value))) return decimalRangeGbnf(bounds);
    const lower = bound(bounds.minimum, bounds.exclusiveMinimum);
    const upper = bound(bounds.maximum, bounds.exclusiveMaximum);
    if (lower === undefined && upper === undefined)
        return `("-"? (${unboundedMantissas().join(" | ")}) ([eE] [-+]? [0-9]{1,${grammarLimits.exponentDigits}})?)`;

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

/** numberRangeGbnf for bounds with fractions (see decimalMagnitudesGbnf): non-negative numerals, then negative ones mirrored. */
function decimalRangeGbnf(bounds: NumberBounds): string {
    const lower = decimalSide(bounds.minimum, bounds.exclusiveMinimum);
    const upper = decimalSide(bounds.maximum, bounds.exclusiveMaximum);
    const decimal = (side: {value: number, inclusive: boolean}): DecimalBound => {
        const parsed = decimalBound(Math.abs(side.value), side.inclusive);
        if (parsed === undefined) throw new RangeError(`number bound ${side.value} has more than ${maxBoundFractionDigits} fraction digits`);
        return parsed;
    };
    const alternatives: string[] = [];
    if (upper === undefined || upper.value > 0 || (upper.value === 0 && upper.inclusive)) {
        const from = lower === undefined || lower.value < 0 ? {value: 0, inclusive: true} : lower;
        alternatives.push(...decimalMagnitudesGbnf(decimal(from), upper === undefined ? undefined : decimal(upper)));
    }
    if (lower === undefined || lower.value < 0) {
        const from = upper === undefined || upper.value >= 0 ? {value: 0, inclusive: false} : {value: -upper.value, inclusive: upper.inclusive};
        const negative = decimalMagnitudesGbnf(decimal(from), lower === undefined ? undefined : decimal({value: -lower.value, inclusive: lower.inclusive}));
        if (negative.length > 0) alternatives.push(`"-" (${negative.join(" | ")})`);
    }
    if (alternatives.length === 0) throw new RangeError("empty number range");
    return `(${alternatives.join(" | ")})`;
}

function decimalSide(inclusive: number | undefined, exclusive: number | undefined): {value: number, inclusive: boolean} | undefined {
    const value = inclusive ?? exclusive;
    return value === undefined ? undefined : {value, inclusive: inclusive !== undefined};
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

/**
 * Alternatives for non-negative numerals with a value between `from` and `to`.
 * A numeral next to an exclusive bound keeps to `grammarLimits.exclusiveBoundDigits` digits in
 * all: any two such decimals are distinct doubles, so none rounds onto the bound when parsed
 * (999999999999999.00001 would read as 999999999999999, which `exclusiveMinimum` excludes).
 */
function magnitudes(from: Bound, to: Bound): string[] {
    if (from.value > to.value) return [];
    if (from.value === to.value)
        return from.inclusive && to.inclusive ? [`"${from.value}" ${zeroFraction}?`] : [];
    const capBelowTo = !to.inclusive && to !== beyond;
    const alternatives: string[] = [];
    if (from.inclusive) alternatives.push(withFraction(`"${from.value}"`, capBelowTo && from.value === to.value - 1 ? cappedDigits(from.value) : undefined));
    else {
        const digits = cappedDigits(from.value);
        if (digits > 0) alternatives.push(`"${from.value}" "." ${nonZeroDigits(digits)}`);
    }
    const last = capBelowTo ? to.value - 2 : to.value - 1;
    if (from.value + 1 <= last) alternatives.push(withFraction(`(${nonNegativeRangeGbnf(from.value + 1, last)})`, undefined));
    if (capBelowTo && from.value + 1 <= to.value - 1) alternatives.push(withFraction(`"${to.value - 1}"`, cappedDigits(to.value - 1)));
    if (to.inclusive) alternatives.push(`"${to.value}" ${zeroFraction}?`);
    return alternatives;
}

/** Fraction digits allowed after the integer part `whole` next to an exclusive bound. */
function cappedDigits(whole: number): number {
    return Math.min(grammarLimits.fractionDigits, grammarLimits.exclusiveBoundDigits - String(whole).length);
}

/** `integerPart` with an optional fraction of up to `digits` digits (default: the usual cap). */
function withFraction(integerPart: string, digits: number | undefined): string {
    if (digits === undefined) return `${integerPart} ${fraction}?`;
    if (digits <= 0) return integerPart;
    return `${integerPart} ("." [0-9]${digits === 1 ? "" : `{1,${digits}}`})?`;
}

/** Fraction digits (1 to `digits` of them) that are not all zeros, written without ambiguity: zeros, then a non-zero digit, then any. */
function nonZeroDigits(digits: number): string {
    if (digits === 1) return "[1-9]";
    return `([1-9] [0-9]{0,${digits - 1}} | "0" ${nonZeroDigits(digits - 1)})`;
}
