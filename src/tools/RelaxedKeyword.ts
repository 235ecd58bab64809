/**
 * A keyword of a tool's schema that the call grammar does not enforce as written: an assertion no
 * grammar here enforces (`pattern`, `uniqueItems`, `not`…, left out), or one enforced more loosely
 * (a decimal bound widened to integers, a combinator next to other keywords left out) or more
 * strictly (an object closed to its listed properties). Generated calls are checked against the
 * original schema (see schemaViolations), so a call that breaks it is reported, never passed off
 * as valid.
 */
export type RelaxedKeyword = {
    /** JSON path of the schema holding the keyword, inside the tool definition (`$.parameters.properties.zip`). */
    path: string,
    keyword: string,
    /** What the grammar does instead. */
    action: "ignored" | "widened" | "narrowed"
};
