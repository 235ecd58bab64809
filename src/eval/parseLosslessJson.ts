import {LosslessJsonError} from "./LosslessJsonError.js";
import {PyDict, type PyValue, pyFloat, pyInt} from "./PyValue.js";

/**
 * Parses JSON the way Python's `json.loads` does, keeping what `JSON.parse` loses: a number
 * token with a fraction or an exponent is a float (`5.0`, `1e3`), any other is an exact int
 * (`5`, 20-digit ids). Objects become {@link PyDict}s (a repeated key keeps its first position
 * and its last value). `NaN`, `Infinity` and `-Infinity` are accepted as Python accepts them;
 * raw control characters in strings are not. Errors are {@link LosslessJsonError}s with position.
 */
export function parseLosslessJson(text: string): PyValue {
    const parser = new JsonParser(text);
    parser.skipWhitespace();
    const value = parser.parseValue();
    parser.skipWhitespace();
    if (parser.pos < text.length) parser.fail("Extra data after the JSON value");
    return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

class JsonParser {
    public pos = 0;

    public constructor(private readonly text: string) {}

    public fail(message: string, at = this.pos): never {
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < at && i < this.text.length; i++) {
            if (this.text.charCodeAt(i) === 10) {
                line++;
                lineStart = i + 1;
            }
        }
        const column = at - lineStart + 1;
        throw new LosslessJsonError(`${message}: line ${line} column ${column} (char ${at})`, {position: at, line, column});
    }

    public skipWhitespace(): void {
        const text = this.text;
        let pos = this.pos;
        while (pos < text.length) {
            const c = text.charCodeAt(pos);
            if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
            pos++;
        }
        this.pos = pos;
    }

    public parseValue(): PyValue {
        const text = this.text;
        const c = text[this.pos];
        switch (c) {
            case "{": return this.parseObject();
            case "[": return this.parseArray();
            case "\"": return this.parseString();
            case "t": return this.literal("true", true);
            case "f": return this.literal("false", false);
            case "n": return this.literal("null", null);
            case "N": return this.literal("NaN", pyFloat(NaN));
            case "I": return this.literal("Infinity", pyFloat(Infinity));
            case undefined: return this.fail("Expecting value");
            default:
                if (c === "-" && text.startsWith("-Infinity", this.pos)) return this.literal("-Infinity", pyFloat(-Infinity));
                return this.parseNumber();
        }
    }

    private literal<T extends PyValue>(word: string, value: T): T {
        if (!this.text.startsWith(word, this.pos)) this.fail("Expecting value");
        this.pos += word.length;
        return value;
    }

    private parseNumber(): PyValue {
        NUMBER.lastIndex = this.pos;
        const match = NUMBER.exec(this.text);
        if (match === null) return this.fail("Expecting value");
        this.pos += match[0].length;
        if (match[1] === undefined && match[2] === undefined) return pyInt(BigInt(match[0]));
        return pyFloat(Number(match[0]));
    }

    private parseArray(): PyValue[] {
        this.pos++;
        const items: PyValue[] = [];
        this.skipWhitespace();
        if (this.text[this.pos] === "]") {
            this.pos++;
            return items;
        }
        for (;;) {
            this.skipWhitespace();
            items.push(this.parseValue());
            this.skipWhitespace();
            const c = this.text[this.pos];
            if (c === "]") {
                this.pos++;
                return items;
            }
            if (c !== ",") this.fail("Expecting ',' delimiter");
            this.pos++;
        }
    }

    private parseObject(): PyDict {
        this.pos++;
        const entries: [string, PyValue][] = [];
        this.skipWhitespace();
        if (this.text[this.pos] === "}") {
            this.pos++;
            return PyDict.from(entries);
        }
        for (;;) {
            this.skipWhitespace();
            if (this.text[this.pos] !== "\"") this.fail("Expecting property name enclosed in double quotes");
            const key = this.parseString();
            this.skipWhitespace();
            if (this.text[this.pos] !== ":") this.fail("Expecting ':' delimiter");
            this.pos++;
            this.skipWhitespace();
            entries.push([key, this.parseValue()]);
            this.skipWhitespace();
            const c = this.text[this.pos];
            if (c === "}") {
                this.pos++;
                return PyDict.from(entries);
            }
            if (c !== ",") this.fail("Expecting ',' delimiter");
            this.pos++;
        }
    }

    private parseString(): string {
        const text = this.text;
        const start = this.pos;
        let pos = start + 1;
        let out = "";
        let chunkStart = pos;
        for (;;) {
            if (pos >= text.length) this.fail("Unterminated string starting at", start);
            const c = text.charCodeAt(pos);
            if (c === 34) {
                out += text.slice(chunkStart, pos);
                this.pos = pos + 1;
                return out;
            }
            if (c < 0x20) this.fail("Invalid control character at", pos);
            if (c !== 92) {
                pos++;
                continue;
            }
            out += text.slice(chunkStart, pos);
            const e = text[pos + 1];
            switch (e) {
                case "\"": out += "\""; break;
                case "\\": out += "\\"; break;
                case "/": out += "/"; break;
                case "b": out += "\b"; break;
                case "f": out += "\f"; break;
                case "n": out += "\n"; break;
                case "r": out += "\r"; break;
                case "t": out += "\t"; break;
                case "u": {
                    const hex = text.slice(pos + 2, pos + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("Invalid \\uXXXX escape", pos + 1);
                    out += String.fromCharCode(parseInt(hex, 16));
                    pos += 4;
                    break;
                }
                default: this.fail("Invalid \\escape", pos);
            }
            pos += 2;
            chunkStart = pos;
        }
    }
}
