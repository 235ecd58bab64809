import {BfclCheckerCrash} from "./BfclCheckerCrash.js";
import {pyEquals, pyIncludes} from "./pyEquals.js";
import {type PyDict, type PyInt, type PyTuple, type PyValue, pyTypeOf} from "./PyValue.js";

/**
 * The Python sequence operations BFCL's checker applies to ground-truth alternatives, with
 * Python's behaviour on every shape: iterating a str gives its characters, a dict its keys, and
 * what Python refuses raises {@link BfclCheckerCrash}.
 */

/** `for x in value` */
export function pyIterate(value: PyValue): readonly PyValue[] {
    switch (pyTypeOf(value)) {
        case "list": return value as readonly PyValue[];
        case "tuple": return (value as PyTuple).items;
        case "str": return [...(value as string)];
        case "dict": return (value as PyDict).keys();
        default: throw new BfclCheckerCrash("TypeError", `'${pyTypeOf(value)}' object is not iterable`);
    }
}

/** `len(value)` */
export function pyLen(value: PyValue): number {
    switch (pyTypeOf(value)) {
        case "list": return (value as readonly PyValue[]).length;
        case "tuple": return (value as PyTuple).items.length;
        case "str": return [...(value as string)].length;
        case "dict": return (value as PyDict).size;
        default: throw new BfclCheckerCrash("TypeError", `object of type '${pyTypeOf(value)}' has no len()`);
    }
}

/** `[value[i] for i in range(len(value))]` */
export function pyIndexedItems(value: PyValue): readonly PyValue[] {
    const length = pyLen(value);
    const items: PyValue[] = [];
    for (let i = 0; i < length; i++) items.push(pyGetItem(value, {kind: "int", value: BigInt(i)}));
    return items;
}

/** `container[key]` */
export function pyGetItem(container: PyValue, key: PyValue): PyValue {
    const type = pyTypeOf(container);
    if (type === "dict") {
        const found = (container as PyDict).get(key);
        if (found === undefined) throw new BfclCheckerCrash("KeyError", `KeyError: ${String(key)}`);
        return found;
    }
    if (type === "list" || type === "tuple" || type === "str") {
        const keyType = pyTypeOf(key);
        if (keyType !== "int" && keyType !== "bool") throw new BfclCheckerCrash("TypeError", `${type} indices must be integers`);
        const items = type === "list" ? container as readonly PyValue[] : type === "tuple" ? (container as PyTuple).items : [...(container as string)];
        let index = keyType === "bool" ? (key === true ? 1 : 0) : Number((key as PyInt).value);
        if (index < 0) index += items.length;
        const found = items[index];
        if (index < 0 || found === undefined) throw new BfclCheckerCrash("IndexError", `${type} index out of range`);
        return found;
    }
    throw new BfclCheckerCrash("TypeError", `'${type}' object is not subscriptable`);
}

/** `item in container` */
export function pyContains(container: PyValue, item: PyValue): boolean {
    switch (pyTypeOf(container)) {
        case "list": return pyIncludes(container as readonly PyValue[], item);
        case "tuple": return pyIncludes((container as PyTuple).items, item);
        case "dict": {
            const keyType = pyTypeOf(item);
            if (keyType === "list" || keyType === "dict") throw new BfclCheckerCrash("TypeError", `unhashable type: '${keyType}'`);
            return (container as PyDict).has(item);
        }
        case "str":
            if (typeof item !== "string") throw new BfclCheckerCrash("TypeError", `'in <string>' requires string as left operand, not ${pyTypeOf(item)}`);
            return (container as string).includes(item);
        default: throw new BfclCheckerCrash("TypeError", `argument of type '${pyTypeOf(container)}' is not iterable`);
    }
}

/** `a == ""` as the checker writes it for "this alternative means the parameter may be omitted". */
export function isOmitMarker(value: PyValue): boolean {
    return pyEquals(value, "");
}
