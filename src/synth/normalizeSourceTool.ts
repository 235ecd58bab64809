import {ToolaceError} from "../errors/ToolaceError.js";
import {normalizeTools} from "../tools/normalizeTools.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {cleanLooseSchema} from "./cleanLooseSchema.js";
import {deriveAction} from "./deriveAction.js";
import type {PoolTool} from "./PoolTool.js";
import type {SourceCandidate} from "./SourceCandidate.js";
import {splitForTool} from "./splitForTool.js";

/**
 * A source candidate as a pool tool: loose types cleaned, normalised with `normalizeTools`, its
 * split decided by its name. Returns the reason instead when the tool cannot be used.
 */
export function normalizeSourceTool(candidate: SourceCandidate, seed: number): PoolTool | {skip: string} {
    if (typeof candidate.name !== "string" || candidate.name === "") return {skip: "no name"};
    const name = candidate.name;
    const description = typeof candidate.description === "string" ? candidate.description.replace(/\s+/g, " ").trim() : "";
    let definition: ToolDefinition | undefined;
    try {
        const raw = typeof candidate.parameters === "object" && candidate.parameters !== null && !Array.isArray(candidate.parameters) ? candidate.parameters : {};
        const parameters = cleanLooseSchema({...raw, type: "object"}).schema;
        if (Array.isArray(candidate.outerRequired) && parameters.properties !== undefined && (parameters.required as unknown[] | undefined)?.length === 0) {
            const properties = parameters.properties as Record<string, unknown>;
            parameters.required = candidate.outerRequired.filter((item): item is string => typeof item === "string" && Object.hasOwn(properties, item));
        }
        [definition] = normalizeTools([{type: "function", function: {name, description, parameters}}]);
    } catch (error) {
        if (error instanceof ToolaceError) {
            const problem = typeof error.context.problem === "string" ? error.context.problem : error.message;
            return {skip: problem.replace(/"[^"]*"/g, "\"…\"").slice(0, 80)};
        }
        throw error;
    }
    if (definition === undefined) return {skip: "no definition"};
    const derived = deriveAction(description, name);
    return {
        definition,
        source: candidate.source,
        family: `${candidate.source}:${name}`,
        domain: candidate.domain ?? `${candidate.source}:${name}`,
        split: splitForTool(name, seed),
        action: candidate.action ?? derived.action,
        fluentAction: candidate.action !== undefined || derived.fluent,
        hints: candidate.hints ?? {}
    };
}
