import {type PyDict, type PyFloat, type PyInt, type PyTuple, type PyValue, pyTypeOf} from "./PyValue.js";

/**
 * Python `==` between two values: numbers compare by exact mathematical value across bool, int
 * and float (`1 == 1.0 == True`, NaN equals nothing), strings by content, lists and tuples
 * element-wise (a list never equals a tuple), dicts by key set and values. Other pairs are unequal.
 */
export function pyEquals(a: PyValue, b: PyValue): boolean {
    const ta = pyTypeOf(a);
    const tb = pyTypeOf(b);
    const na = numericOf(a, ta);
    const nb = numericOf(b, tb);
    if (na !== undefined || nb !== undefined) {
        if (na === undefined || nb === undefined) return false;
        return numbersEqual(na, nb);
    }
    if (ta !== tb) return false;
    switch (ta) {
        case "NoneType": return true;
        case "str": return a === b;
        case "list": return sequencesEqual(a as readonly PyValue[], b as readonly PyValue[]);
        case "tuple": return sequencesEqual((a as PyTuple).items, (b as PyTuple).items);
        case "dict": {
            const da = a as PyDict;
            const db = b as PyDict;
            if (da.size !== db.size) return false;
            for (const [key, value] of da.entries()) {
                const other = db.get(key);
                if (other === undefined || !pyEquals(value, other)) return false;
            }
            return true;
        }
        default: return false;
    }
}

/** Python `item in container` for a list or tuple: any element `==` the item. */
export function pyIncludes(container: readonly PyValue[], item: PyValue): boolean {
    return container.some((element) => pyEquals(element, item));
}

function sequencesEqual(a: readonly PyValue[], b: readonly PyValue[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        if (!pyEquals(a[i] as PyValue, b[i] as PyValue)) return false;
    }
    return true;
}

function numericOf(value: PyValue, type: string): bigint | number | undefined {
    if (type === "bool") return value === true ? 1n : 0n;
    if (type === "int") return (value as PyInt).value;
    if (type === "float") return (value as PyFloat).value;
    return undefined;
}

function numbersEqual(a: bigint | number, b: bigint | number): boolean {
    if (typeof a === "bigint" && typeof b === "bigint") return a === b;
    if (typeof a === "number" && typeof b === "number") return a === b;
    const big = (typeof a === "bigint" ? a : b) as bigint;
    const float = (typeof a === "number" ? a : b) as number;
    return Number.isInteger(float) && BigInt(float) === big;
}
