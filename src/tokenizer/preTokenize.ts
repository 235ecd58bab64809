/**
 * The pre-tokenizer of our vocabulary, llama.cpp's `refact` (LLAMA_VOCAB_PRE_TYPE_REFACT, also
 * starcoder/smollm): every digit is a piece of its own (numbers copy digit by digit), the rest is
 * split by GPT-2's regex (words with their leading space, runs of punctuation such as `{"` or
 * `":`, whitespace). BPE merges never cross these pieces, here when training and in llama.cpp
 * when tokenizing.
 */
export const PRE_TOKENIZER = "refact";

const digit = /\p{N}/gu;
const gpt2 = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Splits text (with no special tokens in it) into the pieces llama.cpp's refact pre-tokenizer makes. */
export function preTokenize(text: string): string[] {
    const pieces: string[] = [];
    const gpt2Split = (part: string): void => {
        for (const match of part.matchAll(gpt2)) pieces.push(match[0]);
    };
    let last = 0;
    for (const match of text.matchAll(digit)) {
        if (match.index > last) gpt2Split(text.slice(last, match.index));
        pieces.push(match[0]);
        last = match.index + match[0].length;
    }
    if (last < text.length) gpt2Split(text.slice(last));
    return pieces;
}
