import {type LlamaModel, LlamaVocabularyType, type Token} from "node-llama-cpp";

/**
 * The most bytes of text any one token of the model stands for (at least 4: a character the
 * vocabulary lacks becomes one unknown token), or undefined for vocabularies where one token can
 * stand for a whole unknown word (WordPiece, Unigram...). A text of N bytes thus takes at least
 * N / longest tokens. Detokenizes the whole vocabulary: about 30 ms for 32k tokens, 130 ms for 150k.
 */
export function longestTokenBytes(model: LlamaModel): number | undefined {
    if (model.vocabularyType !== LlamaVocabularyType.spm && model.vocabularyType !== LlamaVocabularyType.bpe) return undefined;
    const tokens = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
    if (!Array.isArray(tokens)) return undefined;
    let longest = 4;
    for (let token = 0; token < tokens.length; token++)
        longest = Math.max(longest, Buffer.byteLength(model.detokenize([token as Token], true)));
    return longest;
}
