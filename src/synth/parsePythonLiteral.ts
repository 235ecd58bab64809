import type {JsonValue} from "../tools/JsonValue.js";

/**
 * Reads one Python literal (the `repr` of dicts, lists, tuples, sets, strings, numbers, True, False,
 * None) starting at `start` in `text`, as API-Bank writes API descriptions. A bare name
 * (`str`, `List[int]`, as in `{'type': str}`) reads as its text. Returns the value (tuples and sets
 * become arrays, dict keys are stringified) and the index just after it, or `undefined` when
 * the text there is not such a literal. Quotes inside a string need no escape when what follows
 * them cannot end the string (`'the user's budget'`), as API-Bank often writes.
 */
export function parsePythonLiteral(text: string, start = 0): {value: JsonValue, end: number} | undefined {
    const parser = new Parser(text, start);
    try {
        const value = parser.value();
        return {value, end: parser.position};
    } catch (error) {
        if (error instanceof LiteralSyntax) return undefined;
        throw error;
    }
}

class LiteralSyntax extends Error {}

class Parser {
    public constructor(private readonly text: string, public position: number) {}

    private fail(): never {
        throw new LiteralSyntax(`bad literal at ${this.position}`);
    }

    private skipSpace(): void {
        while (this.position < this.text.length && /\s/.test(this.text[this.position] as string)) this.position++;
    }

    private peek(): string {
        return this.text[this.position] ?? "";
    }

    public value(): JsonValue {
        this.skipSpace();
        const char = this.peek();
        if (char === "{") return this.dict();
        if (char === "[") return this.sequence("]");
        if (char === "(") return this.sequence(")");
        if (char === "'" || char === "\"") return this.string();
        const word = /^(True|False|None)\b/.exec(this.text.slice(this.position, this.position + 6));
        if (word !== null) {
            this.position += (word[1] as string).length;
            return word[1] === "True" ? true : word[1] === "False" ? false : null;
        }
        const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.text.slice(this.position, this.position + 40));
        if (number !== null) {
            this.position += number[0].length;
            return Number(number[0]);
        }
        const name = /^[A-Za-z_][A-Za-z0-9_]*(\[[A-Za-z0-9_, \[\]]*\])?/.exec(this.text.slice(this.position, this.position + 60));
        if (name !== null) {
            this.position += name[0].length;
            return name[0];
        }
        return this.fail();
    }

    private dict(): JsonValue {
        this.position++;
        const out: {[key: string]: JsonValue} = {};
        this.skipSpace();
        if (this.peek() === "}") {
            this.position++;
            return out;
        }
        for (let first = true; ; first = false) {
            const key = this.value();
            this.skipSpace();
            if (first && (this.peek() === "," || this.peek() === "}")) return this.setRest(key);
            if (this.peek() !== ":") this.fail();
            this.position++;
            out[typeof key === "string" ? key : JSON.stringify(key)] = this.value();
            this.skipSpace();
            const next = this.peek();
            this.position++;
            if (next === "}") return out;
            if (next !== ",") this.fail();
            this.skipSpace();
            if (this.peek() === "}") {
                this.position++;
                return out;
            }
        }
    }

    /** The rest of a set literal `{a, b}` whose first element was `first`: read as an array. */
    private setRest(first: JsonValue): JsonValue {
        const out: JsonValue[] = [first];
        for (;;) {
            this.skipSpace();
            const next = this.peek();
            this.position++;
            if (next === "}") return out;
            if (next !== ",") this.fail();
            this.skipSpace();
            if (this.peek() === "}") {
                this.position++;
                return out;
            }
            out.push(this.value());
        }
    }

    private sequence(close: string): JsonValue {
        this.position++;
        const out: JsonValue[] = [];
        this.skipSpace();
        if (this.peek() === close) {
            this.position++;
            return out;
        }
        for (;;) {
            out.push(this.value());
            this.skipSpace();
            const next = this.peek();
            this.position++;
            if (next === close) return out;
            if (next !== ",") this.fail();
            this.skipSpace();
            if (this.peek() === close) {
                this.position++;
                return out;
            }
        }
    }

    /** After a quote: does the string end here? (An unescaped quote inside the text, as in `'the user's'`, does not.) */
    private closes(): boolean {
        let at = this.position;
        while (at < this.text.length && (this.text[at] === " " || this.text[at] === "\t")) at++;
        return at >= this.text.length || /[,:}\])\n]/.test(this.text[at] as string);
    }

    private string(): string {
        const quote = this.peek();
        this.position++;
        let out = "";
        for (;;) {
            if (this.position >= this.text.length) this.fail();
            const char = this.text[this.position++] as string;
            if (char === quote && this.closes()) return out;
            if (char !== "\\") {
                out += char;
                continue;
            }
            const escape = this.text[this.position++] ?? "";
            const simple: Record<string, string> = {n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", "\"": "\"", "0": "\0", "\n": ""};
            if (Object.hasOwn(simple, escape)) out += simple[escape];
            else if (escape === "x" || escape === "u") {
                const length = escape === "x" ? 2 : 4;
                const hex = this.text.slice(this.position, this.position + length);
                if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) this.fail();
                out += String.fromCharCode(parseInt(hex, 16));
                this.position += length;
            } else out += "\\" + escape;
        }
    }
}
