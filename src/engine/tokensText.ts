import type {LlamaModel, Token} from "node-llama-cpp";

/** Tokens before the ones detokenised that node-llama-cpp is given as context (SentencePiece keeps a leading space after them). */
const CONTEXT_TOKENS = 8;

/**
 * The text of a token sequence exactly as the tokens spell it: each token detokenised on its own
 * with the tokens before it as context (a SentencePiece token keeps its leading space), runs of
 * byte tokens that only together spell a character detokenised together. Detokenising a whole
 * sequence at once is lossy for vocabularies that clean up spaces (`"a ?"` comes back `"a?"`),
 * which would change arguments the grammar wrote.
 */
export function tokensText(model: LlamaModel, tokens: readonly Token[], specialTokens = false, before: readonly Token[] = []): string {
    let text = "";
    let start = 0;
    // `before`: the tokens written ahead of these (text extended piece by piece keeps its spaces).
    const all = before.length === 0 ? tokens : [...before.slice(-CONTEXT_TOKENS), ...tokens];
    const offset = all.length - tokens.length;
    const context = (index: number): readonly Token[] => all.slice(Math.max(0, offset + index - CONTEXT_TOKENS), offset + index);
    while (start < tokens.length) {
        let end = start + 1;
        let piece = model.detokenize(tokens.slice(start, end), specialTokens, context(start));
        // A partial character: extend the run until it spells whole characters (or the tokens end).
        while (piece.includes("\uFFFD") && end < tokens.length && model.detokenize([tokens[end]!], specialTokens).includes("\uFFFD")) {
            end++;
            piece = model.detokenize(tokens.slice(start, end), specialTokens, context(start));
        }
        text += piece;
        start = end;
    }
    return text;
}
