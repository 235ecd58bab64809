/**
 * The expression nodes of Python's `ast` module that {@link parsePythonExpression} produces,
 * with the same names and fields (`Call.func/args/keywords`, `Dict.keys` with `null` for `**x`...).
 * `pos` is the offset of the node's first character in the source.
 */
export type PyExpr =
    | ConstantNode | JoinedStrNode | NameNode | AttributeNode | SubscriptNode | SliceNode | CallNode
    | ListNode | TupleNode | SetNode | DictNode | ComprehensionNode | DictCompNode
    | UnaryOpNode | BinOpNode | BoolOpNode | CompareNode | IfExpNode | LambdaNode | NamedExprNode
    | StarredNode | AwaitNode | YieldNode;

/** The value of a `Constant` node. Bytes keep their byte values; complex keeps its imaginary part. */
export type ConstantValue =
    | {readonly type: "str", readonly value: string, readonly unicodePrefix: boolean}
    | {readonly type: "bytes", readonly value: readonly number[]}
    | {readonly type: "int", readonly value: bigint}
    | {readonly type: "float", readonly value: number}
    | {readonly type: "complex", readonly imag: number}
    | {readonly type: "bool", readonly value: boolean}
    | {readonly type: "None"}
    | {readonly type: "Ellipsis"};

interface NodeBase {
    readonly pos: number;
}

export interface ConstantNode extends NodeBase { readonly node: "Constant", readonly value: ConstantValue }
/** An f-string; its source text is kept but its parts are not parsed. */
export interface JoinedStrNode extends NodeBase { readonly node: "JoinedStr", readonly source: string }
export interface NameNode extends NodeBase { readonly node: "Name", readonly id: string }
export interface AttributeNode extends NodeBase { readonly node: "Attribute", readonly value: PyExpr, readonly attr: string }
export interface SubscriptNode extends NodeBase { readonly node: "Subscript", readonly value: PyExpr, readonly slice: PyExpr }
export interface SliceNode extends NodeBase {
    readonly node: "Slice", readonly lower: PyExpr | null, readonly upper: PyExpr | null, readonly step: PyExpr | null;
}
export interface Keyword { readonly arg: string | null, readonly value: PyExpr }
export interface CallNode extends NodeBase {
    readonly node: "Call", readonly func: PyExpr, readonly args: readonly PyExpr[], readonly keywords: readonly Keyword[];
}
export interface ListNode extends NodeBase { readonly node: "List", readonly elts: readonly PyExpr[] }
export interface TupleNode extends NodeBase { readonly node: "Tuple", readonly elts: readonly PyExpr[] }
export interface SetNode extends NodeBase { readonly node: "Set", readonly elts: readonly PyExpr[] }
export interface DictNode extends NodeBase {
    readonly node: "Dict", readonly keys: readonly (PyExpr | null)[], readonly values: readonly PyExpr[];
}
export interface Comprehension {
    readonly target: PyExpr, readonly iter: PyExpr, readonly ifs: readonly PyExpr[], readonly isAsync: boolean;
}
export interface ComprehensionNode extends NodeBase {
    readonly node: "ListComp" | "SetComp" | "GeneratorExp", readonly elt: PyExpr, readonly generators: readonly Comprehension[];
}
export interface DictCompNode extends NodeBase {
    readonly node: "DictComp", readonly key: PyExpr, readonly value: PyExpr, readonly generators: readonly Comprehension[];
}
export type UnaryOperator = "UAdd" | "USub" | "Not" | "Invert";
export interface UnaryOpNode extends NodeBase { readonly node: "UnaryOp", readonly op: UnaryOperator, readonly operand: PyExpr }
export type BinaryOperator =
    | "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow" | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export interface BinOpNode extends NodeBase {
    readonly node: "BinOp", readonly left: PyExpr, readonly op: BinaryOperator, readonly right: PyExpr;
}
export interface BoolOpNode extends NodeBase { readonly node: "BoolOp", readonly op: "And" | "Or", readonly values: readonly PyExpr[] }
export type CompareOperator = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";
export interface CompareNode extends NodeBase {
    readonly node: "Compare", readonly left: PyExpr, readonly ops: readonly CompareOperator[], readonly comparators: readonly PyExpr[];
}
export interface IfExpNode extends NodeBase { readonly node: "IfExp", readonly test: PyExpr, readonly body: PyExpr, readonly orelse: PyExpr }
export interface LambdaArg { readonly name: string, readonly default: PyExpr | null }
/** Lambda parameters in source order: `/` and a bare `*` are markers, `*a` / `**k` are varargs. */
export type LambdaParam =
    | {readonly kind: "plain", readonly arg: LambdaArg}
    | {readonly kind: "slash"}
    | {readonly kind: "star", readonly name: string | null}
    | {readonly kind: "starstar", readonly name: string};
export interface LambdaNode extends NodeBase { readonly node: "Lambda", readonly params: readonly LambdaParam[], readonly body: PyExpr }
export interface NamedExprNode extends NodeBase { readonly node: "NamedExpr", readonly target: NameNode, readonly value: PyExpr }
export interface StarredNode extends NodeBase { readonly node: "Starred", readonly value: PyExpr }
export interface AwaitNode extends NodeBase { readonly node: "Await", readonly value: PyExpr }
export interface YieldNode extends NodeBase { readonly node: "Yield" | "YieldFrom", readonly value: PyExpr | null }
