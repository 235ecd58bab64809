import type {
    BinaryOperator, CompareOperator, Comprehension, ConstantValue, Keyword, LambdaParam, NameNode, PyExpr,
} from "./PythonAst.js";
import {PythonSyntaxError} from "./PythonSyntaxError.js";
import {type PythonToken, tokenizePython} from "./tokenizePython.js";

const KEYWORDS = new Set([
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

const COMPARE_OPERATORS: Readonly<Record<string, CompareOperator>> = {
    "==": "Eq", "!=": "NotEq", "<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE",
};

/** Binary operator levels from loosest to tightest (`**` is handled apart: right-associative). */
const BINARY_LEVELS: readonly (Readonly<Record<string, BinaryOperator>>)[] = [
    {"|": "BitOr"},
    {"^": "BitXor"},
    {"&": "BitAnd"},
    {"<<": "LShift", ">>": "RShift"},
    {"+": "Add", "-": "Sub"},
    {"*": "Mult", "/": "Div", "//": "FloorDiv", "%": "Mod", "@": "MatMult"},
];

/**
 * Parses Python source as `ast.parse(source, mode="eval").body` does: one expression (a bare
 * `a, b` is a Tuple), allowing trailing newlines. Implements the full expression grammar of
 * Python 3.9+ (lambda, conditional, boolean, comparison, arithmetic and bitwise operators, calls
 * with keyword/starred arguments, subscripts and slices, displays and comprehensions, walrus,
 * await/yield, implicit string concatenation) and CPython's parse-time errors such as
 * "positional argument follows keyword argument". Throws {@link PythonSyntaxError}.
 */
export function parsePythonExpression(source: string): PyExpr {
    const parser = new Parser(tokenizePython(source));
    const body = parser.parseExpressions();
    while (parser.peek().type === "NEWLINE") parser.next();
    const rest = parser.peek();
    if (rest.type !== "END") parser.fail("invalid syntax", rest);
    return body;
}

class Parser {
    private index = 0;

    public constructor(private readonly tokens: readonly PythonToken[]) {}

    public peek(offset = 0): PythonToken {
        return (this.tokens[this.index + offset] ?? this.tokens[this.tokens.length - 1]) as PythonToken;
    }

    public next(): PythonToken {
        const token = this.peek();
        if (this.index < this.tokens.length - 1) this.index++;
        return token;
    }

    public fail(message: string, token: PythonToken = this.peek()): never {
        throw new PythonSyntaxError(message, token.pos);
    }

    private isOp(text: string, offset = 0): boolean {
        const token = this.peek(offset);
        return token.type === "OP" && token.text === text;
    }

    private isKeyword(word: string, offset = 0): boolean {
        const token = this.peek(offset);
        return token.type === "NAME" && token.text === word;
    }

    private acceptOp(text: string): boolean {
        if (!this.isOp(text)) return false;
        this.next();
        return true;
    }

    private acceptKeyword(word: string): boolean {
        if (!this.isKeyword(word)) return false;
        this.next();
        return true;
    }

    private expectOp(text: string): PythonToken {
        if (!this.isOp(text)) this.fail(`expected '${text}'`);
        return this.next();
    }

    private startsComprehension(): boolean {
        return this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1));
    }

    /** eval input: `expression (',' expression)* [',']`. */
    public parseExpressions(): PyExpr {
        const first = this.parseExpression();
        if (!this.isOp(",")) return first;
        const elts = [first];
        while (this.acceptOp(",")) {
            if (this.endsExpressionList()) break;
            elts.push(this.parseExpression());
        }
        return {node: "Tuple", elts, pos: first.pos};
    }

    private endsExpressionList(): boolean {
        const token = this.peek();
        return token.type === "NEWLINE" || token.type === "END" || (token.type === "OP" && [")", "]", "}", "=", ":"].includes(token.text));
    }

    private parseExpression(): PyExpr {
        if (this.isKeyword("lambda")) return this.parseLambda();
        const body = this.parseDisjunction();
        if (!this.isKeyword("if")) return body;
        this.next();
        const test = this.parseDisjunction();
        if (!this.acceptKeyword("else")) this.fail("expected 'else' after 'if' expression");
        const orelse = this.parseExpression();
        return {node: "IfExp", test, body, orelse, pos: body.pos};
    }

    private parseNamedExpression(): PyExpr {
        const token = this.peek();
        if (token.type === "NAME" && !KEYWORDS.has(token.text) && this.isOp(":=", 1)) {
            this.next();
            this.next();
            const value = this.parseExpression();
            const target: NameNode = {node: "Name", id: token.text, pos: token.pos};
            return {node: "NamedExpr", target, value, pos: token.pos};
        }
        const expression = this.parseExpression();
        if (this.isOp(":=")) this.fail("cannot use assignment expressions with this target");
        return expression;
    }

    private parseStarNamedExpression(): PyExpr {
        const token = this.peek();
        if (this.acceptOp("*")) return {node: "Starred", value: this.parseBinary(0), pos: token.pos};
        return this.parseNamedExpression();
    }

    private parseLambda(): PyExpr {
        const start = this.next();
        const params: LambdaParam[] = [];
        while (!this.isOp(":")) {
            if (this.acceptOp("/")) params.push({kind: "slash"});
            else if (this.acceptOp("**")) params.push({kind: "starstar", name: this.parseIdentifier()});
            else if (this.acceptOp("*")) params.push({kind: "star", name: this.peek().type === "NAME" ? this.parseIdentifier() : null});
            else {
                const name = this.parseIdentifier();
                const value = this.acceptOp("=") ? this.parseExpression() : null;
                params.push({kind: "plain", arg: {name, default: value}});
            }
            if (!this.acceptOp(",")) break;
        }
        this.expectOp(":");
        const body = this.parseExpression();
        return {node: "Lambda", params, body, pos: start.pos};
    }

    private parseIdentifier(): string {
        const token = this.peek();
        if (token.type !== "NAME" || KEYWORDS.has(token.text)) this.fail("invalid syntax");
        this.next();
        return token.text;
    }

    private parseDisjunction(): PyExpr {
        const first = this.parseConjunction();
        if (!this.isKeyword("or")) return first;
        const values = [first];
        while (this.acceptKeyword("or")) values.push(this.parseConjunction());
        return {node: "BoolOp", op: "Or", values, pos: first.pos};
    }

    private parseConjunction(): PyExpr {
        const first = this.parseInversion();
        if (!this.isKeyword("and")) return first;
        const values = [first];
        while (this.acceptKeyword("and")) values.push(this.parseInversion());
        return {node: "BoolOp", op: "And", values, pos: first.pos};
    }

    private parseInversion(): PyExpr {
        const token = this.peek();
        if (this.acceptKeyword("not")) return {node: "UnaryOp", op: "Not", operand: this.parseInversion(), pos: token.pos};
        return this.parseComparison();
    }

    private parseComparison(): PyExpr {
        const left = this.parseBinary(0);
        const ops: CompareOperator[] = [];
        const comparators: PyExpr[] = [];
        for (;;) {
            const token = this.peek();
            let op: CompareOperator | undefined;
            if (token.type === "OP" && COMPARE_OPERATORS[token.text] !== undefined) {
                this.next();
                op = COMPARE_OPERATORS[token.text];
            } else if (this.isKeyword("not") && this.isKeyword("in", 1)) {
                this.next();
                this.next();
                op = "NotIn";
            } else if (this.acceptKeyword("in")) {
                op = "In";
            } else if (this.acceptKeyword("is")) {
                op = this.acceptKeyword("not") ? "IsNot" : "Is";
            }
            if (op === undefined) break;
            ops.push(op);
            comparators.push(this.parseBinary(0));
        }
        if (ops.length === 0) return left;
        return {node: "Compare", left, ops, comparators, pos: left.pos};
    }

    private parseBinary(level: number): PyExpr {
        const operators = BINARY_LEVELS[level];
        if (operators === undefined) return this.parseFactor();
        let left = this.parseBinary(level + 1);
        for (;;) {
            const token = this.peek();
            const op = token.type === "OP" ? operators[token.text] : undefined;
            if (op === undefined) return left;
            this.next();
            const right = this.parseBinary(level + 1);
            left = {node: "BinOp", left, op, right, pos: left.pos};
        }
    }

    private parseFactor(): PyExpr {
        const token = this.peek();
        if (token.type === "OP" && (token.text === "-" || token.text === "+" || token.text === "~")) {
            this.next();
            const op = token.text === "-" ? "USub" : token.text === "+" ? "UAdd" : "Invert";
            return {node: "UnaryOp", op, operand: this.parseFactor(), pos: token.pos};
        }
        return this.parsePower();
    }

    private parsePower(): PyExpr {
        const token = this.peek();
        let base: PyExpr;
        if (this.acceptKeyword("await")) base = {node: "Await", value: this.parsePrimary(), pos: token.pos};
        else base = this.parsePrimary();
        if (!this.acceptOp("**")) return base;
        return {node: "BinOp", left: base, op: "Pow", right: this.parseFactor(), pos: base.pos};
    }

    private parsePrimary(): PyExpr {
        let value = this.parseAtom();
        for (;;) {
            const token = this.peek();
            if (this.acceptOp(".")) {
                const name = this.peek();
                if (name.type !== "NAME" || KEYWORDS.has(name.text)) this.fail("invalid syntax", name);
                this.next();
                value = {node: "Attribute", value, attr: name.text, pos: value.pos};
            } else if (this.acceptOp("(")) {
                value = this.parseCall(value, token);
            } else if (this.acceptOp("[")) {
                const slice = this.parseSlices();
                this.expectOp("]");
                value = {node: "Subscript", value, slice, pos: value.pos};
            } else {
                return value;
            }
        }
    }

    private parseCall(func: PyExpr, open: PythonToken): PyExpr {
        const args: PyExpr[] = [];
        const keywords: Keyword[] = [];
        let sawKeyword = false;
        let sawDoubleStar = false;
        let sawGenerator = false;
        while (!this.isOp(")")) {
            const token = this.peek();
            if (this.acceptOp("**")) {
                keywords.push({arg: null, value: this.parseExpression()});
                sawDoubleStar = true;
            } else if (this.acceptOp("*")) {
                if (sawDoubleStar) this.fail("iterable argument unpacking follows keyword argument unpacking", token);
                args.push({node: "Starred", value: this.parseExpression(), pos: token.pos});
            } else if (token.type === "NAME" && this.isOp("=", 1)) {
                if (KEYWORDS.has(token.text)) {
                    this.fail(["True", "False", "None"].includes(token.text) ? `cannot assign to ${token.text}` : "invalid syntax", token);
                }
                this.next();
                this.next();
                keywords.push({arg: token.text, value: this.parseExpression()});
                sawKeyword = true;
            } else {
                let value = this.parseNamedExpression();
                if (this.isOp("=")) this.fail("expression cannot contain assignment, perhaps you meant \"==\"?");
                if (this.startsComprehension()) {
                    value = {node: "GeneratorExp", elt: value, generators: this.parseComprehensions(), pos: value.pos};
                    sawGenerator = true;
                }
                if (sawDoubleStar) this.fail("positional argument follows keyword argument unpacking", token);
                if (sawKeyword) this.fail("positional argument follows keyword argument", token);
                args.push(value);
            }
            if (!this.acceptOp(",")) break;
        }
        this.expectOp(")");
        if (sawGenerator && args.length + keywords.length > 1) this.fail("Generator expression must be parenthesized", open);
        return {node: "Call", func, args, keywords, pos: func.pos};
    }

    private parseSlices(): PyExpr {
        const first = this.parseSlice();
        if (!this.isOp(",")) return first;
        const elts = [first];
        while (this.acceptOp(",")) {
            if (this.isOp("]")) break;
            elts.push(this.parseSlice());
        }
        return {node: "Tuple", elts, pos: first.pos};
    }

    private parseSlice(): PyExpr {
        const start = this.peek();
        if (this.isOp("*")) return this.parseStarNamedExpression();
        let lower: PyExpr | null = null;
        if (!this.isOp(":")) {
            lower = this.parseNamedExpression();
            if (!this.isOp(":")) return lower;
        }
        this.expectOp(":");
        const sliceEnd = (): boolean => this.isOp(":") || this.isOp("]") || this.isOp(",");
        const upper = sliceEnd() ? null : this.parseExpression();
        let step: PyExpr | null = null;
        if (this.acceptOp(":")) step = this.isOp("]") || this.isOp(",") ? null : this.parseExpression();
        return {node: "Slice", lower, upper, step, pos: start.pos};
    }

    private parseComprehensions(): Comprehension[] {
        const generators: Comprehension[] = [];
        while (this.startsComprehension()) {
            const isAsync = this.acceptKeyword("async");
            this.next();
            const target = this.parseTargets();
            if (!this.acceptKeyword("in")) this.fail("expected 'in'");
            const iter = this.parseDisjunction();
            const ifs: PyExpr[] = [];
            while (this.acceptKeyword("if")) ifs.push(this.parseDisjunction());
            generators.push({target, iter, ifs, isAsync});
        }
        return generators;
    }

    private parseTargets(): PyExpr {
        const first = this.parseTarget();
        if (!this.isOp(",")) return first;
        const elts = [first];
        while (this.acceptOp(",")) {
            if (this.isKeyword("in")) break;
            elts.push(this.parseTarget());
        }
        return {node: "Tuple", elts, pos: first.pos};
    }

    private parseTarget(): PyExpr {
        const token = this.peek();
        const target = this.acceptOp("*")
            ? {node: "Starred" as const, value: this.parseBinary(0), pos: token.pos}
            : this.parseBinary(0);
        this.checkTarget(target);
        return target;
    }

    private checkTarget(target: PyExpr): void {
        switch (target.node) {
            case "Name": case "Attribute": case "Subscript": return;
            case "Starred": return this.checkTarget(target.value);
            case "Tuple": case "List": return target.elts.forEach((elt) => this.checkTarget(elt));
            default: throw new PythonSyntaxError("cannot assign to expression", target.pos);
        }
    }

    private parseAtom(): PyExpr {
        const token = this.peek();
        switch (token.type) {
            case "NUMBER":
                this.next();
                return {node: "Constant", value: token.value, pos: token.pos};
            case "STRING":
                return this.parseStrings();
            case "NAME": {
                if (token.text === "True" || token.text === "False") {
                    this.next();
                    return {node: "Constant", value: {type: "bool", value: token.text === "True"}, pos: token.pos};
                }
                if (token.text === "None") {
                    this.next();
                    return {node: "Constant", value: {type: "None"}, pos: token.pos};
                }
                if (KEYWORDS.has(token.text)) this.fail("invalid syntax");
                this.next();
                return {node: "Name", id: token.text, pos: token.pos};
            }
            case "OP":
                if (token.text === "...") {
                    this.next();
                    return {node: "Constant", value: {type: "Ellipsis"}, pos: token.pos};
                }
                if (token.text === "(") return this.parseParenthesized();
                if (token.text === "[") return this.parseListDisplay();
                if (token.text === "{") return this.parseBraceDisplay();
                return this.fail("invalid syntax");
            default:
                return this.fail(token.type === "END" ? "unexpected EOF while parsing" : "invalid syntax");
        }
    }

    private parseStrings(): PyExpr {
        const first = this.peek();
        let text = "";
        let bytes: number[] | undefined;
        let sawStr = false;
        let sawFormatted = false;
        let unicodePrefix = false;
        const parts: string[] = [];
        for (let token = this.peek(); token.type === "STRING"; token = this.peek()) {
            this.next();
            parts.push(token.text);
            const literal = token.string;
            if (literal.kind === "bytes") {
                if (sawStr || sawFormatted) this.fail("cannot mix bytes and nonbytes literals", token);
                bytes = [...(bytes ?? []), ...literal.value];
            } else {
                if (bytes !== undefined) this.fail("cannot mix bytes and nonbytes literals", token);
                if (literal.kind === "fstring") sawFormatted = true;
                else {
                    if (!sawStr && !sawFormatted && parts.length === 1) unicodePrefix = literal.unicodePrefix;
                    text += literal.value;
                }
                sawStr = true;
            }
        }
        if (sawFormatted) return {node: "JoinedStr", source: parts.join(" "), pos: first.pos};
        const value: ConstantValue = bytes !== undefined ? {type: "bytes", value: bytes} : {type: "str", value: text, unicodePrefix};
        return {node: "Constant", value, pos: first.pos};
    }

    private parseParenthesized(): PyExpr {
        const open = this.next();
        if (this.acceptOp(")")) return {node: "Tuple", elts: [], pos: open.pos};
        if (this.isKeyword("yield")) {
            const token = this.next();
            let node: PyExpr;
            if (this.acceptKeyword("from")) node = {node: "YieldFrom", value: this.parseExpression(), pos: token.pos};
            else node = {node: "Yield", value: this.isOp(")") ? null : this.parseExpressionsOrStarred(), pos: token.pos};
            this.expectOp(")");
            return node;
        }
        const first = this.parseStarNamedExpression();
        if (this.startsComprehension()) {
            if (first.node === "Starred") this.fail("iterable unpacking cannot be used in comprehension");
            const generators = this.parseComprehensions();
            this.expectOp(")");
            return {node: "GeneratorExp", elt: first, generators, pos: open.pos};
        }
        if (this.acceptOp(")")) {
            if (first.node === "Starred") this.fail("cannot use starred expression here", open);
            return first;
        }
        const elts = [first];
        this.expectOp(",");
        while (!this.isOp(")")) {
            elts.push(this.parseStarNamedExpression());
            if (!this.acceptOp(",")) break;
        }
        this.expectOp(")");
        return {node: "Tuple", elts, pos: open.pos};
    }

    private parseExpressionsOrStarred(): PyExpr {
        const first = this.parseStarNamedExpression();
        if (!this.isOp(",")) return first;
        const elts = [first];
        while (this.acceptOp(",")) {
            if (this.isOp(")")) break;
            elts.push(this.parseStarNamedExpression());
        }
        return {node: "Tuple", elts, pos: first.pos};
    }

    private parseListDisplay(): PyExpr {
        const open = this.next();
        if (this.acceptOp("]")) return {node: "List", elts: [], pos: open.pos};
        const first = this.parseStarNamedExpression();
        if (this.startsComprehension()) {
            if (first.node === "Starred") this.fail("iterable unpacking cannot be used in comprehension");
            const generators = this.parseComprehensions();
            this.expectOp("]");
            return {node: "ListComp", elt: first, generators, pos: open.pos};
        }
        const elts = [first];
        while (this.acceptOp(",")) {
            if (this.isOp("]")) break;
            elts.push(this.parseStarNamedExpression());
        }
        this.expectOp("]");
        return {node: "List", elts, pos: open.pos};
    }

    private parseBraceDisplay(): PyExpr {
        const open = this.next();
        if (this.acceptOp("}")) return {node: "Dict", keys: [], values: [], pos: open.pos};
        if (this.isOp("**")) return this.parseDictRest(open);
        const first = this.parseStarNamedExpression();
        if (first.node !== "Starred" && this.isOp(":")) {
            this.next();
            const value = this.parseExpression();
            if (this.startsComprehension()) {
                const generators = this.parseComprehensions();
                this.expectOp("}");
                return {node: "DictComp", key: first, value, generators, pos: open.pos};
            }
            return this.parseDictRest(open, first, value);
        }
        if (this.startsComprehension()) {
            if (first.node === "Starred") this.fail("iterable unpacking cannot be used in comprehension");
            const generators = this.parseComprehensions();
            this.expectOp("}");
            return {node: "SetComp", elt: first, generators, pos: open.pos};
        }
        const elts = [first];
        while (this.acceptOp(",")) {
            if (this.isOp("}")) break;
            elts.push(this.parseStarNamedExpression());
        }
        this.expectOp("}");
        return {node: "Set", elts, pos: open.pos};
    }

    private parseDictRest(open: PythonToken, firstKey?: PyExpr, firstValue?: PyExpr): PyExpr {
        const keys: (PyExpr | null)[] = [];
        const values: PyExpr[] = [];
        if (firstKey !== undefined && firstValue !== undefined) {
            keys.push(firstKey);
            values.push(firstValue);
            if (!this.acceptOp(",")) {
                this.expectOp("}");
                return {node: "Dict", keys, values, pos: open.pos};
            }
        }
        while (!this.isOp("}")) {
            if (this.acceptOp("**")) {
                keys.push(null);
                values.push(this.parseBinary(0));
            } else {
                keys.push(this.parseExpression());
                this.expectOp(":");
                values.push(this.parseExpression());
            }
            if (!this.acceptOp(",")) break;
        }
        this.expectOp("}");
        return {node: "Dict", keys, values, pos: open.pos};
    }
}
