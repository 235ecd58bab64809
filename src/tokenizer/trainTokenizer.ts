import {mkdir} from "node:fs/promises";
import path from "node:path";
import {byteLevel} from "./byteLevel.js";
import {chatmlSpecialTokens} from "./chatmlSpecialTokens.js";
import {itemCorpusRuns} from "./itemCorpusRuns.js";
import {preTokenize} from "./preTokenize.js";
import {readSynthItems} from "./readSynthItems.js";
import {splitOnSpecialTokens} from "./splitOnSpecialTokens.js";
import {trainBpe} from "./trainBpe.js";
import {TokenizerError} from "./TokenizerError.js";
import {writeTokenizerGguf, type TokenizerGgufInfo} from "./writeTokenizerGguf.js";

export interface TrainTokenizerOptions {
    /** A `toolace-r synth` output folder (its train split is read) or a `.jsonl` file of synthetic items. */
    corpus: string;
    /** Total tokens of the vocabulary, special tokens included. */
    size: number;
    /** The vocab GGUF to write. */
    out: string;
    /** Items read at most (default all). */
    maxItems?: number;
    minFrequency?: number;
}

export interface TrainTokenizerResult extends TokenizerGgufInfo {
    items: number;
    /** Distinct pre-tokenized pieces and their total. */
    distinctPieces: number;
    pieces: number;
    /** UTF-8 bytes of the corpus text (special tokens excluded). */
    corpusBytes: number;
    /** Fewer tokens than asked when the corpus ran out of pairs seen `minFrequency` times. */
    requestedSize: number;
    ms: number;
}

/**
 * Trains our byte-level BPE vocabulary on synthetic items rendered exactly as the model sees them
 * (ChatML prompt with tools, answers, refinement turn; see `itemCorpusRuns`), pre-tokenized like
 * llama.cpp's `refact` pre-tokenizer, and writes it as a vocab-only GGUF (`writeTokenizerGguf`).
 * The same corpus and options give the same file. Throws `TokenizerError` or `GgufError`.
 */
export async function trainTokenizer(options: TrainTokenizerOptions): Promise<TrainTokenizerResult> {
    const started = Date.now();
    const specials = chatmlSpecialTokens.all.length;
    if (!Number.isSafeInteger(options.size) || options.size < 256 + specials + 1) {
        throw new TokenizerError("tokenizer_invalid_options", `size must be an integer above ${256 + specials} (256 bytes + ${specials} special tokens), got ${String(options.size)}`,
            {option: "size"});
    }
    const words = new Map<string, number>();
    let items = 0;
    let pieces = 0;
    let corpusBytes = 0;
    for await (const item of readSynthItems(options.corpus, options.maxItems)) {
        items++;
        for (const run of itemCorpusRuns(item)) {
            const fragments = splitOnSpecialTokens(run.text, run.special ? chatmlSpecialTokens.all : chatmlSpecialTokens.userDefined);
            for (const fragment of fragments) {
                if (fragment.special) continue;
                for (const piece of preTokenize(fragment.text)) {
                    const word = byteLevel.encode(piece);
                    corpusBytes += word.length;
                    pieces++;
                    words.set(word, (words.get(word) ?? 0) + 1);
                }
            }
        }
    }
    if (items === 0) throw new TokenizerError("tokenizer_corpus", `the corpus ${options.corpus} has no items`, {corpus: options.corpus});
    const vocabulary = trainBpe(words, {size: options.size - specials, minFrequency: options.minFrequency});
    await mkdir(path.dirname(path.resolve(options.out)), {recursive: true});
    const info = await writeTokenizerGguf(options.out, vocabulary);
    return {...info, items, distinctPieces: words.size, pieces, corpusBytes, requestedSize: options.size, ms: Date.now() - started};
}
