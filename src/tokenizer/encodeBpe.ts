import {byteLevel} from "./byteLevel.js";
import {chatmlSpecialTokens} from "./chatmlSpecialTokens.js";
import {preTokenize} from "./preTokenize.js";
import {splitOnSpecialTokens} from "./splitOnSpecialTokens.js";

export interface BpeEncoder {
    /** Token ids of `text`; `parseControl` also matches control tokens (user-defined ones always match), like llama.cpp's `parse_special`. */
    encode(text: string, parseControl: boolean): number[];
}

/**
 * A reference encoder of a vocabulary written by `writeTokenizerGguf` (tokens, merges), doing what
 * llama.cpp's BPE tokenizer does: special-token partition, the refact pre-tokenizer, then the
 * lowest-ranked merge first within each piece. Used to count tokens without loading llama.cpp and
 * to check that llama.cpp reads the vocabulary as it was trained.
 */
export function encodeBpe(vocabulary: {tokens: readonly string[], merges: readonly string[]}): BpeEncoder {
    const idOf = new Map(vocabulary.tokens.map((text, id) => [text, id]));
    const rank = new Map(vocabulary.merges.map((merge, index) => [merge, index]));
    const cache = new Map<string, number[]>();
    const encodePiece = (piece: string): number[] => {
        const cached = cache.get(piece);
        if (cached !== undefined) return cached;
        const parts = [...byteLevel.encode(piece)];
        for (;;) {
            let best = -1;
            let bestRank = Infinity;
            for (let i = 0; i + 1 < parts.length; i++) {
                const r = rank.get(`${parts[i]!} ${parts[i + 1]!}`);
                if (r !== undefined && r < bestRank) {
                    bestRank = r;
                    best = i;
                }
            }
            if (best < 0) break;
            parts.splice(best, 2, parts[best]! + parts[best + 1]!);
        }
        const ids = parts.flatMap((part) => {
            const id = idOf.get(part);
            return id !== undefined ? [id] : [...part].map((char) => idOf.get(char)!);
        });
        if (cache.size < 200_000) cache.set(piece, ids);
        return ids;
    };
    const userDefined = chatmlSpecialTokens.userDefined.filter((token) => idOf.has(token));
    const control = chatmlSpecialTokens.control.filter((token) => idOf.has(token));
    return {
        encode(text, parseControl) {
            const ids: number[] = [];
            for (const fragment of splitOnSpecialTokens(text, parseControl ? [...control, ...userDefined] : userDefined)) {
                if (fragment.special) ids.push(idOf.get(fragment.text)!);
                else for (const piece of preTokenize(fragment.text)) ids.push(...encodePiece(piece));
            }
            return ids;
        }
    };
}
