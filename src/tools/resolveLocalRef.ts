import {jsonPathChild} from "./jsonPathChild.js";

/**
 * Finds the target of a local `$ref` inside `root`: `#` (the root itself) or any JSON Pointer
 * fragment (`#/$defs/...`, `#/definitions/...`, `#/properties/a/items`…; `~0`/`~1` escapes,
 * percent-encoding and array indexes understood). Returns the target and the JSON path of it
 * relative to `rootPath`, or a reason why the reference is not supported (references to other
 * documents or to `$id`/`$anchor` names).
 */
export function resolveLocalRef(ref: string, root: unknown, rootPath: string): {target: unknown, path: string} | {problem: string} {
    if (ref !== "#" && !ref.startsWith("#/"))
        return {problem: `unsupported $ref ${JSON.stringify(ref)} (only references inside the tool's schema, "#" or "#/…" JSON Pointers, are supported)`};
    let segments: string[];
    try {
        segments = ref === "#" ? [] : ref.slice(2).split("/").map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
    } catch {
        return {problem: `malformed $ref ${JSON.stringify(ref)}`};
    }
    let target: unknown = root;
    let path = rootPath;
    for (const segment of segments) {
        if (Array.isArray(target) && /^(0|[1-9][0-9]*)$/.test(segment) && Number(segment) < target.length) {
            target = target[Number(segment)];
            path = jsonPathChild(path, Number(segment));
            continue;
        }
        if (typeof target !== "object" || target === null || Array.isArray(target) || !Object.hasOwn(target, segment))
            return {problem: `$ref ${JSON.stringify(ref)} does not resolve`};
        target = (target as Record<string, unknown>)[segment];
        path = jsonPathChild(path, segment);
    }
    return {target, path};
}
