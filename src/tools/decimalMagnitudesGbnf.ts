import {grammarLimits} from "./grammarLimits.js";
import {nonNegativeRangeGbnf} from "./nonNegativeRangeGbnf.js";

/** A non-negative decimal bound: its integer part, its fraction digits (no trailing zeros) and whether the bound itself is allowed. */
export type DecimalBound = {whole: number, fraction: string, inclusive: boolean};

/** Most fraction digits of a decimal bound the grammar enforces exactly (beyond, a bound is widened to integers). */
export const maxBoundFractionDigits = 6;

/** `value` (non-negative) as a decimal bound, or undefined when its shortest decimal form has more fraction digits than the grammar enforces. */
export function decimalBound(value: number, inclusive: boolean): DecimalBound | undefined {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
    if (match === null || (match[2]?.length ?? 0) > maxBoundFractionDigits) return undefined;
    return {whole: Number(match[1]), fraction: (match[2] ?? "").replace(/0+$/, ""), inclusive};
}

type Digits = {expr: string | undefined, canEnd: boolean};

/**
 * Alternatives for non-negative numerals (integer part and optional fraction, no exponent) whose
 * value lies between two decimal bounds, `from` below `to` (`to` undefined: no upper bound). The
 * integer part of a bound with a fraction is written with fraction digits compared digit by digit
 * with the bound's; the integers between come with any fraction. Numerals keep to 15 significant
 * digits where a bound is exclusive, so that none parses onto the bound.
 */
export function decimalMagnitudesGbnf(from: DecimalBound, to: DecimalBound | undefined): string[] {
    if (to !== undefined && (from.whole > to.whole || (from.whole === to.whole && compareFractions(from.fraction, to.fraction) > 0))) return [];
    const fractionCap = (whole: number): number => from.inclusive && (to?.inclusive ?? true)
        ? grammarLimits.fractionDigits
        : Math.max(0, Math.min(grammarLimits.fractionDigits, grammarLimits.exclusiveBoundDigits - String(whole).length));
    const alternatives: string[] = [];
    if (to !== undefined && from.whole === to.whole) {
        const piece = wholePiece(from.whole, from, to, fractionCap(from.whole));
        return piece === undefined ? [] : [piece];
    }
    const lower = wholePiece(from.whole, from, undefined, fractionCap(from.whole));
    if (lower !== undefined) alternatives.push(lower);
    // Integers between, with any fraction; the one just below an exclusive integer bound keeps to 15 digits (9.99…9 must not read as 10).
    const lastMiddle = to === undefined ? grammarLimits.maxInteger : to.whole - 1;
    const capLast = to !== undefined && !to.inclusive && to.fraction === "";
    const withFraction = (range: string, cap: number): string => `${range}${cap > 0 ? ` ("." [0-9]{1,${cap}})?` : ""}`;
    if (from.whole + 1 <= lastMiddle - (capLast ? 1 : 0))
        alternatives.push(withFraction(`(${nonNegativeRangeGbnf(from.whole + 1, lastMiddle - (capLast ? 1 : 0))})`, grammarLimits.fractionDigits));
    if (capLast && from.whole + 1 <= lastMiddle)
        alternatives.push(withFraction(`"${lastMiddle}"`, Math.max(0, Math.min(grammarLimits.fractionDigits, grammarLimits.exclusiveBoundDigits - String(lastMiddle).length))));
    if (to !== undefined) {
        const upper = wholePiece(to.whole, undefined, to, fractionCap(to.whole));
        if (upper !== undefined) alternatives.push(upper);
    }
    return alternatives;
}

/** Numerals with integer part `whole` whose fraction lies between the bounds' fractions (a missing bound: no limit on that side). */
function wholePiece(whole: number, low: DecimalBound | undefined, high: DecimalBound | undefined, cap: number): string | undefined {
    const lowFraction = low === undefined ? undefined : {digits: low.fraction, strict: !low.inclusive};
    const highFraction = high === undefined ? undefined : {digits: high.fraction, strict: !high.inclusive};
    // The bare integer is the fraction "" (value 0).
    const bare = (lowFraction === undefined || (lowFraction.digits === "" && !lowFraction.strict))
        && (highFraction === undefined || highFraction.digits !== "" || !highFraction.strict);
    const fraction = cap > 0 ? fractionDigits(lowFraction, highFraction, cap) : undefined;
    if (!bare && fraction === undefined) return undefined;
    const literal = `"${whole}"`;
    if (fraction === undefined) return literal;
    return bare ? `${literal} ("." ${fraction})?` : `${literal} "." ${fraction}`;
}

/**
 * Non-empty fraction digit strings (at most `cap` digits) whose value as a fraction lies above
 * `low` and below `high` (each inclusive unless strict), or undefined when none does.
 */
function fractionDigits(low: {digits: string, strict: boolean} | undefined, high: {digits: string, strict: boolean} | undefined, cap: number): string | undefined {
    const digitAt = (digits: string, i: number): number => i < digits.length ? Number(digits[i]) : 0;
    const any = (count: number): string => count === 1 ? "[0-9]" : `[0-9]{1,${count}}`;
    const nonZero = (count: number): string => count === 1 ? "[1-9]" : `([1-9] [0-9]{0,${count - 1}} | "0" ${nonZero(count - 1)})`;
    const rest = (digits: Digits): string | undefined => digits.expr === undefined ? (digits.canEnd ? "" : undefined) : digits.canEnd ? `(${digits.expr})?` : digits.expr;
    const generate = (i: number, tightLow: boolean, tightHigh: boolean): Digits => {
        const lowOk = !tightLow || (i >= low!.digits.length && !low!.strict);
        const highOk = !tightHigh || i < high!.digits.length || !high!.strict;
        const canEnd = lowOk && highOk;
        if (i >= cap) return {expr: undefined, canEnd};
        const left = cap - i;
        if (!tightLow && !tightHigh) return {expr: any(left), canEnd};
        if (tightLow && !tightHigh && i >= low!.digits.length) return low!.strict ? {expr: nonZero(left), canEnd: false} : {expr: any(left), canEnd};
        if (tightHigh && i >= high!.digits.length) {
            // Past the upper bound's digits only zeros keep the value at the bound.
            if (high!.strict) return {expr: undefined, canEnd: false};
            return {expr: left === 1 ? `"0"` : `"0"{1,${left}}`, canEnd};
        }
        const a = tightLow ? digitAt(low!.digits, i) : 0;
        const b = tightHigh ? digitAt(high!.digits, i) : 9;
        const alternatives: string[] = [];
        const push = (digit: number, next: Digits): void => {
            const tail = rest(next);
            if (tail !== undefined) alternatives.push(tail === "" ? `"${digit}"` : `"${digit}" ${tail}`);
        };
        if (a === b) push(a, generate(i + 1, tightLow, tightHigh));
        else {
            if (tightLow) push(a, generate(i + 1, true, false));
            const from = tightLow ? a + 1 : a;
            const to = tightHigh ? b - 1 : b;
            if (from <= to) alternatives.push(`[${from === to ? from : `${from}-${to}`}]${left > 1 ? ` [0-9]{0,${left - 1}}` : ""}`);
            if (tightHigh) push(b, generate(i + 1, false, true));
        }
        return {expr: alternatives.length === 0 ? undefined : alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`, canEnd};
    };
    const digits = generate(0, low !== undefined, high !== undefined);
    return digits.expr === undefined ? undefined : digits.expr.includes(" ") && !digits.expr.startsWith("(") ? `(${digits.expr})` : digits.expr;
}

function compareFractions(a: string, b: string): number {
    const length = Math.max(a.length, b.length);
    const x = a.padEnd(length, "0");
    const y = b.padEnd(length, "0");
    return x < y ? -1 : x > y ? 1 : 0;
}
