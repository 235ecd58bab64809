import type {LlamaModel, Token} from "node-llama-cpp";

/**
 * The text of a token sequence exactly as the tokens spell it: each token's own text, with runs of
 * byte tokens that only together spell a character detokenised together. Detokenising a whole
 * sequence at once is lossy for vocabularies that clean up spaces (`"a ?"` comes back `"a?"`),
 * which would change arguments the grammar wrote.
 */
export function tokensText(model: LlamaModel, tokens: readonly Token[], specialTokens = false): string {
    let text = "";
    let bytes: Token[] = [];
    for (const token of tokens) {
        const own = model.detokenize([token], specialTokens);
        if (own.includes("\uFFFD")) {
            bytes.push(token);
            continue;
        }
        if (bytes.length > 0) text += model.detokenize(bytes, specialTokens);
        bytes = [];
        text += own;
    }
    return bytes.length > 0 ? text + model.detokenize(bytes, specialTokens) : text;
}
