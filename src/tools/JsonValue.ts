/** A value that JSON can represent (what `JSON.parse` returns). */
export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue};
