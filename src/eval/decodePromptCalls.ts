import type {DecodedCall} from "./DecodedCall.js";
import {PromptDecodeError} from "./PromptDecodeError.js";
import {evaluatePythonExpression} from "./python/evaluatePythonExpression.js";
import {parsePythonExpression} from "./python/parsePythonExpression.js";
import type {CallNode, PyExpr} from "./python/PythonAst.js";
import {PythonSyntaxError} from "./python/PythonSyntaxError.js";
import {unparsePython} from "./python/unparsePython.js";
import {PyDict, type PyValue, pyFloat, pyInt, pyTuple} from "./PyValue.js";
import {PyValueError} from "./PyValueError.js";

/**
 * BFCL's prompt-mode decoder (`default_decode_ast_prompting` + `ast_parse`, Python format):
 * strips backticks, newlines and spaces at both ends, adds `[` / `]` when missing, parses the
 * text as one Python expression and requires a call or a list/tuple of calls. Keyword arguments
 * become the call's args (positional ones are dropped); values keep Python types, `-x` on a
 * constant negates it (whatever the unary operator), arithmetic is evaluated, a bare name
 * becomes its text, a nested call becomes `{name: {...}}` or, without keywords, its source text
 * as `ast.unparse` writes it, `x[i]` becomes text, `...` becomes "...". Anything BFCL fails on
 * (prose, fences, sets, attributes as values, lambdas...) throws {@link PromptDecodeError}.
 * `[]` and an empty reply decode to no calls.
 */
export function decodePromptCalls(reply: string): DecodedCall[] {
    let text = stripChars(reply, "`\n ");
    if (!text.startsWith("[")) text = `[${text}`;
    if (!text.endsWith("]")) text = `${text}]`;
    text = stripChars(text.trim(), "'");
    try {
        const body = parsePythonExpression(text);
        if (body.node === "Call") return [resolveCall(body)];
        if (body.node !== "List" && body.node !== "Tuple" && body.node !== "Set") {
            throw new PyValueError("bfcl_not_a_list", `'${body.node}' object has no attribute 'elts'`, {pythonError: "AttributeError"});
        }
        return body.elts.map((element) => {
            if (element.node !== "Call") {
                throw new PyValueError("bfcl_not_a_call", `expected a function call, got ${element.node}`, {pythonError: "AssertionError", position: element.pos});
            }
            return resolveCall(element);
        });
    } catch (error) {
        if (error instanceof PythonSyntaxError || error instanceof PyValueError) {
            const pythonError = String(error.context.pythonError ?? "Exception");
            const position = typeof error.context.position === "number" ? error.context.position : undefined;
            throw new PromptDecodeError(`cannot decode the reply as function calls (${pythonError}): ${error.message}`,
                position === undefined ? {pythonError, text} : {pythonError, position, text}, {cause: error});
        }
        throw error;
    }
}

/** Python `str.strip(chars)`. */
function stripChars(text: string, chars: string): string {
    let start = 0;
    let end = text.length;
    while (start < end && chars.includes(text[start] as string)) start++;
    while (end > start && chars.includes(text[end - 1] as string)) end--;
    return text.slice(start, end);
}

/** `resolve_ast_call`: the dotted name (attribute chain ending in a name) and keyword args. */
function resolveCall(call: CallNode): DecodedCall {
    const parts: string[] = [];
    let func = call.func;
    while (func.node === "Attribute") {
        parts.push(func.attr);
        func = func.value;
    }
    if (func.node === "Name") parts.push(func.id);
    const entries = call.keywords.map((keyword): [PyValue, PyValue] => [keyword.arg, resolveValue(keyword.value)]);
    return {name: parts.reverse().join("."), args: PyDict.from(entries)};
}

/** `resolve_ast_by_type`. */
function resolveValue(node: PyExpr): PyValue {
    switch (node.node) {
        case "Constant": {
            const value = node.value;
            switch (value.type) {
                case "Ellipsis": return "...";
                case "str": return value.value;
                case "int": return pyInt(value.value);
                case "float": return pyFloat(value.value);
                case "bool": return value.value;
                case "None": return null;
                default: return unsupported(`${value.type} values`, node.pos);
            }
        }
        case "UnaryOp": return negateOperand(node.operand);
        case "List": return node.elts.map(resolveValue);
        case "Dict":
            return PyDict.from(node.keys.map((key, i): [PyValue, PyValue] => {
                if (key === null) return fail("Exception", "Unsupported AST type: <class 'NoneType'>", node.pos);
                return [resolveValue(key), resolveValue(node.values[i] as PyExpr)];
            }));
        case "BinOp": return evaluatePythonExpression(node);
        case "Name": return node.id;
        case "Call": {
            if (node.keywords.length === 0) return unparsePython(node);
            const nested = resolveCall(node);
            return PyDict.from([[nested.name, nested.args]]);
        }
        case "Tuple": return pyTuple(node.elts.map(resolveValue));
        case "Lambda": return fail("TypeError", "'expr' object is not subscriptable", node.pos);
        case "Subscript": return `${unparsePython(node.value)}[${unparsePython(node.slice)}]`;
        default: return fail("Exception", `Unsupported AST type: <class 'ast.${node.node}'>`, node.pos);
    }
}

/** BFCL computes `-operand.value`, ignoring which unary operator it was. */
function negateOperand(operand: PyExpr): PyValue {
    if (operand.node !== "Constant") {
        const hasValueField = ["Attribute", "Subscript", "Starred", "NamedExpr", "Await", "Yield", "YieldFrom"].includes(operand.node);
        return hasValueField
            ? fail("TypeError", `bad operand type for unary -: '${operand.node}'`, operand.pos)
            : fail("AttributeError", `'${operand.node}' object has no attribute 'value'`, operand.pos);
    }
    const value = operand.value;
    switch (value.type) {
        case "int": return pyInt(-value.value);
        case "float": return pyFloat(-value.value);
        case "bool": return pyInt(value.value ? -1n : 0n);
        case "complex": return unsupported("complex values", operand.pos);
        default: return fail("TypeError", `bad operand type for unary -: '${value.type}'`, operand.pos);
    }
}

function fail(pythonError: string, message: string, position: number): never {
    throw new PyValueError("bfcl_decode", message, {pythonError, position});
}

function unsupported(what: string, position: number): never {
    throw new PyValueError("python_unsupported", `${what} are not supported`, {pythonError: "Unsupported", position});
}
