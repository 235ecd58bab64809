import type {ConstantValue} from "./PythonAst.js";
import {PythonSyntaxError} from "./PythonSyntaxError.js";

/**
 * One token of a Python expression. STRING tokens carry their decoded value (or, for f-strings,
 * only their source); NUMBER tokens their constant. NEWLINE appears only outside brackets.
 */
export type PythonToken =
    | {readonly type: "NAME", readonly text: string, readonly pos: number}
    | {readonly type: "NUMBER", readonly text: string, readonly pos: number, readonly value: ConstantValue}
    | {readonly type: "STRING", readonly text: string, readonly pos: number, readonly string: StringLiteral}
    | {readonly type: "OP", readonly text: string, readonly pos: number}
    | {readonly type: "NEWLINE" | "END", readonly text: "", readonly pos: number};

export type StringLiteral =
    | {readonly kind: "str", readonly value: string, readonly unicodePrefix: boolean}
    | {readonly kind: "bytes", readonly value: readonly number[]}
    | {readonly kind: "fstring"};

const OPERATORS = [
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(",
    ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];
const CLOSERS: Readonly<Record<string, string>> = {")": "(", "]": "[", "}": "{"};
const IDENTIFIER = /[\p{XID_Start}_][\p{XID_Continue}]*/uy;
const IDENTIFIER_CHAR = /[\p{XID_Continue}]/u;
const STRING_PREFIX = /^(?:r|u|b|br|rb|f|fr|rf)$/i;
const KEYWORDS_AFTER_NUMBER = ["and", "else", "for", "if", "in", "is", "not", "or"];
const NUMBER_FORMS = [
    /0[xX](?:_?[0-9a-fA-F])+/y,
    /0[bB](?:_?[01])+/y,
    /0[oO](?:_?[0-7])+/y,
    /(?:\d(?:_?\d)*\.(?:\d(?:_?\d)*)?|\.\d(?:_?\d)*)(?:[eE][-+]?\d(?:_?\d)*)?[jJ]?/y,
    /\d(?:_?\d)*[eE][-+]?\d(?:_?\d)*[jJ]?/y,
    /\d(?:_?\d)*[jJ]?/y,
];

/**
 * Splits Python source (one expression, as `ast.parse(..., mode="eval")` reads it) into tokens,
 * following CPython's tokenizer: implicit line joining inside brackets, `\` continuations,
 * comments, every string prefix and quote form with escapes decoded, numbers with underscores,
 * hex/octal/binary, floats and imaginary literals. Line endings are normalised to `\n` first,
 * as CPython does for string input; positions refer to the normalised text.
 */
export function tokenizePython(source: string): PythonToken[] {
    const text = source.replace(/\r\n?/g, "\n");
    const nul = text.indexOf("\0");
    if (nul >= 0) throw new PythonSyntaxError("source code string cannot contain null bytes", nul);
    const tokens: PythonToken[] = [];
    const brackets: string[] = [];
    let pos = 0;
    let lineHasContent = false;
    let atLineStart = true;
    while (pos < text.length) {
        const ch = text[pos] as string;
        if (ch === " " || ch === "\t" || ch === "\f") {
            if (atLineStart && brackets.length === 0 && tokens.length === 0 && !isBlankRest(text, pos)) {
                throw new PythonSyntaxError("unexpected indent", pos);
            }
            pos++;
            continue;
        }
        if (ch === "#") {
            while (pos < text.length && text[pos] !== "\n") pos++;
            continue;
        }
        if (ch === "\n") {
            if (brackets.length === 0 && lineHasContent) {
                tokens.push({type: "NEWLINE", text: "", pos});
                lineHasContent = false;
            }
            atLineStart = brackets.length === 0;
            pos++;
            continue;
        }
        if (ch === "\\") {
            if (text[pos + 1] === "\n") {
                pos += 2;
                continue;
            }
            throw new PythonSyntaxError("unexpected character after line continuation character", pos);
        }
        if (atLineStart && brackets.length === 0 && tokens.length > 0) {
            throw new PythonSyntaxError("invalid syntax (statement continues on a new line)", pos);
        }
        atLineStart = false;
        lineHasContent = true;

        IDENTIFIER.lastIndex = pos;
        const ident = IDENTIFIER.exec(text);
        if (ident !== null) {
            const word = ident[0];
            const next = text[pos + word.length];
            if ((next === "'" || next === "\"") && STRING_PREFIX.test(word)) {
                const end = readString(text, pos, word, tokens);
                pos = end;
                continue;
            }
            tokens.push({type: "NAME", text: word.normalize("NFKC"), pos});
            pos += word.length;
            continue;
        }
        if (ch === "'" || ch === "\"") {
            pos = readString(text, pos, "", tokens);
            continue;
        }
        if (isDigit(ch) || (ch === "." && isDigit(text[pos + 1]))) {
            pos = readNumber(text, pos, tokens);
            continue;
        }
        const op = OPERATORS.find((candidate) => text.startsWith(candidate, pos));
        if (op === undefined) {
            const shown = ch === "!" ? "!" : ch;
            throw new PythonSyntaxError(`invalid character '${shown}'`, pos);
        }
        if (op === "(" || op === "[" || op === "{") brackets.push(op);
        const opener = CLOSERS[op];
        if (opener !== undefined) {
            const top = brackets.pop();
            if (top === undefined) throw new PythonSyntaxError(`unmatched '${op}'`, pos);
            if (top !== opener) throw new PythonSyntaxError(`closing parenthesis '${op}' does not match opening parenthesis '${top}'`, pos);
        }
        tokens.push({type: "OP", text: op, pos});
        pos += op.length;
    }
    if (brackets.length > 0) throw new PythonSyntaxError(`'${brackets[brackets.length - 1]}' was never closed`, text.length);
    if (lineHasContent) tokens.push({type: "NEWLINE", text: "", pos: text.length});
    tokens.push({type: "END", text: "", pos: text.length});
    return tokens;
}

function isBlankRest(text: string, pos: number): boolean {
    for (let i = pos; i < text.length; i++) {
        const c = text[i];
        if (c === "\n" || c === "#") return true;
        if (c !== " " && c !== "\t" && c !== "\f") return false;
    }
    return true;
}

function isDigit(ch: string | undefined): boolean {
    return ch !== undefined && ch >= "0" && ch <= "9";
}

function readNumber(text: string, start: number, tokens: PythonToken[]): number {
    let best = "";
    for (const form of NUMBER_FORMS) {
        form.lastIndex = start;
        const match = form.exec(text);
        if (match !== null && match[0].length > best.length) best = match[0];
    }
    const end = start + best.length;
    const next = text[end];
    if (next !== undefined && IDENTIFIER_CHAR.test(next)) {
        IDENTIFIER.lastIndex = end;
        const word = IDENTIFIER.exec(text)?.[0] ?? next;
        if (!KEYWORDS_AFTER_NUMBER.includes(word)) {
            const radix = /^0[xXoObB]/.test(best) ? "" : "decimal ";
            throw new PythonSyntaxError(`invalid ${radix}literal`, start);
        }
    }
    tokens.push({type: "NUMBER", text: best, pos: start, value: numberValue(best, start)});
    return end;
}

function numberValue(token: string, pos: number): ConstantValue {
    const digits = token.replace(/_/g, "");
    if (/^0[xXoObB]/.test(digits)) return {type: "int", value: BigInt(digits.toLowerCase())};
    if (/[jJ]$/.test(digits)) return {type: "complex", imag: Number(digits.slice(0, -1))};
    if (/[.eE]/.test(digits)) return {type: "float", value: Number(digits)};
    if (/^0+[1-9]/.test(digits)) {
        throw new PythonSyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", pos);
    }
    return {type: "int", value: BigInt(digits)};
}

function readString(text: string, start: number, prefix: string, tokens: PythonToken[]): number {
    const lower = prefix.toLowerCase();
    const raw = lower.includes("r");
    const bytes = lower.includes("b");
    const fstring = lower.includes("f");
    const quoteAt = start + prefix.length;
    const quote = text[quoteAt] as string;
    const triple = text.startsWith(quote.repeat(3), quoteAt);
    const delimiter = triple ? quote.repeat(3) : quote;
    let pos = quoteAt + delimiter.length;
    const bodyStart = pos;
    for (;;) {
        if (pos >= text.length) {
            throw new PythonSyntaxError(triple ? "unterminated triple-quoted string literal" : "unterminated string literal", start);
        }
        const ch = text[pos];
        if (ch === "\\") {
            pos += 2;
            continue;
        }
        if (ch === "\n" && !triple) throw new PythonSyntaxError("unterminated string literal", start);
        if (text.startsWith(delimiter, pos)) break;
        pos++;
    }
    const body = text.slice(bodyStart, pos);
    const end = pos + delimiter.length;
    const source = text.slice(start, end);
    let string: StringLiteral;
    if (fstring) string = {kind: "fstring"};
    else if (bytes) string = {kind: "bytes", value: decodeBytes(body, raw, bodyStart)};
    else string = {kind: "str", value: raw ? body : decodeEscapes(body, bodyStart), unicodePrefix: lower === "u"};
    tokens.push({type: "STRING", text: source, pos: start, string});
    return end;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
    "\\": "\\", "'": "'", "\"": "\"", "a": "\x07", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
};

function decodeEscapes(body: string, offset: number): string {
    let out = "";
    let i = 0;
    while (i < body.length) {
        const ch = body[i] as string;
        if (ch !== "\\") {
            out += ch;
            i++;
            continue;
        }
        const e = body[i + 1] as string;
        if (e === "\n") {
            i += 2;
            continue;
        }
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
            out += simple;
            i += 2;
            continue;
        }
        if (e >= "0" && e <= "7") {
            const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] as string;
            out += String.fromCodePoint(parseInt(octal, 8));
            i += 1 + octal.length;
            continue;
        }
        const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
        if (width > 0) {
            const hex = body.slice(i + 2, i + 2 + width);
            if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) {
                throw new PythonSyntaxError(`(unicode error) truncated \\${e}${"X".repeat(width)} escape`, offset + i);
            }
            const code = parseInt(hex, 16);
            if (code > 0x10ffff) throw new PythonSyntaxError("(unicode error) illegal Unicode character", offset + i);
            out += String.fromCodePoint(code);
            i += 2 + width;
            continue;
        }
        if (e === "N") throw new PythonSyntaxError("\\N{...} escapes are not supported", offset + i, {unsupported: true});
        out += `\\${e}`;
        i += 2;
    }
    return out;
}

function decodeBytes(body: string, raw: boolean, offset: number): number[] {
    for (let i = 0; i < body.length; i++) {
        if (body.charCodeAt(i) > 0x7f) throw new PythonSyntaxError("bytes can only contain ASCII literal characters", offset + i);
    }
    if (raw) return [...body].map((c) => c.charCodeAt(0));
    const out: number[] = [];
    let i = 0;
    while (i < body.length) {
        const ch = body[i] as string;
        if (ch !== "\\") {
            out.push(ch.charCodeAt(0));
            i++;
            continue;
        }
        const e = body[i + 1] as string;
        if (e === "\n") {
            i += 2;
            continue;
        }
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
            out.push(simple.charCodeAt(0));
            i += 2;
        } else if (e >= "0" && e <= "7") {
            const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] as string;
            out.push(parseInt(octal, 8) & 0xff);
            i += 1 + octal.length;
        } else if (e === "x") {
            const hex = body.slice(i + 2, i + 4);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new PythonSyntaxError("(value error) invalid \\x escape", offset + i);
            out.push(parseInt(hex, 16));
            i += 4;
        } else {
            out.push(92, e.charCodeAt(0));
            i += 2;
        }
    }
    return out;
}
