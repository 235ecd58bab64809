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
}
