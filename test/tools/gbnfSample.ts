/**
 * Test helper: draws random texts from a GBNF grammar by a random walk over its rules. It reads
 * the subset of llama.cpp's GBNF that `compileArgumentsGrammar` writes (one rule per line;
 * literals, character classes with ranges/negation/escapes, rule references, groups,
 * alternation, `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`). Texts it draws should always be accepted
 * by llama.cpp (the tests check that too).
 */

type CharRange = [number, number];
type Atom =
    | {kind: "literal", text: string}
    | {kind: "class", negated: boolean, ranges: CharRange[]}
    | {kind: "ref", name: string}
    | {kind: "group", alternatives: Item[][]};
interface Item {atom: Atom, min: number, max: number | undefined}

/** Characters tried for negated classes: printable ASCII, some non-ASCII, controls. */
const palette: number[] = [
    ...Array.from({length: 95}, (_, i) => 0x20 + i),
    0xe9, 0xdf, 0x4e2d, 0x1f600, 0x0a, 0x09, 0x00, 0x7f
];

class Parser {
    private pos = 0;

    public constructor(private readonly text: string) {}

    public alternatives(): Item[][] {
        const alternatives: Item[][] = [this.sequence()];
        while (this.peek() === "|") {
            this.pos++;
            alternatives.push(this.sequence());
        }
        return alternatives;
    }

    public atEnd(): boolean {
        this.skipSpace();
        return this.pos >= this.text.length;
    }

    private peek(): string | undefined {
        this.skipSpace();
        return this.text[this.pos];
    }

    private skipSpace(): void {
        while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
    }

    private sequence(): Item[] {
        const items: Item[] = [];
        for (;;) {
            const c = this.peek();
            if (c === undefined || c === "|" || c === ")") return items;
            items.push(this.item());
        }
    }

    private item(): Item {
        const atom = this.atom();
        let min = 1;
        let max: number | undefined = 1;
        const c = this.text[this.pos];
        if (c === "?") [min, max] = [0, 1];
        else if (c === "*") [min, max] = [0, undefined];
        else if (c === "+") [min, max] = [1, undefined];
        else if (c === "{") {
            const match = /^\{(\d+)(,(\d*))?\}/.exec(this.text.slice(this.pos));
            if (match === null) throw new Error(`bad repetition at ${this.pos}`);
            min = Number(match[1]);
            max = match[2] === undefined ? min : match[3] === "" ? undefined : Number(match[3]);
            this.pos += match[0].length - 1;
        } else return {atom, min, max};
        this.pos++;
        return {atom, min, max};
    }

    private atom(): Atom {
        const c = this.peek();
        if (c === "\"") {
            this.pos++;
            let text = "";
            while (this.text[this.pos] !== "\"") text += String.fromCodePoint(this.char());
            this.pos++;
            return {kind: "literal", text};
        }
        if (c === "[") {
            this.pos++;
            const negated = this.text[this.pos] === "^";
            if (negated) this.pos++;
            const ranges: CharRange[] = [];
            while (this.text[this.pos] !== "]") {
                const from = this.char();
                if (this.text[this.pos] === "-" && this.text[this.pos + 1] !== "]") {
                    this.pos++;
                    ranges.push([from, this.char()]);
                } else ranges.push([from, from]);
            }
            this.pos++;
            return {kind: "class", negated, ranges};
        }
        if (c === "(") {
            this.pos++;
            const alternatives = this.alternatives();
            if (this.peek() !== ")") throw new Error(`expected ) at ${this.pos}`);
            this.pos++;
            return {kind: "group", alternatives};
        }
        const match = /^[A-Za-z0-9-]+/.exec(this.text.slice(this.pos));
        if (match === null) throw new Error(`unexpected ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))}`);
        this.pos += match[0].length;
        return {kind: "ref", name: match[0]};
    }

    private char(): number {
        const c = this.text[this.pos];
        if (c === undefined) throw new Error("unexpected end");
        if (c !== "\\") {
            const code = this.text.codePointAt(this.pos) as number;
            this.pos += code > 0xffff ? 2 : 1;
            return code;
        }
        const e = this.text[this.pos + 1];
        this.pos += 2;
        const simple: Record<string, number> = {n: 10, r: 13, t: 9, "\\": 92, "\"": 34, "[": 91, "]": 93};
        if (e !== undefined && simple[e] !== undefined) return simple[e];
        const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
        if (width === 0) throw new Error(`unknown escape \\${e}`);
        const code = Number.parseInt(this.text.slice(this.pos, this.pos + width), 16);
        this.pos += width;
        return code;
    }
}

export class GbnfSampler {
    private readonly rules = new Map<string, Item[][]>();

    public constructor(grammar: string, private readonly random: () => number) {
        for (const line of grammar.split("\n")) {
            if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
            const separator = line.indexOf("::=");
            if (separator < 0) throw new Error(`not a rule: ${line}`);
            const parser = new Parser(line.slice(separator + 3));
            const alternatives = parser.alternatives();
            if (!parser.atEnd()) throw new Error(`trailing text in rule: ${line}`);
            this.rules.set(line.slice(0, separator).trim(), alternatives);
        }
    }

    /** One random text of rule `start`. `extraRepetitions` bounds how far beyond `min` a repetition goes. */
    public sample(start: string = "root", extraRepetitions: number = 3): string {
        return this.rule(start, extraRepetitions, 0);
    }

    private rule(name: string, extra: number, depth: number): string {
        const alternatives = this.rules.get(name);
        if (alternatives === undefined) throw new Error(`undefined rule ${name}`);
        if (depth > 200) throw new Error("grammar recursion too deep");
        return this.alternatives(alternatives, extra, depth + 1);
    }

    private pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)] as T;
    }

    private alternatives(alternatives: Item[][], extra: number, depth: number): string {
        return this.pick(alternatives).map((item) => this.item(item, extra, depth)).join("");
    }

    private item(item: Item, extra: number, depth: number): string {
        const max = Math.min(item.max ?? Infinity, item.min + extra);
        const count = item.min + Math.floor(this.random() * (max - item.min + 1));
        let out = "";
        for (let i = 0; i < count; i++) out += this.atom(item.atom, extra, depth);
        return out;
    }

    private atom(atom: Atom, extra: number, depth: number): string {
        switch (atom.kind) {
            case "literal": return atom.text;
            case "ref": return this.rule(atom.name, extra, depth);
            case "group": return this.alternatives(atom.alternatives, extra, depth);
            case "class": {
                const inClass = (code: number): boolean => atom.ranges.some(([from, to]) => code >= from && code <= to);
                if (atom.negated) {
                    const candidates = palette.filter((code) => !inClass(code));
                    if (candidates.length === 0) throw new Error("no palette character outside a negated class");
                    return String.fromCodePoint(this.pick(candidates));
                }
                const [from, to] = this.pick(atom.ranges);
                return String.fromCodePoint(from + Math.floor(this.random() * (to - from + 1)));
            }
        }
    }
}

/** A small deterministic PRNG (mulberry32) so that failures reproduce. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
