import {jsonPathChild} from "./jsonPathChild.js";

/**
 * Finds the target of a local `$ref` (`#/$defs/...` or `#/definitions/...`, JSON Pointer
 * escapes `~0`/`~1` and percent-encoding understood) inside `root`. Returns the target and the
 * JSON path of it relative to `rootPath`, or a reason why the reference is not supported.
 */
export function resolveLocalRef(ref: string, root: unknown, rootPath: string): {target: unknown, path: string} | {problem: string} {
    if (!ref.startsWith("#/")) return {problem: `unsupported $ref ${JSON.stringify(ref)} (only local "#/$defs/..." and "#/definitions/..." references are supported)`};
    let segments: string[];
    try {
        segments = ref.slice(2).split("/").map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
    } catch {
        return {problem: `malformed $ref ${JSON.stringify(ref)}`};
    }
    if (segments.length < 2 || (segments[0] !== "$defs" && segments[0] !== "definitions"))
        return {problem: `unsupported $ref ${JSON.stringify(ref)} (only local "#/$defs/..." and "#/definitions/..." references are supported)`};
    let target: unknown = root;
    let path = rootPath;
    for (const segment of segments) {
        if (typeof target !== "object" || target === null || Array.isArray(target) || !Object.hasOwn(target, segment))
            return {problem: `$ref ${JSON.stringify(ref)} does not resolve`};
        target = (target as Record<string, unknown>)[segment];
        path = jsonPathChild(path, segment);
    }
    return {target, path};
}
