import {grammarLimits} from "./grammarLimits.js";

/**
 * `expr` repeated `min` to `max` times (undefined `max`: unbounded) in GBNF; `expr` must be a
 * single item (a rule name, literal, class or parenthesised group). Empty when `max` is 0.
 */
export function gbnfRepetition(expr: string, min: number, max: number | undefined): string {
    if (max === 0) return "";
    if (max === undefined) return min === 0 ? `${expr}*` : min === 1 ? `${expr}+` : `${expr}{${min},}`;
    if (min === max) return min === 1 ? expr : `${expr}{${min}}`;
    if (min === 0 && max === 1) return `${expr}?`;
    return `${expr}{${min},${max}}`;
}

/**
 * The most repetitions a grammar allows (undefined: unbounded): the schema's own maximum, lowered
 * by a global cap and by llama.cpp's repetition limit (above which it would silently drop the
 * bound), but never below the schema's minimum.
 */
export function cappedMaximum(min: number, schemaMax: number | undefined, cap: number | undefined): number | undefined {
    if (schemaMax === undefined && cap === undefined) return undefined;
    const max = Math.min(schemaMax ?? Infinity, cap ?? Infinity, grammarLimits.repetitions);
    return Math.max(max, min);
}
