/**
 * Global caps applied on top of a schema's own limits when compiling grammars (undefined: no
 * cap). They never go below a schema's `minLength`/`minItems`. Tests and weak models use them so
 * that generation terminates.
 */
export interface GrammarOptions {
    /** Most characters in any string (values and free-form object keys). */
    maxStringLength?: number;
    /** Most items in any array, and most members in a free-form object. */
    maxArrayItems?: number;
    /**
     * JSON layout: `compact` (default) writes no whitespace (`{"a":1,"b":2}`); `spaced` writes
     * Python's json.dumps layout (`{"a": 1, "b": 2}`), what chat templates render with `tojson`.
     */
    separators?: "compact" | "spaced";
}

/** The text between items and between a key and its value. */
export function jsonSeparators(options: GrammarOptions): {item: string, key: string} {
    return options.separators === "spaced" ? {item: ", ", key: ": "} : {item: ",", key: ":"};
}
