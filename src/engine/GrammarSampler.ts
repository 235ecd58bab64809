import {type Llama, LlamaGrammar, type LlamaModel, type Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import {GrammarProbe} from "./GrammarProbe.js";
import {tokensText} from "./tokensText.js";

export type GrammarSampleOptions = {
    /** Seed of the random walk (the same seed, grammar and vocabulary give the same texts). */
    seed: number,
    /** Tokens after which the walk closes what it can (default 2,000). */
    softLimit?: number,
    /** Tokens after which the walk gives up with an error (default 20,000). */
    hardLimit?: number
};

/** Characters that close a string, array or object: the walk favours them more the longer it runs. */
const closers = ["\"", "]", "}"];

/**
 * Random texts of a GBNF grammar, drawn through llama.cpp's grammar engine (node-llama-cpp's
 * grammar evaluation state) over a model's vocabulary: a walk that at each step picks a random
 * single-character token the grammar allows (closing characters more often as the text grows, so
 * walks end), falls back to any allowed token where no single character is, and ends where the
 * grammar allows the end of generation. Every text it returns is one the grammar accepts, so
 * validating them against the schema the grammar came from checks that the grammar is sound.
 */
export class GrammarSampler {
    private constructor(private readonly model: LlamaModel, private readonly vocabularySize: number, private readonly chars: readonly {char: string, token: Token}[],
        private readonly closerTokens: readonly {char: string, token: Token}[], private readonly eos: Token) {}

    /** A sampler over `model`'s vocabulary (a vocabulary-only load is enough). */
    public static create(model: LlamaModel): GrammarSampler {
        const eos = model.tokens.eos;
        if (eos == null) throw new ToolaceError("sample", "the model has no end-of-generation token to end a grammar's text");
        const tokens = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
        if (!Array.isArray(tokens) || tokens.length === 0) throw new ToolaceError("sample", "the model's file lists no vocabulary");
        const byChar = new Map<string, Token>();
        for (let id = 0; id < tokens.length; id++) {
            const token = id as Token;
            const text = model.detokenize([token]);
            if ([...text].length !== 1 || text === "\uFFFD" || byChar.has(text)) continue;
            if (model.isSpecialToken(token)) continue;
            byChar.set(text, token);
        }
        const chars = [...byChar].map(([char, token]) => ({char, token}));
        return new GrammarSampler(model, tokens.length, chars, chars.filter(({char}) => closers.includes(char)), eos);
    }

    /** `count` texts of `grammarText`, one walk each from one seeded random stream. */
    public sample(llama: Llama, grammarText: string, count: number, options: GrammarSampleOptions): string[] {
        const grammar = new LlamaGrammar(llama, {grammar: grammarText});
        const random = mulberry32(options.seed);
        const texts: string[] = [];
        for (let i = 0; i < count; i++) texts.push(this.walk(grammar, random, options.softLimit ?? 2_000, options.hardLimit ?? 20_000));
        return texts;
    }

    private walk(grammar: LlamaGrammar, random: () => number, softLimit: number, hardLimit: number): string {
        const probe = GrammarProbe.create(this.model, grammar);
        if (probe === undefined) throw new ToolaceError("sample", "this node-llama-cpp build cannot step a grammar token by token");
        const text = (): string => tokensText(this.model, probe.path);
        for (;;) {
            const length = probe.path.length;
            if (length > hardLimit) throw new ToolaceError("sample", `a walk through the grammar passed ${hardLimit} tokens without ending`, {text: text().slice(0, 200)});
            const complete = probe.allows(this.eos);
            if (complete && (random() < 0.5 || !this.anyAllowed(probe))) return text();
            const closeBias = Math.min(1, 0.1 + length / softLimit);
            const next = (random() < closeBias ? this.firstAllowed(probe, shuffled(this.closerTokens, random)) : undefined)
                ?? this.firstAllowed(probe, shuffled(this.chars, random))
                ?? this.anyToken(probe, random);
            if (next === undefined) {
                if (complete) return text();
                throw new ToolaceError("sample", "the grammar allows no token after this text: it has a dead end", {text: text().slice(-200)});
            }
            probe.accept([next.token]);
        }
    }

    private anyAllowed(probe: GrammarProbe): boolean {
        return this.chars.some(({token}) => probe.allows(token));
    }

    private firstAllowed(probe: GrammarProbe, candidates: Iterable<{char: string, token: Token}>): {char: string, token: Token} | undefined {
        for (const candidate of candidates) if (probe.allows(candidate.token)) return candidate;
        return undefined;
    }

    /** A random allowed token of the whole vocabulary (characters no single token spells). */
    private anyToken(probe: GrammarProbe, random: () => number): {char: string, token: Token} | undefined {
        const size = this.vocabularySize;
        const start = Math.floor(random() * size);
        for (let i = 0; i < size; i++) {
            const token = ((start + i) % size) as Token;
            if (token === this.eos || !probe.allows(token)) continue;
            return {char: "", token};
        }
        return undefined;
    }
}

/** The candidates in a random order, drawn lazily (most walks stop at the first few). */
function* shuffled<T>(items: readonly T[], random: () => number): Generator<T> {
    const order = items.map((_, i) => i);
    for (let i = 0; i < order.length; i++) {
        const j = i + Math.floor(random() * (order.length - i));
        [order[i], order[j]] = [order[j]!, order[i]!];
        yield items[order[i]!]!;
    }
}

/** A small seeded generator of uniform numbers in [0, 1). */
function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
