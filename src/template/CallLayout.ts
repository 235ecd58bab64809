/**
 * How a chat template writes an assistant turn's tool calls, as text around each call's name and
 * arguments (JSON), inferred from the template itself (see inferCallLayout) or given by a
 * hand-written chat format:
 *
 *   open NAME₀ mid ARGS₀ between NAME₁ mid ARGS₁ … close
 *
 * Pieces may hold the call's position (`{index}`: the number the template writes, call index +
 * offset) or a call id the model writes itself (`{id}`: `length` letters and digits), since
 * templates such as Command R7B, Kimi K2 and Mistral's write them between calls.
 */
import {type KeyedArgs, renderKeyedArgs} from "./keyedArgs.js";

export type LayoutPart = string | {index: number} | {id: "previous" | "next", length: number};
export type LayoutText = readonly LayoutPart[];

export type CallLayout = {
    /** Before the first call's name. */
    open: LayoutText,
    /** Between a call's name and its arguments. */
    mid: LayoutText,
    /** After a call's arguments, before the next call's name. */
    between: LayoutText,
    /** After the last call's arguments (the end-of-turn token excluded). */
    close: LayoutText,
    /** JSON layout of the arguments: `spaced` is Python's json.dumps (`{"a": 1, "b": 2}`), `compact` has no spaces. */
    argsStyle: "spaced" | "compact",
    /** Most calls one turn may hold (templates such as Llama 3.1's take one). */
    maxCalls: number,
    /** Text before a text answer (empty for most templates). */
    textOpen: string,
    /** Arguments written one parameter at a time (XML-style templates); without it, one JSON object. */
    keyed?: KeyedArgs
};

export type LayoutCall = {name: string, argumentsText: string, id?: string};

/** Call index each piece's `{index}` counts from: open precedes call 0, mid and between follow call i, close follows the last. */
function pieceText(text: LayoutText, previous: number, calls: readonly LayoutCall[]): string {
    return text.map((part) => {
        if (typeof part === "string") return part;
        if ("index" in part) return String(previous + part.index);
        const call = calls[part.id === "previous" ? previous : previous + 1];
        return call?.id ?? "";
    }).join("");
}

/** The text of a calls turn in this layout (end-of-turn token excluded). Inverse of parseLayoutCalls. */
export function renderLayoutCalls(layout: CallLayout, calls: readonly LayoutCall[]): string {
    let text = pieceText(layout.open, -1, calls);
    for (const [index, call] of calls.entries()) {
        if (index > 0) text += pieceText(layout.between, index - 1, calls);
        text += call.name + pieceText(layout.mid, index, calls) + (layout.keyed === undefined ? call.argumentsText : renderKeyedArgs(layout.keyed, call.argumentsText));
    }
    return text + pieceText(layout.close, calls.length - 1, calls);
}

/** Whether `text` is static (no index or id pieces). */
export function isLiteral(text: LayoutText): text is readonly string[] {
    return text.every((part) => typeof part === "string");
}

export function literalText(text: LayoutText): string {
    return text.filter((part): part is string => typeof part === "string").join("");
}

/** The first static characters of a piece (what a calls turn starts with). */
export function leadingLiteral(text: LayoutText): string {
    let lead = "";
    for (const part of text) {
        if (typeof part !== "string") break;
        lead += part;
    }
    return lead;
}
