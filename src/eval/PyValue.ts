import {PyValueError} from "./PyValueError.js";

/**
 * A Python value as BFCL's checker sees it after `json.loads` or after decoding a prompt-mode
 * reply: `None` (null), `bool`, `str`, `int` (exact, bigint), `float`, `list` (a JS array),
 * `tuple` and `dict`. Ints and floats stay distinct because the checker tests `type(x) == int`.
 */
export type PyValue = null | boolean | string | PyInt | PyFloat | PyList | PyTuple | PyDict;

export interface PyInt {
    readonly kind: "int";
    readonly value: bigint;
}

export interface PyFloat {
    readonly kind: "float";
    readonly value: number;
}

export type PyList = readonly PyValue[];

export interface PyTuple {
    readonly kind: "tuple";
    readonly items: readonly PyValue[];
}

/** Python type names, as `type(x).__name__` prints them. */
export type PyTypeName = "NoneType" | "bool" | "int" | "float" | "str" | "list" | "tuple" | "dict";

export function pyInt(value: bigint | number): PyInt {
    if (typeof value === "number" && !Number.isInteger(value)) {
        throw new PyValueError("py_not_integer", `pyInt needs an integer, got ${value}`, {value});
    }
    return {kind: "int", value: BigInt(value)};
}

export function pyFloat(value: number): PyFloat {
    return {kind: "float", value};
}

export function pyTuple(items: readonly PyValue[]): PyTuple {
    return {kind: "tuple", items};
}

export function pyTypeOf(value: PyValue): PyTypeName {
    if (value === null) return "NoneType";
    if (typeof value === "boolean") return "bool";
    if (typeof value === "string") return "str";
    if (Array.isArray(value)) return "list";
    return (value as PyInt | PyFloat | PyTuple | PyDict).kind;
}

export function isPyList(value: PyValue): value is PyList {
    return Array.isArray(value);
}

export function isPyDict(value: PyValue): value is PyDict {
    return pyTypeOf(value) === "dict";
}

/**
 * The key a value has in a Python dict: equal keys (`1`, `1.0`, `True`) share one. Lists and
 * dicts are unhashable (Python raises `TypeError`).
 */
export function pyHashKey(value: PyValue): string {
    switch (pyTypeOf(value)) {
        case "NoneType": return "N";
        case "str": return `s:${value as string}`;
        case "bool": return `n:${value === true ? 1 : 0}`;
        case "int": return `n:${(value as PyInt).value}`;
        case "float": {
            const x = (value as PyFloat).value;
            if (Number.isInteger(x)) return `n:${BigInt(x)}`;
            return `f:${Number.isNaN(x) ? "nan" : String(x)}`;
        }
        case "tuple": return `t:(${(value as PyTuple).items.map(pyHashKey).join(",")})`;
        default:
            throw new PyValueError("py_unhashable", `unhashable type: '${pyTypeOf(value)}'`, {pythonError: "TypeError"});
    }
}

/**
 * A Python dict: insertion-ordered, keys compared the Python way (`{1: "a", 1.0: "b"}` is
 * `{1: "b"}`: the first key object stays, the last value wins). Immutable once built.
 */
export class PyDict {
    public readonly kind = "dict";
    private readonly map: Map<string, readonly [PyValue, PyValue]>;

    private constructor(map: Map<string, readonly [PyValue, PyValue]>) {
        this.map = map;
    }

    public static from(entries: Iterable<readonly [PyValue, PyValue]>): PyDict {
        const map = new Map<string, readonly [PyValue, PyValue]>();
        for (const [key, value] of entries) {
            const hash = pyHashKey(key);
            const existing = map.get(hash);
            map.set(hash, [existing === undefined ? key : existing[0], value]);
        }
        return new PyDict(map);
    }

    public static readonly empty: PyDict = PyDict.from([]);

    public get size(): number {
        return this.map.size;
    }

    public has(key: PyValue): boolean {
        return this.map.has(safeHashKey(key));
    }

    public get(key: PyValue): PyValue | undefined {
        return this.map.get(safeHashKey(key))?.[1];
    }

    public keys(): PyValue[] {
        return [...this.map.values()].map((entry) => entry[0]);
    }

    public values(): PyValue[] {
        return [...this.map.values()].map((entry) => entry[1]);
    }

    public entries(): (readonly [PyValue, PyValue])[] {
        return [...this.map.values()];
    }
}

/** Lookups with an unhashable key find nothing (Python would raise; the checker never does it). */
function safeHashKey(key: PyValue): string {
    const type = pyTypeOf(key);
    return type === "list" || type === "dict" ? "\u0000unhashable" : pyHashKey(key);
}

/** Builds a dict from string keys, the shape of JSON objects and keyword arguments. */
export function pyDict(record: Readonly<Record<string, PyValue>> | Iterable<readonly [string, PyValue]>): PyDict {
    if (Symbol.iterator in record) return PyDict.from(record as Iterable<readonly [string, PyValue]>);
    return PyDict.from(Object.entries(record));
}
