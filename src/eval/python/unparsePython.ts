import {formatPyFloat} from "../formatPyFloat.js";
import {pyStringRepr} from "../pyStringRepr.js";
import type {BinaryOperator, CompareOperator, Comprehension, ConstantValue, LambdaParam, PyExpr, UnaryOperator} from "./PythonAst.js";
import {PythonSyntaxError} from "./PythonSyntaxError.js";

/** ast.unparse precedence levels (`_Precedence`). */
const P = {
    NAMED_EXPR: 1, TUPLE: 2, YIELD: 3, TEST: 4, OR: 5, AND: 6, NOT: 7, CMP: 8, EXPR: 9, BOR: 9, BXOR: 10,
    BAND: 11, SHIFT: 12, ARITH: 13, TERM: 14, FACTOR: 15, POWER: 16, AWAIT: 17, ATOM: 18,
} as const;

const BINARY: Readonly<Record<BinaryOperator, readonly [string, number]>> = {
    Add: ["+", P.ARITH], Sub: ["-", P.ARITH], Mult: ["*", P.TERM], MatMult: ["@", P.TERM], Div: ["/", P.TERM],
    Mod: ["%", P.TERM], FloorDiv: ["//", P.TERM], LShift: ["<<", P.SHIFT], RShift: [">>", P.SHIFT],
    BitOr: ["|", P.BOR], BitXor: ["^", P.BXOR], BitAnd: ["&", P.BAND], Pow: ["**", P.POWER],
};
const UNARY: Readonly<Record<UnaryOperator, readonly [string, number]>> = {
    Invert: ["~", P.FACTOR], Not: ["not", P.NOT], UAdd: ["+", P.FACTOR], USub: ["-", P.FACTOR],
};
const COMPARE: Readonly<Record<CompareOperator, string>> = {
    Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=", Is: "is", IsNot: "is not", In: "in", NotIn: "not in",
};

/**
 * Python's `ast.unparse` for an expression node: the same spacing (`f(1, x=2)`, `a + b`), the
 * same minimal parentheses from operator precedence, constants through `repr` (`'text'`,
 * `1000.0`). F-strings are not modelled and raise {@link PythonSyntaxError} ("python_unsupported").
 */
export function unparsePython(node: PyExpr): string {
    return unparse(node, P.TEST);
}

function parens(needed: boolean, text: string): string {
    return needed ? `(${text})` : text;
}

function unparse(node: PyExpr, precedence: number): string {
    switch (node.node) {
        case "Constant": return unparseConstant(node.value);
        case "JoinedStr":
            throw new PythonSyntaxError("f-strings are not supported", node.pos, {unsupported: true});
        case "Name": return node.id;
        case "NamedExpr":
            return parens(precedence > P.NAMED_EXPR, `${unparse(node.target, P.ATOM)} := ${unparse(node.value, P.ATOM)}`);
        case "Starred": return `*${unparse(node.value, P.EXPR)}`;
        case "Yield": case "YieldFrom": {
            const word = node.node === "Yield" ? "yield" : "yield from";
            return parens(precedence > P.YIELD, node.value === null ? word : `${word} ${unparse(node.value, P.ATOM)}`);
        }
        case "Await": return parens(precedence > P.AWAIT, `await ${unparse(node.value, P.ATOM)}`);
        case "List": return `[${node.elts.map((e) => unparse(e, P.TEST)).join(", ")}]`;
        case "Tuple": {
            const inner = itemsView(node.elts);
            return node.elts.length === 0 || precedence > P.TUPLE ? `(${inner})` : inner;
        }
        case "Set":
            return node.elts.length === 0 ? "{*()}" : `{${node.elts.map((e) => unparse(e, P.TEST)).join(", ")}}`;
        case "Dict": {
            const items = node.keys.map((key, i) => {
                const value = node.values[i] as PyExpr;
                return key === null ? `**${unparse(value, P.EXPR)}` : `${unparse(key, P.TEST)}: ${unparse(value, P.TEST)}`;
            });
            return `{${items.join(", ")}}`;
        }
        case "ListComp": return `[${unparse(node.elt, P.TEST)}${generators(node.generators)}]`;
        case "SetComp": return `{${unparse(node.elt, P.TEST)}${generators(node.generators)}}`;
        case "GeneratorExp": return `(${unparse(node.elt, P.TEST)}${generators(node.generators)})`;
        case "DictComp":
            return `{${unparse(node.key, P.TEST)}: ${unparse(node.value, P.TEST)}${generators(node.generators)}}`;
        case "IfExp":
            return parens(precedence > P.TEST,
                `${unparse(node.body, P.TEST + 1)} if ${unparse(node.test, P.TEST + 1)} else ${unparse(node.orelse, P.TEST)}`);
        case "UnaryOp": {
            const [op, level] = UNARY[node.op];
            const space = level === P.FACTOR ? "" : " ";
            return parens(precedence > level, `${op}${space}${unparse(node.operand, level)}`);
        }
        case "BinOp": {
            const [op, level] = BINARY[node.op];
            const rightAssoc = node.op === "Pow";
            const left = unparse(node.left, rightAssoc ? level + 1 : level);
            const right = unparse(node.right, rightAssoc ? level : level + 1);
            return parens(precedence > level, `${left} ${op} ${right}`);
        }
        case "Compare": {
            let text = unparse(node.left, P.CMP + 1);
            node.ops.forEach((op, i) => {
                text += ` ${COMPARE[op]} ${unparse(node.comparators[i] as PyExpr, P.CMP + 1)}`;
            });
            return parens(precedence > P.CMP, text);
        }
        case "BoolOp": {
            let level: number = node.op === "And" ? P.AND : P.OR;
            const own = level;
            const parts = node.values.map((value) => unparse(value, ++level));
            return parens(precedence > own, parts.join(node.op === "And" ? " and " : " or "));
        }
        case "Attribute": {
            const base = unparse(node.value, P.ATOM);
            const isIntConstant = node.value.node === "Constant" && (node.value.value.type === "int" || node.value.value.type === "bool");
            return `${base}${isIntConstant ? " " : ""}.${node.attr}`;
        }
        case "Call": {
            const parts = [
                ...node.args.map((arg) => unparse(arg, P.TEST)),
                ...node.keywords.map((kw) => `${kw.arg === null ? "**" : `${kw.arg}=`}${unparse(kw.value, P.TEST)}`),
            ];
            return `${unparse(node.func, P.ATOM)}(${parts.join(", ")})`;
        }
        case "Subscript": {
            const slice = node.slice.node === "Tuple" && node.slice.elts.length > 0
                ? itemsView(node.slice.elts)
                : unparse(node.slice, P.TEST);
            return `${unparse(node.value, P.ATOM)}[${slice}]`;
        }
        case "Slice": {
            let text = node.lower === null ? "" : unparse(node.lower, P.TEST);
            text += ":";
            if (node.upper !== null) text += unparse(node.upper, P.TEST);
            if (node.step !== null) text += `:${unparse(node.step, P.TEST)}`;
            return text;
        }
        case "Lambda": {
            const params = lambdaParams(node.params);
            return parens(precedence > P.TEST, `lambda${params === "" ? "" : ` ${params}`}: ${unparse(node.body, P.TEST)}`);
        }
    }
}

function itemsView(elts: readonly PyExpr[]): string {
    if (elts.length === 1) return `${unparse(elts[0] as PyExpr, P.TEST)},`;
    return elts.map((e) => unparse(e, P.TEST)).join(", ");
}

function generators(comprehensions: readonly Comprehension[]): string {
    return comprehensions.map((gen) => {
        let text = `${gen.isAsync ? " async for " : " for "}${unparse(gen.target, P.TUPLE)} in ${unparse(gen.iter, P.TEST + 1)}`;
        for (const condition of gen.ifs) text += ` if ${unparse(condition, P.TEST + 1)}`;
        return text;
    }).join("");
}

function lambdaParams(params: readonly LambdaParam[]): string {
    return params.map((param) => {
        switch (param.kind) {
            case "slash": return "/";
            case "star": return param.name === null ? "*" : `*${param.name}`;
            case "starstar": return `**${param.name}`;
            case "plain": return param.arg.default === null ? param.arg.name : `${param.arg.name}=${unparse(param.arg.default, P.TEST)}`;
        }
    }).join(", ");
}

/** `repr` of a constant as ast.unparse writes it (infinite floats become `1e309`). */
function unparseConstant(value: ConstantValue): string {
    switch (value.type) {
        case "str": return `${value.unicodePrefix ? "u" : ""}${pyStringRepr(value.value)}`;
        case "bytes": return bytesRepr(value.value);
        case "int": return value.value.toString();
        case "float": return floatLiteral(value.value);
        case "complex": return `${floatLiteral(value.imag).replace(/\.0$/, "")}j`;
        case "bool": return value.value ? "True" : "False";
        case "None": return "None";
        case "Ellipsis": return "...";
    }
}

function floatLiteral(x: number): string {
    return formatPyFloat(x).replace("inf", "1e309").replace("nan", "(1e309-1e309)");
}

function bytesRepr(bytes: readonly number[]): string {
    const hasSingle = bytes.includes(39);
    const quote = hasSingle && !bytes.includes(34) ? "\"" : "'";
    let out = `b${quote}`;
    for (const b of bytes) {
        const ch = String.fromCharCode(b);
        if (ch === quote || ch === "\\") out += `\\${ch}`;
        else if (ch === "\t") out += "\\t";
        else if (ch === "\n") out += "\\n";
        else if (ch === "\r") out += "\\r";
        else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, "0")}`;
        else out += ch;
    }
    return out + quote;
}
