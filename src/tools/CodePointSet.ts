/** The largest Unicode code point. */
const MAX_CODE_POINT = 0x10ffff;
const SURROGATES: readonly [number, number] = [0xd800, 0xdfff];

/**
 * A set of Unicode scalar values (code points other than surrogates) as sorted, disjoint,
 * non-adjacent inclusive ranges: the characters a regular expression's class, escape or dot
 * stands for.
 */
export class CodePointSet {
    private constructor(public readonly ranges: readonly (readonly [number, number])[]) {}

    public static readonly empty = new CodePointSet([]);

    /** The set of the given ranges (in any order, overlapping or not), surrogates left out. */
    public static of(ranges: Iterable<readonly [number, number]>): CodePointSet {
        const sorted = [...ranges].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
        const merged: [number, number][] = [];
        for (const [lo, hi] of sorted) {
            const last = merged[merged.length - 1];
            if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
            else merged.push([lo, hi]);
        }
        return new CodePointSet(merged).minus(new CodePointSet([SURROGATES]));
    }

    public static char(codePoint: number): CodePointSet {
        return CodePointSet.of([[codePoint, codePoint]]);
    }

    public union(other: CodePointSet): CodePointSet {
        return CodePointSet.of([...this.ranges, ...other.ranges]);
    }

    /** Every scalar value not in this set. */
    public complement(): CodePointSet {
        const out: [number, number][] = [];
        let next = 0;
        for (const [lo, hi] of this.ranges) {
            if (lo > next) out.push([next, lo - 1]);
            next = hi + 1;
        }
        if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
        return CodePointSet.of(out);
    }

    public minus(other: CodePointSet): CodePointSet {
        const out: [number, number][] = [];
        for (const [lo, hi] of this.ranges) {
            let start = lo;
            for (const [olo, ohi] of other.ranges) {
                if (ohi < start || olo > hi) continue;
                if (olo > start) out.push([start, olo - 1]);
                start = Math.max(start, ohi + 1);
            }
            if (start <= hi) out.push([start, hi]);
        }
        return new CodePointSet(out);
    }

    public intersect(other: CodePointSet): CodePointSet {
        return this.minus(this.minus(other));
    }

    public has(codePoint: number): boolean {
        return this.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
    }

    public get isEmpty(): boolean {
        return this.ranges.length === 0;
    }

    /** The set with each ASCII letter's other case added (what a case-insensitive format's regular expression matches). */
    public withAsciiCaseVariants(): CodePointSet {
        const extra: [number, number][] = [];
        for (const [from, to, shift] of [[0x41, 0x5a, 0x20], [0x61, 0x7a, -0x20]] as const) {
            const part = this.intersect(CodePointSet.of([[from, to]]));
            for (const [lo, hi] of part.ranges) extra.push([lo + shift, hi + shift]);
        }
        return this.union(CodePointSet.of(extra));
    }
}
