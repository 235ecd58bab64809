import type {LlamaGrammar, LlamaModel, Token} from "node-llama-cpp";
import type {GrammarProbe} from "./GrammarProbe.js";

/** Vocabularies up to this size are enumerated through the grammar at a position (4,096 tokens: about 1.4 ms). */
export const MAX_ENUMERATED_VOCABULARY = 32_768;
/** A position whose grammar allows at most this many first characters, and this many tokens, has its allowed tokens listed (allowedTokensIfFew). */
export const FEW_FIRST_CHARACTERS = 8;
export const FEW_TOKENS = 64;
/** Grammar positions remembered per grammar by allowedTokensIfFew (a refinement loop checks drafts that share long prefixes). */
export const FEW_CACHE_SIZE = 4096;
/** Characters of the draft's remaining text searched for tokens that spell its beginning. */
export const PREFIX_TEXT_LENGTH = 48;

/**
 * Token texts of a model's vocabulary, for draft checks (verifyDraft): which tokens spell the
 * beginning of a text (the rivals a grammar usually leaves where it forces a literal, such as a
 * property name: "s", "st", "stin"...), and every token a grammar allows at a position. One index
 * per model, built on first use (one detokenization per token: 3 ms for 4,096 tokens).
 */
export class VocabularyIndex {
    private static readonly byModel = new WeakMap<LlamaModel, VocabularyIndex>();
    private readonly byText = new Map<string, Token[]>();
    private readonly texts: string[] = [];
    /** Tokens by their first character, with the token of that character alone (see allowedTokens); undefined where texts are not the grammar's pieces. */
    private readonly groups: {single: Token | undefined, tokens: Token[]}[] | undefined;
    /** Tokens tested one by one: special ones, partial UTF-8 sequences. */
    private readonly loose: Token[] = [];
    /** allowedTokensIfFew's answers by grammar and path (null: not few). */
    private readonly fewByGrammar = new WeakMap<LlamaGrammar, Map<string, Set<Token> | null>>();

    private constructor(model: LlamaModel, public readonly size: number, byteLevel: boolean) {
        const groups = new Map<string, {single: Token | undefined, tokens: Token[]}>();
        for (let token = 0 as Token; token < size; token++) {
            const text = model.detokenize([token], false);
            this.texts.push(text);
            // Partial UTF-8 sequences and tokens without text (special ones) spell nothing reliably.
            if (text.length === 0 || text.includes("\uFFFD")) {
                this.loose.push(token);
                continue;
            }
            const same = this.byText.get(text);
            if (same == null) this.byText.set(text, [token]);
            else same.push(token);
            const head = String.fromCodePoint(text.codePointAt(0)!);
            const group = groups.get(head) ?? {single: undefined, tokens: []};
            groups.set(head, group);
            group.tokens.push(token);
            if (text === head && group.single === undefined) group.single = token;
        }
        this.groups = byteLevel ? [...groups.values()] : undefined;
    }

    /** The index of `model`, or undefined when its vocabulary size is unknown. */
    public static for(model: LlamaModel): VocabularyIndex | undefined {
        const cached = VocabularyIndex.byModel.get(model);
        if (cached != null) return cached;
        const tokens = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
        if (!Array.isArray(tokens) || tokens.length === 0) return undefined;
        // Byte-level BPE vocabularies (GPT-2 style: Llama 3, Qwen, the default model) detokenize a token to the very piece a
        // grammar checks; SentencePiece ones drop a leading space of the first token, so their texts are not used to prune.
        const tokenizer = (model.fileInfo.metadata as {tokenizer?: {ggml?: {model?: unknown}}}).tokenizer?.ggml?.model;
        const index = new VocabularyIndex(model, tokens.length, tokenizer === "gpt2");
        VocabularyIndex.byModel.set(model, index);
        return index;
    }

    /** The text of one token on its own ("" for special tokens). */
    public text(token: Token): string {
        return this.texts[token] ?? "";
    }

    /** The text of `tokens` from `start`, cut to about `length` characters. */
    public textOf(tokens: readonly Token[], start: number, length = PREFIX_TEXT_LENGTH): string {
        let text = "";
        for (let i = start; i < tokens.length && text.length < length; i++) text += this.text(tokens[i]!);
        return text.slice(0, length);
    }

    /** Tokens whose text is a non-empty prefix of `text`. */
    public prefixTokens(text: string): Token[] {
        const found: Token[] = [];
        for (let length = 1; length <= text.length; length++) {
            const tokens = this.byText.get(text.slice(0, length));
            if (tokens != null) found.push(...tokens);
        }
        return found;
    }

    /**
     * Every token the grammar allows at the probe's position where that is a short list (at most
     * FEW_FIRST_CHARACTERS first characters and FEW_TOKENS tokens: a property name, a tool name, a
     * closing bracket), else undefined. Asking about each first character alone decides (about 0.05
     * ms for the default model's 4,096 tokens), so positions that allow any text cost little. Only
     * for byte-level vocabularies (see allowedTokens). Answers are remembered by grammar and path
     * (the tokens accepted from the grammar's start determine its state), at most FEW_CACHE_SIZE
     * per grammar.
     */
    public allowedTokensIfFew(probe: GrammarProbe): Set<Token> | undefined {
        if (this.groups == null || this.size > MAX_ENUMERATED_VOCABULARY) return undefined;
        let cache = this.fewByGrammar.get(probe.grammar);
        if (cache == null) this.fewByGrammar.set(probe.grammar, cache = new Map());
        const key = probe.path.join(",");
        const known = cache.get(key);
        if (known !== undefined) return known ?? undefined;
        const found = this.allowedByFirstCharacter(probe, FEW_FIRST_CHARACTERS, FEW_TOKENS);
        if (cache.size >= FEW_CACHE_SIZE) cache.clear();
        cache.set(key, found ?? null);
        return found;
    }

    /**
     * Every token the grammar allows at the probe's position, or undefined for vocabularies over
     * MAX_ENUMERATED_VOCABULARY. The grammar is asked token by token (0.35 µs a token: 1.4 ms for
     * 4,096), except that in byte-level vocabularies a token whose first character the grammar
     * refuses on its own is refused too (a grammar that accepts a text accepts its first character:
     * llama.cpp matches a token character by character), so a position that allows few characters
     * asks about a few hundred tokens.
     */
    public allowedTokens(probe: GrammarProbe): Set<Token> | undefined {
        if (this.size > MAX_ENUMERATED_VOCABULARY) return undefined;
        if (this.groups != null) return this.allowedByFirstCharacter(probe, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
        const allowed = new Set<Token>();
        for (let token = 0 as Token; token < this.size; token++)
            if (probe.allows(token)) allowed.add(token);
        return allowed;
    }

    /**
     * The allowed tokens of a byte-level vocabulary, skipping the tokens whose first character the
     * grammar refuses on its own; undefined (or for a vocabulary without groups) once more than
     * `maxCharacters` first characters or `maxTokens` tokens are allowed.
     */
    private allowedByFirstCharacter(probe: GrammarProbe, maxCharacters: number, maxTokens: number): Set<Token> | undefined {
        if (this.groups == null) return undefined;
        const candidates: Token[] = [...this.loose];
        let characters = 0;
        for (const {single, tokens} of this.groups) {
            if (single !== undefined && !probe.allows(single)) continue;
            if (single !== undefined && ++characters > maxCharacters) return undefined;
            candidates.push(...tokens);
        }
        const allowed = new Set<Token>();
        for (const token of candidates) {
            if (!probe.allows(token)) continue;
            allowed.add(token);
            if (allowed.size > maxTokens) return undefined;
        }
        return allowed;
    }
}
