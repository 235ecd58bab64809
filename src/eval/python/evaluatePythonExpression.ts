import {pyEquals, pyIncludes} from "../pyEquals.js";
import {PyDict, type PyFloat, type PyInt, type PyTuple, type PyValue, pyFloat, pyInt, pyTuple, pyTypeOf} from "../PyValue.js";
import {PyValueError} from "../PyValueError.js";
import type {BinaryOperator, CompareOperator, PyExpr} from "./PythonAst.js";

const MAX_RESULT_BITS = 1_000_000;
const MAX_SEQUENCE_LENGTH = 10_000_000;

/**
 * Evaluates a literal Python expression the way `eval` would: constants, lists, tuples, dicts,
 * unary and binary arithmetic with Python semantics (exact ints, `/` gives a float, floor
 * division and modulo round toward negative infinity, `**`, shifts, bitwise operators, `str`/list
 * concatenation and repetition), `and`/`or`/`not`, comparisons and conditional expressions.
 * Names, calls and other non-literal forms raise {@link PyValueError} (`NameError` for a name,
 * otherwise "python_unsupported"), as do operations Python refuses (`TypeError`,
 * `ZeroDivisionError`, `OverflowError`...).
 */
export function evaluatePythonExpression(node: PyExpr): PyValue {
    switch (node.node) {
        case "Constant": {
            const value = node.value;
            switch (value.type) {
                case "str": return value.value;
                case "int": return pyInt(value.value);
                case "float": return pyFloat(value.value);
                case "bool": return value.value;
                case "None": return null;
                default: return unsupported(`${value.type} constants`);
            }
        }
        case "List": return node.elts.map(evaluateElement);
        case "Tuple": return pyTuple(node.elts.map(evaluateElement));
        case "Dict": {
            const entries = node.keys.map((key, i): [PyValue, PyValue] => {
                if (key === null) return unsupported("dict unpacking");
                return [evaluatePythonExpression(key), evaluatePythonExpression(node.values[i] as PyExpr)];
            });
            return PyDict.from(entries);
        }
        case "UnaryOp": return unaryOp(node.op, evaluatePythonExpression(node.operand));
        case "BinOp": return binaryOp(node.op, evaluatePythonExpression(node.left), evaluatePythonExpression(node.right));
        case "BoolOp": {
            let result: PyValue = null;
            for (const part of node.values) {
                result = evaluatePythonExpression(part);
                if (pyTruthy(result) === (node.op === "Or")) return result;
            }
            return result;
        }
        case "Compare": {
            let left = evaluatePythonExpression(node.left);
            for (let i = 0; i < node.ops.length; i++) {
                const right = evaluatePythonExpression(node.comparators[i] as PyExpr);
                if (!compare(node.ops[i] as CompareOperator, left, right)) return false;
                left = right;
            }
            return true;
        }
        case "IfExp":
            return pyTruthy(evaluatePythonExpression(node.test)) ? evaluatePythonExpression(node.body) : evaluatePythonExpression(node.orelse);
        case "Name":
            throw new PyValueError("python_name_error", `name '${node.id}' is not defined`, {pythonError: "NameError"});
        default:
            return unsupported(`evaluating ${node.node}`);
    }
}

function evaluateElement(node: PyExpr): PyValue {
    if (node.node === "Starred") return unsupported("starred elements");
    return evaluatePythonExpression(node);
}

function unsupported(what: string): never {
    throw new PyValueError("python_unsupported", `${what} is not supported`, {pythonError: "Unsupported"});
}

function typeError(message: string): never {
    throw new PyValueError("python_type_error", message, {pythonError: "TypeError"});
}

function zeroDivision(message: string): never {
    throw new PyValueError("python_zero_division", message, {pythonError: "ZeroDivisionError"});
}

function overflow(message: string): never {
    throw new PyValueError("python_overflow", message, {pythonError: "OverflowError"});
}

/** Python truthiness. */
export function pyTruthy(value: PyValue): boolean {
    switch (pyTypeOf(value)) {
        case "NoneType": return false;
        case "bool": return value as boolean;
        case "int": return (value as PyInt).value !== 0n;
        case "float": return (value as PyFloat).value !== 0;
        case "str": return (value as string).length > 0;
        case "list": return (value as readonly PyValue[]).length > 0;
        case "tuple": return (value as PyTuple).items.length > 0;
        case "dict": return (value as PyDict).size > 0;
    }
}

type Num = {readonly int: bigint} | {readonly float: number};

function numberOf(value: PyValue): Num | undefined {
    switch (pyTypeOf(value)) {
        case "bool": return {int: value === true ? 1n : 0n};
        case "int": return {int: (value as PyInt).value};
        case "float": return {float: (value as PyFloat).value};
        default: return undefined;
    }
}

function intToFloat(value: bigint): number {
    const x = Number(value);
    if (!Number.isFinite(x)) overflow("int too large to convert to float");
    return x;
}

function asFloat(n: Num): number {
    return "int" in n ? intToFloat(n.int) : n.float;
}

function sequenceOf(value: PyValue): readonly PyValue[] | string | undefined {
    const type = pyTypeOf(value);
    if (type === "str") return value as string;
    if (type === "list") return value as readonly PyValue[];
    if (type === "tuple") return (value as PyTuple).items;
    return undefined;
}

function unaryOp(op: string, value: PyValue): PyValue {
    if (op === "Not") return !pyTruthy(value);
    const n = numberOf(value);
    if (n === undefined || (op === "Invert" && "float" in n)) typeError(`bad operand type for unary operator: '${pyTypeOf(value)}'`);
    if (op === "USub") return "int" in n ? pyInt(-n.int) : pyFloat(-n.float);
    if (op === "UAdd") return "int" in n ? pyInt(n.int) : pyFloat(n.float);
    return pyInt(-((n as {int: bigint}).int + 1n));
}

function binaryOp(op: BinaryOperator, left: PyValue, right: PyValue): PyValue {
    const a = numberOf(left);
    const b = numberOf(right);
    if (a !== undefined && b !== undefined) return numericOp(op, a, b, left, right);
    if (op === "Add") {
        const type = pyTypeOf(left);
        if (type === pyTypeOf(right)) {
            if (type === "str") return (left as string) + (right as string);
            if (type === "list") return [...(left as readonly PyValue[]), ...(right as readonly PyValue[])];
            if (type === "tuple") return pyTuple([...(left as PyTuple).items, ...(right as PyTuple).items]);
        }
    }
    if (op === "Mult") {
        const repeated = a === undefined ? left : right;
        const count = a === undefined ? b : a;
        if (count !== undefined && "int" in count) return repeat(repeated, count.int);
    }
    if (op === "Mod" && typeof left === "string") return unsupported("printf-style string formatting");
    return typeError(`unsupported operand type(s) for ${op}: '${pyTypeOf(left)}' and '${pyTypeOf(right)}'`);
}

function repeat(value: PyValue, count: bigint): PyValue {
    const sequence = sequenceOf(value);
    if (sequence === undefined) typeError(`can't multiply sequence by non-int of type '${pyTypeOf(value)}'`);
    const times = count < 0n ? 0 : Number(count);
    if (sequence.length * times > MAX_SEQUENCE_LENGTH) unsupported("sequences this long");
    if (typeof sequence === "string") return sequence.repeat(times);
    const items: PyValue[] = [];
    for (let i = 0; i < times; i++) items.push(...sequence);
    return pyTypeOf(value) === "tuple" ? pyTuple(items) : items;
}

function numericOp(op: BinaryOperator, a: Num, b: Num, left: PyValue, right: PyValue): PyValue {
    const bothBool = typeof left === "boolean" && typeof right === "boolean";
    if ("int" in a && "int" in b) return intOp(op, a.int, b.int, bothBool);
    if (["LShift", "RShift", "BitAnd", "BitOr", "BitXor", "MatMult"].includes(op)) {
        typeError(`unsupported operand type(s) for ${op}: '${pyTypeOf(left)}' and '${pyTypeOf(right)}'`);
    }
    return pyFloat(floatOp(op, asFloat(a), asFloat(b)));
}

function intOp(op: BinaryOperator, a: bigint, b: bigint, bothBool: boolean): PyValue {
    switch (op) {
        case "Add": return pyInt(a + b);
        case "Sub": return pyInt(a - b);
        case "Mult": return pyInt(checkSize(a * b));
        case "Div":
            if (b === 0n) zeroDivision("division by zero");
            return pyFloat(trueDivide(a, b));
        case "FloorDiv":
            if (b === 0n) zeroDivision("integer division or modulo by zero");
            return pyInt(floorDiv(a, b));
        case "Mod":
            if (b === 0n) zeroDivision("integer modulo by zero");
            return pyInt(a - floorDiv(a, b) * b);
        case "Pow":
            if (b < 0n) {
                if (a === 0n) zeroDivision("0.0 cannot be raised to a negative power");
                return pyFloat(floatOp("Pow", intToFloat(a), intToFloat(b)));
            }
            if (a !== 0n && a !== 1n && a !== -1n && bitLength(a) * Number(b) > MAX_RESULT_BITS) unsupported("integers this large");
            return pyInt(a ** b);
        case "LShift":
            if (b < 0n) throw new PyValueError("python_value_error", "negative shift count", {pythonError: "ValueError"});
            if (a !== 0n && bitLength(a) + Number(b) > MAX_RESULT_BITS) unsupported("integers this large");
            return pyInt(a << b);
        case "RShift":
            if (b < 0n) throw new PyValueError("python_value_error", "negative shift count", {pythonError: "ValueError"});
            return pyInt(a >> b);
        case "BitAnd": return bothBool ? (a & b) !== 0n : pyInt(a & b);
        case "BitOr": return bothBool ? (a | b) !== 0n : pyInt(a | b);
        case "BitXor": return bothBool ? (a ^ b) !== 0n : pyInt(a ^ b);
        case "MatMult": return typeError("unsupported operand type(s) for @: 'int' and 'int'");
    }
}

function checkSize(value: bigint): bigint {
    if (bitLength(value) > MAX_RESULT_BITS) unsupported("integers this large");
    return value;
}

function bitLength(value: bigint): number {
    return (value < 0n ? -value : value).toString(2).length;
}

function floorDiv(a: bigint, b: bigint): bigint {
    const q = a / b;
    return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** int / int, correctly rounded when both fit in a double exactly (as Python's is always). */
function trueDivide(a: bigint, b: bigint): number {
    const result = Number(a) / Number(b);
    if (!Number.isFinite(result)) overflow("integer division result too large for a float");
    return result;
}

function floatOp(op: BinaryOperator, x: number, y: number): number {
    switch (op) {
        case "Add": return x + y;
        case "Sub": return x - y;
        case "Mult": return x * y;
        case "Div":
            if (y === 0) zeroDivision("float division by zero");
            return x / y;
        case "FloorDiv":
            if (y === 0) zeroDivision("float floor division by zero");
            return floatDivmod(x, y)[0];
        case "Mod":
            if (y === 0) zeroDivision("float modulo");
            return floatDivmod(x, y)[1];
        case "Pow": {
            if (x === 0 && y < 0) zeroDivision("0.0 cannot be raised to a negative power");
            if (x < 0 && Number.isFinite(y) && !Number.isInteger(y)) unsupported("complex results");
            if (x === 1 || y === 0) return 1;
            const result = Math.pow(x, y);
            if (!Number.isFinite(result) && Number.isFinite(x) && Number.isFinite(y)) overflow("(34, 'Numerical result out of range')");
            return result;
        }
        default: return typeError(`unsupported operand type(s) for ${op}: 'float' and 'float'`);
    }
}

/** CPython's float_divmod. */
function floatDivmod(vx: number, wx: number): [number, number] {
    let mod = vx % wx;
    let div = (vx - mod) / wx;
    if (mod !== 0) {
        if ((wx < 0) !== (mod < 0)) {
            mod += wx;
            div -= 1;
        }
    } else {
        mod = wx < 0 ? -0 : 0;
    }
    let floordiv: number;
    if (div !== 0) {
        floordiv = Math.floor(div);
        if (div - floordiv > 0.5) floordiv += 1;
    } else {
        floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
    }
    return [floordiv, mod];
}

function compare(op: CompareOperator, left: PyValue, right: PyValue): boolean {
    switch (op) {
        case "Eq": return pyEquals(left, right);
        case "NotEq": return !pyEquals(left, right);
        case "In": case "NotIn": {
            const found = contains(right, left);
            return op === "In" ? found : !found;
        }
        case "Is": case "IsNot": {
            if (left !== null && right !== null && typeof left !== "boolean" && typeof right !== "boolean") unsupported("identity comparison");
            return (left === right) === (op === "Is");
        }
        default: {
            const order = ordering(left, right, op);
            if (order === undefined) return false;
            switch (op) {
                case "Lt": return order < 0;
                case "LtE": return order <= 0;
                case "Gt": return order > 0;
                default: return order >= 0;
            }
        }
    }
}

function contains(container: PyValue, item: PyValue): boolean {
    const type = pyTypeOf(container);
    if (type === "str") {
        if (typeof item !== "string") typeError(`'in <string>' requires string as left operand, not ${pyTypeOf(item)}`);
        return (container as string).includes(item);
    }
    if (type === "list") return pyIncludes(container as readonly PyValue[], item);
    if (type === "tuple") return pyIncludes((container as PyTuple).items, item);
    if (type === "dict") return (container as PyDict).has(item);
    return typeError(`argument of type '${type}' is not iterable`);
}

/** Sign of left - right; undefined when unordered (a NaN is involved). */
function ordering(left: PyValue, right: PyValue, op: string): number | undefined {
    const a = numberOf(left);
    const b = numberOf(right);
    if (a !== undefined && b !== undefined) return compareNumbers(a, b);
    const type = pyTypeOf(left);
    if (type === pyTypeOf(right)) {
        if (type === "str") return left === right ? 0 : (left as string) < (right as string) ? -1 : 1;
        if (type === "list" || type === "tuple") {
            const x = sequenceOf(left) as readonly PyValue[];
            const y = sequenceOf(right) as readonly PyValue[];
            for (let i = 0; i < Math.min(x.length, y.length); i++) {
                if (!pyEquals(x[i] as PyValue, y[i] as PyValue)) return ordering(x[i] as PyValue, y[i] as PyValue, op);
            }
            return x.length - y.length;
        }
    }
    return typeError(`'${op}' not supported between instances of '${pyTypeOf(left)}' and '${pyTypeOf(right)}'`);
}

function compareNumbers(a: Num, b: Num): number | undefined {
    if ("int" in a && "int" in b) return a.int === b.int ? 0 : a.int < b.int ? -1 : 1;
    if ("float" in a && "float" in b) {
        if (Number.isNaN(a.float) || Number.isNaN(b.float)) return undefined;
        return a.float === b.float ? 0 : a.float < b.float ? -1 : 1;
    }
    const big = ("int" in a ? a.int : (b as {int: bigint}).int);
    const float = ("float" in a ? a.float : (b as {float: number}).float);
    const sign = "int" in a ? 1 : -1;
    if (Number.isNaN(float)) return undefined;
    let order: number;
    if (!Number.isFinite(float)) order = float > 0 ? -1 : 1;
    else {
        const floor = BigInt(Math.floor(float));
        if (big <= floor) order = big < floor || !Number.isInteger(float) ? -1 : 0;
        else order = 1;
    }
    return order * sign;
}
