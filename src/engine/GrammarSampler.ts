import {type Llama, LlamaGrammar, type LlamaModel, type Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import {GrammarProbe} from "./GrammarProbe.js";
import {tokensText} from "./tokensText.js";
import {SeededRandom} from "../model/SeededRandom.js";

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
/** One character of each kind, tried in this order when the walk looks for the shortest way to end. */
const representatives = ["\"", "]", "}", ".", ",", ":", "-", "_", "/", "@", "a", "b", "0", "1", "A", " ", "\\", "n", "u", "+", "e", "x"];
/** Grammar states one look for a near end may visit, and all looks of one walk together (each copies a grammar state). */
const lookBudget = 200;
const walkLookBudget = 4_000;

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
        private readonly closerTokens: readonly {char: string, token: Token}[], private readonly eos: Token,
        private readonly representativeTokens: readonly Token[]) {}

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
        const representativeTokens = representatives.map((char) => byChar.get(char)).filter((token): token is Token => token !== undefined);
        return new GrammarSampler(model, tokens.length, chars, chars.filter(({char}) => closers.includes(char)), eos, representativeTokens);
    }

    /** `count` texts of `grammarText`, one walk each from one seeded random stream. */
    public sample(llama: Llama, grammarText: string, count: number, options: GrammarSampleOptions): string[] {
        const grammar = new LlamaGrammar(llama, {grammar: grammarText});
        const generator = new SeededRandom(options.seed);
        const random = (): number => generator.nextFloat();
        const texts: string[] = [];
        for (let i = 0; i < count; i++) texts.push(this.walk(grammar, random, options.softLimit ?? 2_000, options.hardLimit ?? 20_000));
        return texts;
    }

    private walk(grammar: LlamaGrammar, random: () => number, softLimit: number, hardLimit: number): string {
        const probe = GrammarProbe.create(this.model, grammar);
        if (probe === undefined) throw new ToolaceError("sample", "this node-llama-cpp build cannot step a grammar token by token");
        const text = (): string => tokensText(this.model, probe.path);
        let lookBudgetLeft = walkLookBudget;
        for (;;) {
            const length = probe.path.length;
            if (length > hardLimit) throw new ToolaceError("sample", `a walk through the grammar passed ${hardLimit} tokens without ending`, {text: text().slice(0, 200)});
            const complete = probe.allows(this.eos);
            if (complete && (random() < 0.5 || !this.anyAllowed(probe))) return text();
            // Past the soft limit the walk heads for the end: an end a few characters away if a short look finds one
            // (patterns such as `[^@]+\.[a-z]{2,}` rarely end by chance), else one of the representative characters allowed.
            if (length > softLimit) {
                const ending = lookBudgetLeft > 0 ? this.nearEnding(probe, Math.min(lookBudget, lookBudgetLeft), (used) => lookBudgetLeft -= used) : undefined;
                if (ending !== undefined) {
                    probe.accept(ending);
                    return text();
                }
                const steps = this.representativeTokens.filter((token) => probe.allows(token));
                if (steps.length > 0) {
                    probe.accept([steps[Math.floor(random() * steps.length)]!]);
                    continue;
                }
            }
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

    /** The fewest representative characters (at most 4; see representatives) after which the grammar may end, by iterative deepening within `budget` states; undefined when none. */
    private nearEnding(probe: GrammarProbe, budget: number, spent: (states: number) => void): Token[] | undefined {
        const start = budget;
        const search = (state: GrammarProbe, depth: number): Token[] | undefined => {
            if (state.allows(this.eos)) return [];
            if (depth === 0 || budget <= 0) return undefined;
            for (const token of this.representativeTokens) {
                if (!state.allows(token)) continue;
                if (--budget <= 0) return undefined;
                const next = state.clone();
                next.accept([token]);
                const rest = search(next, depth - 1);
                if (rest !== undefined) return [token, ...rest];
            }
            return undefined;
        };
        try {
            for (let depth = 1; depth <= 4 && budget > 0; depth++) {
                const found = search(probe, depth);
                if (found !== undefined) return found;
            }
            return undefined;
        } finally {
            spent(start - budget);
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
