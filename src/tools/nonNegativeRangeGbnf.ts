/**
 * A GBNF expression matching exactly the decimal numerals (no leading zeros) of the integers
 * `from`..`to` (inclusive, 0 <= from <= to, safe integers). Alternatives are joined with `|`:
 * parenthesise the result before putting it in a sequence.
 */
export function nonNegativeRangeGbnf(from: number, to: number): string {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to)
        throw new RangeError(`invalid range ${from}..${to}`);
    const parts: string[] = [];
    const lastLength = String(to).length;
    for (let length = String(from).length; length <= lastLength; length++) {
        const low = length === String(from).length ? String(from) : "1" + "0".repeat(length - 1);
        const high = length === lastLength ? String(to) : "9".repeat(length);
        parts.push(sameLength(low, high));
    }
    return parts.join(" | ");
}

function digitClass(from: number, to: number): string {
    return from === to ? `[${from}]` : `[${from}-${to}]`;
}

function anyDigits(count: number): string {
    return count === 0 ? "" : count === 1 ? "[0-9]" : `[0-9]{${count}}`;
}

function join(...items: string[]): string {
    return items.filter((item) => item !== "").join(" ");
}

/** Digit strings of equal length between `low` and `high` (inclusive; leading zeros allowed). */
function sameLength(low: string, high: string): string {
    let common = 0;
    while (common < low.length && low[common] === high[common]) common++;
    const prefix = common > 0 ? `"${low.slice(0, common)}"` : "";
    if (common === low.length) return prefix;

    const restLow = low.slice(common + 1);
    const restHigh = high.slice(common + 1);
    const rest = restLow.length;
    const first = Number(low[common]);
    const last = Number(high[common]);
    const lowIsZeros = /^0*$/.test(restLow);
    const highIsNines = /^9*$/.test(restHigh);

    const alternatives: string[] = [];
    const middleFrom = lowIsZeros ? first : first + 1;
    const middleTo = highIsNines ? last : last - 1;
    if (!lowIsZeros) alternatives.push(join(digitClass(first, first), wrap(sameLength(restLow, "9".repeat(rest)))));
    if (middleFrom <= middleTo) alternatives.push(join(digitClass(middleFrom, middleTo), anyDigits(rest)));
    if (!highIsNines) alternatives.push(join(digitClass(last, last), wrap(sameLength("0".repeat(rest), restHigh))));
    const body = alternatives.length === 1 ? alternatives[0] as string : `(${alternatives.join(" | ")})`;
    return join(prefix, body);
}

function wrap(expr: string): string {
    return expr.includes("|") ? `(${expr})` : expr;
}
