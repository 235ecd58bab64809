/**
 * A piece of a rendered conversation. The model sees the concatenation of every segment's tokens;
 * segments are tokenized one by one (inference and training do the same, so both see identical
 * token sequences).
 * - `special`: control text of the chat template (`<|im_start|>` …), tokenized with special tokens parsed;
 *   user-supplied text never is, so it cannot inject control tokens.
 * - `train`: the segment is model output (an assistant turn) — the tokens a trainer puts loss on.
 */
export type Segment = {text: string, special: boolean, train: boolean};

export function control(text: string): Segment {
    return {text, special: true, train: false};
}

export function content(text: string): Segment {
    return {text, special: false, train: false};
}

export function output(text: string, special = false): Segment {
    return {text, special, train: true};
}

/** Joins adjacent segments of the same kind so that tokenization sees maximal runs. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
    const merged: Segment[] = [];
    for (const segment of segments) {
        if (segment.text === "") continue;
        const last = merged[merged.length - 1];
        if (last != null && last.special === segment.special && last.train === segment.train)
            merged[merged.length - 1] = {...last, text: last.text + segment.text};
        else
            merged.push({...segment});
    }
    return merged;
}
