import {grammarLimits} from "./grammarLimits.js";
import {nonNegativeRangeGbnf} from "./nonNegativeRangeGbnf.js";

/**
 * A parenthesised GBNF expression for JSON integers from `minimum` to `maximum` (inclusive;
 * undefined: unbounded), exactly. Integers have at most `grammarLimits.integerDigits` digits, so
 * an unbounded side stops at ±`grammarLimits.maxInteger`. `-0` is never produced.
 */
export function integerRangeGbnf(minimum: number | undefined, maximum: number | undefined): string {
    const limit = grammarLimits.maxInteger;
    if (minimum === undefined && maximum === undefined)
        return `("0" | "-"? [1-9] [0-9]{0,${grammarLimits.integerDigits - 1}})`;
    const low = Math.max(minimum ?? -limit, -limit);
    const high = Math.min(maximum ?? limit, limit);
    if (low > high) throw new RangeError(`empty integer range ${low}..${high}`);
    const alternatives: string[] = [];
    if (low < 0) alternatives.push(`"-" (${nonNegativeRangeGbnf(Math.max(1, -high), -low)})`);
    if (high >= 0) alternatives.push(nonNegativeRangeGbnf(Math.max(0, low), high));
    return `(${alternatives.join(" | ")})`;
}
