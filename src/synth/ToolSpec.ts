/**
 * A hand-written tool of the generated pool, in a compact form that `parseParamSpec` reads.
 *
 * A parameter is one line `name[?][=default]: type | mention | description`:
 * - `?` marks it optional; `=default` gives its default (JSON, or a bare word as a string).
 * - type: `str`, `str<kind>` (a `valueKinds` name), `int`, `num`, `bool`, `enum(a,b,c)`, `obj`
 *   (fields in `ObjectParamSpec.fields`); `int[1..14]` puts bounds in the schema, `int(1..14)`
 *   only steers generation; `num(0.5..20)/3` draws 3 decimals; a `[]` suffix makes an array,
 *   `[]{2,5}` with minItems/maxItems.
 * - mention: how a request says the value, `{}` standing for it ("for the next {} days"); for a
 *   boolean `phrase if true / phrase if false`; empty: a generic phrase.
 */
export type ParamSpec = string | ObjectParamSpec;

/** An object (or array of objects) parameter: the head line's type is `obj` or `obj[]`. */
export interface ObjectParamSpec {
    param: string;
    fields: ParamSpec[];
}

export interface ToolSpec {
    /** snake_case; variants become `namespace.name` and camelCase. */
    name: string;
    description: string;
    /** Imperative, lower-case: "get the weather forecast"; parameter mentions follow it. */
    action: string;
    /** The action as a whole sentence when no mention follows it (default: `action`), e.g. "convert currency" for "convert". */
    standalone?: string;
    params: ParamSpec[];
}

/** The tools of one domain; `namespace` prefixes dotted names (`geometry.circle_area`). */
export interface DomainSpec {
    domain: string;
    namespace: string;
    tools: ToolSpec[];
}
