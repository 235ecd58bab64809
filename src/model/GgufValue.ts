import {GgufError} from "./GgufError.js";

/** The GGUF value type ids (`enum gguf_type` in ggml/include/gguf.h). */
export const ggufTypeIds = {
    uint8: 0,
    int8: 1,
    uint16: 2,
    int16: 3,
    uint32: 4,
    int32: 5,
    float32: 6,
    bool: 7,
    string: 8,
    array: 9,
    uint64: 10,
    int64: 11,
    float64: 12
} as const;

/** The element types a GGUF scalar or array can have (arrays of arrays are not valid GGUF). */
export type GgufScalarType = Exclude<keyof typeof ggufTypeIds, "array">;

/** The JavaScript representation of each element type: typed arrays keep numeric arrays exact and compact. */
export interface GgufArrayOf {
    uint8: Uint8Array;
    int8: Int8Array;
    uint16: Uint16Array;
    int16: Int16Array;
    uint32: Uint32Array;
    int32: Int32Array;
    float32: Float32Array;
    uint64: BigUint64Array;
    int64: BigInt64Array;
    float64: Float64Array;
    bool: boolean[];
    string: string[];
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type SmallNumberType = "uint8" | "int8" | "uint16" | "int16" | "uint32" | "int32" | "float32" | "float64";

/**
 * One typed GGUF metadata value. The type is kept exactly as stored: a `uint32` stays a `uint32`
 * when a file is read and written back. 64-bit integers are bigints, numeric arrays typed arrays.
 * Strings are UTF-8 in the file; a string that is not valid UTF-8 cannot be represented and is
 * rejected by the reader rather than silently altered.
 */
export type GgufValue =
    | {type: SmallNumberType, value: number}
    | {type: "uint64" | "int64", value: bigint}
    | {type: "bool", value: boolean}
    | {type: "string", value: string}
    | {[T in keyof GgufArrayOf]: {type: "array", itemType: T, value: GgufArrayOf[T]}}[keyof GgufArrayOf];

/** Constructors for typed values, e.g. `GgufValue.uint32(4)`, `GgufValue.array("string", ["a"])`. */
export const GgufValue = {
    uint8: (value: number): GgufValue => ({type: "uint8", value}),
    int8: (value: number): GgufValue => ({type: "int8", value}),
    uint16: (value: number): GgufValue => ({type: "uint16", value}),
    int16: (value: number): GgufValue => ({type: "int16", value}),
    uint32: (value: number): GgufValue => ({type: "uint32", value}),
    int32: (value: number): GgufValue => ({type: "int32", value}),
    float32: (value: number): GgufValue => ({type: "float32", value}),
    float64: (value: number): GgufValue => ({type: "float64", value}),
    uint64: (value: bigint): GgufValue => ({type: "uint64", value}),
    int64: (value: bigint): GgufValue => ({type: "int64", value}),
    bool: (value: boolean): GgufValue => ({type: "bool", value}),
    string: (value: string): GgufValue => ({type: "string", value}),
    array: <T extends keyof GgufArrayOf>(itemType: T, value: GgufArrayOf[T]): GgufValue =>
        ({type: "array", itemType, value} as GgufValue),

    /**
     * The value as a plain JavaScript number when it is a numeric scalar that fits exactly
     * (64-bit integers beyond 2^53 are refused), otherwise undefined.
     */
    toNumber(value: GgufValue | undefined): number | undefined {
        if (value === undefined || value.type === "array" || value.type === "string" || value.type === "bool") return undefined;
        if (typeof value.value === "bigint") {
            return value.value <= BigInt(Number.MAX_SAFE_INTEGER) && value.value >= BigInt(Number.MIN_SAFE_INTEGER)
                ? Number(value.value)
                : undefined;
        }
        return value.value;
    },

    /** A JSON-friendly rendering: bigints as decimal strings, typed arrays as plain arrays. */
    toJSON(value: GgufValue): unknown {
        if (value.type === "array") {
            const items = Array.from(value.value as ArrayLike<unknown>);
            return items.map((item) => typeof item === "bigint" ? item.toString() : item);
        }
        return typeof value.value === "bigint" ? value.value.toString() : value.value;
    },

    /** Throws `gguf_invalid_value` unless `value` can be encoded exactly as its declared type. */
    check(key: string, value: GgufValue): void {
        const fail = (problem: string): never => {
            throw new GgufError("gguf_invalid_value", `metadata key "${key}": ${problem}`, {key, type: value.type});
        };
        if (value.type === "array") {
            const constructors: Record<string, unknown> = {
                uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array, uint32: Uint32Array,
                int32: Int32Array, float32: Float32Array, uint64: BigUint64Array, int64: BigInt64Array, float64: Float64Array
            };
            const expected = constructors[value.itemType];
            if (expected !== undefined) {
                if (!(value.value instanceof (expected as new () => object))) fail(`array of ${value.itemType} must be a ${(expected as {name: string}).name}`);
            } else if (value.itemType === "bool") {
                if (!Array.isArray(value.value) || value.value.some((item) => typeof item !== "boolean")) fail("array of bool must hold booleans");
            } else if (value.itemType === "string") {
                if (!Array.isArray(value.value) || value.value.some((item) => typeof item !== "string")) fail("array of string must hold strings");
                const bad = value.value.findIndex((item) => loneSurrogate.test(item));
                if (bad >= 0) fail(`string ${bad} has a lone UTF-16 surrogate and cannot be written as UTF-8`);
            } else {
                fail(`unknown array item type ${String((value as {itemType: unknown}).itemType)}`);
            }
            return;
        }
        const ranges: Record<string, [number, number]> = {
            uint8: [0, 0xff], int8: [-0x80, 0x7f], uint16: [0, 0xffff], int16: [-0x8000, 0x7fff],
            uint32: [0, 0xffffffff], int32: [-0x80000000, 0x7fffffff]
        };
        switch (value.type) {
            case "uint8": case "int8": case "uint16": case "int16": case "uint32": case "int32": {
                const [min, max] = ranges[value.type] as [number, number];
                if (!Number.isInteger(value.value) || value.value < min || value.value > max) fail(`${value.value} is not a ${value.type}`);
                return;
            }
            case "float32": case "float64":
                if (typeof value.value !== "number") fail("not a number");
                return;
            case "uint64":
                if (typeof value.value !== "bigint" || value.value < 0n || value.value > 0xffffffffffffffffn) fail(`${String(value.value)} is not a uint64 bigint`);
                return;
            case "int64":
                if (typeof value.value !== "bigint" || value.value < -(2n ** 63n) || value.value >= 2n ** 63n) fail(`${String(value.value)} is not an int64 bigint`);
                return;
            case "bool":
                if (typeof value.value !== "boolean") fail("not a boolean");
                return;
            case "string":
                if (typeof value.value !== "string") fail("not a string");
                if (loneSurrogate.test(value.value)) fail("the string has a lone UTF-16 surrogate and cannot be written as UTF-8");
                return;
            default:
                fail(`unknown type ${String((value as {type: unknown}).type)}`);
        }
    }
};
