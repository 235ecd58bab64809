/**
 * Extends a JSON path such as `$.parameters` by one step: `.name` for identifier-like keys,
 * `["odd key"]` for other keys, `[3]` for array indexes.
 */
export function jsonPathChild(path: string, step: string | number): string {
    if (typeof step === "number") return `${path}[${step}]`;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(step) ? `${path}.${step}` : `${path}[${JSON.stringify(step)}]`;
}
