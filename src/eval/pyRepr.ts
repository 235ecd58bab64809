import {formatPyFloat} from "./formatPyFloat.js";
import {pyStringRepr} from "./pyStringRepr.js";
import {type PyDict, type PyFloat, type PyInt, type PyTuple, type PyValue, pyTypeOf} from "./PyValue.js";

/** Python `repr(x)`: `{'a': [1, 2.0, True, None, (3,)]}`. */
export function pyRepr(value: PyValue): string {
    switch (pyTypeOf(value)) {
        case "NoneType": return "None";
        case "bool": return value === true ? "True" : "False";
        case "int": return (value as PyInt).value.toString();
        case "float": return formatPyFloat((value as PyFloat).value);
        case "str": return pyStringRepr(value as string);
        case "list": return `[${(value as readonly PyValue[]).map(pyRepr).join(", ")}]`;
        case "tuple": {
            const items = (value as PyTuple).items;
            return items.length === 1 ? `(${pyRepr(items[0] as PyValue)},)` : `(${items.map(pyRepr).join(", ")})`;
        }
        case "dict":
            return `{${(value as PyDict).entries().map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
    }
}
