import {jsonPathChild} from "./jsonPathChild.js";

interface Visit {value: unknown, depth: number, parent: Visit | undefined, step: string | number}

/**
 * The JSON path of the first array or object in `value` nested more than `maxDepth` levels
 * deep (the value itself, when an array or object, is level 1), or undefined when none is.
 * Iterative, so any depth is safe to check.
 */
export function pathBeyondDepth(value: unknown, maxDepth: number, rootPath: string = "$"): string | undefined {
    const stack: Visit[] = [{value, depth: 1, parent: undefined, step: ""}];
    for (;;) {
        const visit = stack.pop();
        if (visit === undefined) return undefined;
        const current = visit.value;
        if (typeof current !== "object" || current === null) continue;
        if (visit.depth > maxDepth) return pathOf(visit, rootPath);
        if (Array.isArray(current)) current.forEach((item, index) => stack.push({value: item, depth: visit.depth + 1, parent: visit, step: index}));
        else for (const [key, item] of Object.entries(current)) stack.push({value: item, depth: visit.depth + 1, parent: visit, step: key});
    }
}

function pathOf(visit: Visit, rootPath: string): string {
    const steps: (string | number)[] = [];
    for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) steps.push(at.step);
    return steps.reverse().reduce<string>((path, step) => jsonPathChild(path, step), rootPath);
}
