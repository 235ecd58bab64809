import type {LlamaModel, Token} from "node-llama-cpp";

/** The tool-call envelope of a chat format, as the repeat check needs it. */
export type CallEnvelope = {prefix: string, suffix: string};

/**
 * Small models that call tools in parallel often fall into a loop: after a complete call they
 * write the very same call again, up to the grammar's call limit. When the output `generated`
 * ends with a call identical (same text) to an earlier call of the same turn, returns the tokens
 * of the output without that repeat: the text up to the end of the earlier calls. They are the
 * generated tokens up to there when a token boundary falls where the repeat begins; otherwise the
 * generated tokens up to the last boundary before it, then the rest of that text tokenized.
 * Returns undefined when the last call is no repeat.
 */
export function repeatedCallCut(model: LlamaModel, generated: readonly Token[], envelope: CallEnvelope): Token[] | undefined {
    // Formats whose calls have no envelope (bare JSON) are not checked.
    if (envelope.prefix === "" || envelope.suffix === "") return undefined;
    const text = model.detokenize([...generated], true);
    if (!text.endsWith(envelope.suffix)) return undefined;
    const calls: {start: number, end: number, body: string}[] = [];
    let from = 0;
    for (;;) {
        const start = text.indexOf(envelope.prefix, from);
        if (start < 0) break;
        const end = text.indexOf(envelope.suffix, start + envelope.prefix.length);
        if (end < 0) break;
        calls.push({start, end: end + envelope.suffix.length, body: text.slice(start + envelope.prefix.length, end).trim()});
        from = end + envelope.suffix.length;
    }
    const last = calls[calls.length - 1];
    if (calls.length < 2 || last === undefined || last.end !== text.length) return undefined;
    if (!calls.slice(0, -1).some((call) => call.body === last.body)) return undefined;
    const keep = text.slice(0, calls[calls.length - 2]!.end);
    for (let count = generated.length - 1; count >= 0; count--) {
        const head = count === 0 ? "" : model.detokenize(generated.slice(0, count), true);
        if (head === keep) return generated.slice(0, count);
        if (head.length < keep.length && keep.startsWith(head))
            return [...generated.slice(0, count), ...model.tokenize(keep.slice(head.length), true)];
    }
    return undefined;
}
