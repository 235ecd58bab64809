/**
 * How to produce and phrase one parameter's value (top-level parameters and object fields).
 * `kind` names a value generator of `valueKinds`; `mention` is a phrase with `{}` where the value
 * goes ("for the next {} days"); for booleans `mentionTrue`/`mentionFalse` replace it.
 */
export interface ParamHint {
    kind?: string;
    mention?: string;
    mentionTrue?: string;
    mentionFalse?: string;
    /** Range (and decimals) to draw numbers from, inside the schema's own bounds. */
    min?: number;
    max?: number;
    decimals?: number;
    /** Hints of the fields of an object parameter (or of the objects of an array parameter). */
    fields?: {[field: string]: ParamHint};
}
