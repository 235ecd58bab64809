/**
 * Limits that keep grammar-constrained JSON sane and inside what llama.cpp's GBNF parser
 * accepts. `normalizeTools` rejects schemas that cannot be compiled within them, so every
 * normalised tool compiles.
 */
export const grammarLimits = {
    /** llama.cpp's GBNF parser rejects `x{n}` above 2000 and silently turns `x{0,n}` into `x*`. */
    repetitions: 2000,
    /** Integer parts have at most this many digits: every integer the grammar allows is a safe JS integer. */
    integerDigits: 15,
    /** Fraction digits of a number. */
    fractionDigits: 15,
    /** Integer and fraction digits of an unbounded number together. */
    significantDigits: 16,
    /**
     * Integer and fraction digits together of a bounded number next to an exclusive bound: decimals
     * of 15 digits are distinct doubles, so such a numeral never parses as the bound itself.
     */
    exclusiveBoundDigits: 15,
    /** Exponent digits of a number (`1e99` at most: no overflow to Infinity). */
    exponentDigits: 2,
    /** How deeply a free-form value (`{}` schema, free-form object) may nest arrays and objects. */
    anyValueDepth: 3,
    /** The largest integer (in absolute value) the grammar writes: 10^15 - 1. */
    maxInteger: 999_999_999_999_999,
    /** How deeply schemas may nest (with `$ref`s followed), and enum/const/default values too. */
    schemaDepth: 64,
    /**
     * Most characters of JSON that a request's normalised tool schemas may take with `$ref`s
     * expanded: shared definitions could otherwise grow exponentially when rendered or compiled.
     */
    schemaJsonLength: 1_048_576,
    /** How many times a recursive `$ref` is unrolled inside itself (deeper, optional parts of it are left out); fewer when the schema would be too large. */
    refRecursion: 3,
    /** Most items of a tuple (`prefixItems`): each nests one group deeper in the grammar. */
    tupleItems: 64
} as const;
