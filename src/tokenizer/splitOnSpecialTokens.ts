/**
 * Cuts `text` around occurrences of `specials` (longest first, leftmost), as llama.cpp does before
 * running BPE on the fragments between them. Returns the fragments in order, each marked whether it
 * is one of the special tokens.
 */
export function splitOnSpecialTokens(text: string, specials: readonly string[]): {text: string, special: boolean}[] {
    const sorted = [...specials].filter((special) => special !== "").sort((a, b) => b.length - a.length);
    const out: {text: string, special: boolean}[] = [];
    let start = 0;
    let i = 0;
    while (i < text.length) {
        const hit = sorted.find((special) => text.startsWith(special, i));
        if (hit === undefined) {
            i++;
            continue;
        }
        if (i > start) out.push({text: text.slice(start, i), special: false});
        out.push({text: hit, special: true});
        i += hit.length;
        start = i;
    }
    if (start < text.length) out.push({text: text.slice(start), special: false});
    return out;
}
