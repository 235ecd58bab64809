import {type AST, RegExpParser} from "@eslint-community/regexpp";
import {CodePointSet} from "./CodePointSet.js";
import type {GbnfRuleSet} from "./GbnfRuleSet.js";
import {gbnfLiteral} from "./gbnfLiteral.js";
import {gbnfRepetition} from "./gbnfRepetition.js";
import {grammarLimits} from "./grammarLimits.js";

/**
 * The rule of the JSON strings a pattern matches, or why the pattern is beyond the grammar.
 * `narrowed`: the pattern is not anchored at both ends, and the grammar writes strings it matches
 * whole (a subset of those that contain a match).
 */
export type PatternGrammar = {rule: string, narrowed: boolean} | {unsupported: string};

export type PatternGrammarOptions = {
    /** Match ASCII letters in either case (the `i` flag of a format's expression). */
    ignoreCase?: boolean
};

/** Longest pattern source compiled (longer ones are relaxed: the grammar they give grows with them). */
export const maxPatternLength = 4096;

class Unsupported extends Error {}

/** Characters a JSON string cannot hold as they are: they are written escaped. */
const escaped = CodePointSet.of([[0x00, 0x1f], [0x22, 0x22], [0x5c, 0x5c], [0x7f, 0x7f]]);
const shortEscapes = new Map([[0x22, "\\\""], [0x5c, "\\\\"], [0x08, "\\b"], [0x09, "\\t"], [0x0a, "\\n"], [0x0c, "\\f"], [0x0d, "\\r"]]);
const lineTerminators = CodePointSet.of([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);
const digit = CodePointSet.of([[0x30, 0x39]]);
const word = CodePointSet.of([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
const space = CodePointSet.of([[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);

/**
 * The GBNF rule of the JSON strings (quotes included) whose value an ECMA-262 regular expression
 * (JSON Schema's `pattern`, parsed with regexpp, Unicode mode first) matches. JSON Schema searches
 * for a pattern in the string; the grammar writes strings the pattern matches whole, as if it were
 * anchored (`narrowed` says when it was not): a walk through `.*abc.*` would rarely meet `abc`,
 * and a model is better served by the value the pattern describes than by text around it. Characters a JSON string must escape are written with their one JSON
 * escape (`\"`, `\\`, `\n`, `\u001f`…), every other character as itself. Supported: characters,
 * classes (ranges, negation, `\d \w \s` and their negations), the dot, groups (capturing, named,
 * non-capturing), alternation, every quantifier up to llama.cpp's repetition limit, `^` at the
 * start and `$` at the end. Lookarounds, backreferences, word boundaries, anchors elsewhere,
 * Unicode property escapes and set operations are beyond a grammar: `unsupported` says which.
 */
export function patternGbnf(pattern: string, nameHint: string, rules: GbnfRuleSet, options: PatternGrammarOptions = {}): PatternGrammar {
    if (pattern.length > maxPatternLength) return {unsupported: `the pattern is longer than ${maxPatternLength} characters`};
    let ast: AST.Pattern;
    try {
        ast = parsePattern(pattern);
    } catch (error) {
        return {unsupported: `the pattern is not a valid regular expression: ${(error as Error).message}`};
    }
    try {
        const converter = new PatternConverter(rules, nameHint, options.ignoreCase === true);
        const {content, narrowed} = converter.top(ast.alternatives);
        return {rule: rules.add(nameHint, content === "" ? `"\\"\\""` : `"\\"" ${content} "\\""`), narrowed};
    } catch (error) {
        if (error instanceof Unsupported) return {unsupported: error.message};
        throw error;
    }
}

function parsePattern(pattern: string): AST.Pattern {
    const parser = new RegExpParser({ecmaVersion: 2025});
    try {
        return parser.parsePattern(pattern, 0, pattern.length, {unicode: true});
    } catch {
        // Patterns written for non-Unicode mode (`[\w-.]`, `\-`) still mean what they say there.
        return parser.parsePattern(pattern, 0, pattern.length, {unicode: false});
    }
}

class PatternConverter {
    public constructor(private readonly rules: GbnfRuleSet, private readonly nameHint: string, private readonly ignoreCase: boolean) {}

    /** The top-level alternatives, each with its own anchors (an unanchored one is matched whole: narrowed). */
    public top(alternatives: readonly AST.Alternative[]): {content: string, narrowed: boolean} {
        let narrowed = false;
        const options = alternatives.map((alternative) => {
            const elements = [...alternative.elements];
            let startAnchored = false;
            let endAnchored = false;
            while (elements[0]?.type === "Assertion" && elements[0].kind === "start") {
                elements.shift();
                startAnchored = true;
            }
            while (elements.at(-1)?.type === "Assertion" && (elements.at(-1) as AST.Assertion).kind === "end") {
                elements.pop();
                endAnchored = true;
            }
            if (!startAnchored || !endAnchored) narrowed = true;
            return this.sequence(elements);
        });
        return {content: this.alternation(options), narrowed};
    }

    private alternation(options: string[]): string {
        const unique = [...new Set(options)];
        const nonEmpty = unique.filter((option) => option !== "");
        if (nonEmpty.length === 0) return "";
        const body = nonEmpty.length === 1 ? nonEmpty[0]! : nonEmpty.join(" | ");
        const group = nonEmpty.length === 1 && !/\s/.test(body) ? body : `(${body})`;
        return nonEmpty.length < unique.length ? `${group}?` : nonEmpty.length === 1 ? body : group;
    }

    private sequence(elements: readonly AST.Element[]): string {
        return elements.map((element) => this.element(element)).filter((part) => part !== "").join(" ");
    }

    private element(element: AST.Element): string {
        switch (element.type) {
            case "Character":
                return this.charSet(this.caseFolded(CodePointSet.char(element.value)));
            case "CharacterSet":
            case "CharacterClass":
            case "ExpressionCharacterClass":
                return this.charSet(this.caseFolded(this.set(element)));
            case "Group":
                if (element.modifiers !== null) throw new Unsupported(`modifiers ${element.raw.slice(0, 12)}… are not supported`);
                return this.alternation(element.alternatives.map((alternative) => this.sequence(alternative.elements)));
            case "CapturingGroup":
                return this.alternation(element.alternatives.map((alternative) => this.sequence(alternative.elements)));
            case "Quantifier": {
                const inner = this.element(element.element);
                if (inner === "") return "";
                const max = element.max === Infinity ? undefined : element.max;
                if (element.min > grammarLimits.repetitions || (max !== undefined && max > grammarLimits.repetitions))
                    throw new Unsupported(`the quantifier ${element.raw.slice(element.element.raw.length)} repeats more than ${grammarLimits.repetitions} times`);
                const single = /^("[^"]*"|\[[^\]]*\]|[A-Za-z0-9-]+)$/.test(inner) && !inner.includes(" ");
                return gbnfRepetition(single ? inner : `(${inner})`, element.min, max);
            }
            case "Assertion":
                throw new Unsupported(element.kind === "start" || element.kind === "end"
                    ? `the anchor ${element.raw} is only supported at the start or the end of the pattern`
                    : `${element.kind === "word" ? "word boundaries" : "lookarounds"} (${element.raw.slice(0, 16)}) are beyond a grammar`);
            case "Backreference":
                throw new Unsupported(`backreferences (${element.raw}) are beyond a grammar`);
        }
    }

    private caseFolded(set: CodePointSet): CodePointSet {
        return this.ignoreCase ? set.withAsciiCaseVariants() : set;
    }

    private set(node: AST.CharacterSet | AST.CharacterClass | AST.ExpressionCharacterClass | AST.CharacterClassRange | AST.Character
        | AST.ClassStringDisjunction | AST.ClassIntersection | AST.ClassSubtraction | AST.ClassSetOperand): CodePointSet {
        switch (node.type) {
            case "Character":
                return CodePointSet.char(node.value);
            case "CharacterClassRange":
                return CodePointSet.of([[node.min.value, node.max.value]]);
            case "CharacterSet": {
                if (node.kind === "any") return lineTerminators.complement();
                if (node.kind === "property") throw new Unsupported(`Unicode property escapes (${node.raw}) are not supported`);
                const base = node.kind === "digit" ? digit : node.kind === "word" ? word : space;
                return node.negate ? base.complement() : base;
            }
            case "CharacterClass": {
                if (node.unicodeSets) throw new Unsupported("set notation (the v flag) is not supported");
                const union = node.elements.reduce((all, item) => all.union(this.set(item)), CodePointSet.empty);
                return node.negate ? union.complement() : union;
            }
            default:
                throw new Unsupported(`${node.raw.slice(0, 16)} is not supported`);
        }
    }

    /** One character of the given set as JSON string text: a class for the plain ones, escapes for the others. */
    private charSet(set: CodePointSet): string {
        if (set.isEmpty) throw new Unsupported("a character class matches no character");
        const plain = set.minus(escaped);
        const parts: string[] = [];
        if (!plain.isEmpty) {
            const only = plain.ranges.length === 1 && plain.ranges[0]![0] === plain.ranges[0]![1] ? plain.ranges[0]![0] : undefined;
            parts.push(only !== undefined ? gbnfLiteral(String.fromCodePoint(only)) : classText(plain));
        }
        for (const [lo, hi] of set.intersect(escaped).ranges)
            for (let code = lo; code <= hi; code++) parts.push(gbnfLiteral(jsonEscape(code)));
        if (parts.length === 1) return parts[0]!;
        return this.rules.add(`${this.nameHint}-char`, parts.join(" | "));
    }
}

function jsonEscape(code: number): string {
    return shortEscapes.get(code) ?? `\\u${code.toString(16).padStart(4, "0")}`;
}

function classChar(code: number): string {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return String.fromCodePoint(code);
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0").toUpperCase()}`;
    if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0").toUpperCase()}`;
    return `\\U${code.toString(16).padStart(8, "0").toUpperCase()}`;
}

function classText(set: CodePointSet): string {
    return `[${set.ranges.map(([lo, hi]) => lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`).join("")}]`;
}
