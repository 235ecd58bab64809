/** `{"id": <JSON number or string>` followed by `,` or `}` at the start of a line. */
const idPrefix = /^\s*\{\s*"id"\s*:\s*(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")\s*[,}]/;
/** Ids are looked for in this many characters at most. */
const searchedLength = 1024;

/**
 * The id of a request line that cannot be parsed (not JSON, or not UTF-8), when the line starts
 * `{"id": <string or number>,` — so that its error reply can still be matched to the request
 * — or null when the id cannot be told.
 */
export function recoverRequestId(text: string): string | number | null {
    const match = idPrefix.exec(text.slice(0, searchedLength));
    if (match === null) return null;
    const id = JSON.parse(match[1] as string) as string | number;
    return typeof id === "number" && !Number.isFinite(id) ? null : id;
}
