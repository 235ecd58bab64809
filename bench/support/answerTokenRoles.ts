/** What a token of a tool-call answer is, for per-role losses (bench copy). */
export type AnswerTokenRole = "name" | "repeatedName" | "value" | "structure";

/**
 * Marks the primitive values (string contents, numbers, literals) of the JSON value starting at
 * `start` in `text`; returns the index after it, or text.length when the text ends inside it.
 */
function markValues(text: string, start: number, mark: (from: number, to: number) => void): number {
    let i = start;
    const skipSpace = (): void => { while (i < text.length && /\s/.test(text[i]!)) i++; };
    const string = (): {from: number, to: number} => {
        const from = ++i;
        while (i < text.length && text[i] !== "\"") i += text[i] === "\\" ? 2 : 1;
        const to = Math.min(i, text.length);
        i++;
        return {from, to};
    };
    skipSpace();
    const char = text[i];
    if (char === "{" || char === "[") {
        const close = char === "{" ? "}" : "]";
        i++;
        for (;;) {
            skipSpace();
            if (i >= text.length) return text.length;
            if (text[i] === close) return i + 1;
            if (text[i] === ",") { i++; continue; }
            if (char === "{") {
                if (text[i] !== "\"") return text.length;
                string();
                skipSpace();
                if (text[i] !== ":") return text.length;
                i++;
            }
            i = markValues(text, i, mark);
        }
    }
    if (char === "\"") {
        const {from, to} = string();
        mark(from, to);
        return Math.min(i, text.length);
    }
    const from = i;
    while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
    mark(from, i);
    return i;
}

/**
 * The role of each answer token, from the answer's text pieces (one per token): a token inside a
 * call's `"name": "…"` value is `name`, or `repeatedName` when an earlier call of the same answer
 * wrote that name (copying it needs only the answer itself); a token inside a primitive argument
 * value (string content, number, literal) is `value`; the rest (envelopes, keys, punctuation, text
 * answers) is `structure`. A token takes the role of its first character that is not a space or a
 * quote.
 */
export function answerTokenRoles(pieces: readonly string[]): AnswerTokenRole[] {
    const text = pieces.join("");
    const roles: AnswerTokenRole[] = Array.from({length: text.length}, () => "structure");
    const fill = (from: number, to: number, role: AnswerTokenRole): void => {
        for (let i = from; i < to; i++) roles[i] = role;
    };
    const seen = new Set<string>();
    for (const match of text.matchAll(/"name":\s*"([^"]*)"/g)) {
        const name = match[1]!;
        const from = match.index + match[0].length - 1 - name.length;
        fill(from, from + name.length, seen.has(name) ? "repeatedName" : "name");
        seen.add(name);
    }
    for (const match of text.matchAll(/"arguments":\s*(?=\{)/g)) {
        markValues(text, match.index + match[0].length, (from, to) => fill(from, to, "value"));
    }
    const out: AnswerTokenRole[] = [];
    let offset = 0;
    for (const piece of pieces) {
        let at = offset;
        while (at < offset + piece.length && /[\s"]/.test(text[at]!)) at++;
        out.push(at < offset + piece.length ? roles[at]! : "structure");
        offset += piece.length;
    }
    return out;
}
