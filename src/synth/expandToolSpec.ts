import {normalizeTools} from "../tools/normalizeTools.js";
import type {JsonValue} from "../tools/JsonValue.js";
import {fnv1a} from "./fnv1a.js";
import {camelCase} from "./camelCase.js";
import type {NameStyle} from "./NameStyle.js";
import {parseParamSpec, type ParsedParam} from "./parseParamSpec.js";
import type {PoolTool} from "./PoolTool.js";
import type {ParamHint} from "./ParamHint.js";
import {splitForTool} from "./splitForTool.js";
import {SynthError} from "./SynthError.js";
import type {DomainSpec, ToolSpec} from "./ToolSpec.js";

const styles: readonly NameStyle[] = ["snake", "dotted", "camel"];

/**
 * The pool tools of one hand-written spec: two variants of the same function under different
 * name styles (which two depends on a hash of the family, not on the seed), sharing one family
 * and therefore one split. Throws `SynthError` when the spec is malformed.
 */
export function expandToolSpec(domain: DomainSpec, spec: ToolSpec, seed: number): PoolTool[] {
    const where = `${domain.domain}/${spec.name}`;
    if (!/^[a-z][a-z0-9_]*$/.test(spec.name)) throw new SynthError(`${where}: spec names are snake_case`, {where});
    const params = spec.params.map((param) => parseParamSpec(param, where));
    const names = new Set<string>();
    for (const param of params) {
        if (names.has(param.name)) throw new SynthError(`${where}: duplicate parameter ${param.name}`, {where});
        names.add(param.name);
    }
    const family = `generated:${domain.domain}/${spec.name}`;
    const first = fnv1a(family) % styles.length;
    const chosen = [styles[first] as NameStyle, styles[(first + 1 + (fnv1a(family + "#") % 2)) % styles.length] as NameStyle];
    const split = splitForTool(family, seed);
    return chosen.map((style) => {
        const name = style === "snake" ? spec.name : style === "dotted" ? `${domain.namespace}.${spec.name}` : camelCase(spec.name);
        const rename = style === "camel" ? camelCase : (text: string): string => text;
        const properties: {[key: string]: JsonValue} = {};
        const hints: {[param: string]: ParamHint} = {};
        for (const param of params) {
            properties[rename(param.name)] = style === "camel" ? renameFields(param.schema, rename) : param.schema;
            hints[rename(param.name)] = style === "camel" ? renameHint(param.hint, rename) : param.hint;
        }
        const raw = {
            type: "function",
            function: {
                name,
                description: spec.description,
                parameters: {type: "object", properties, required: params.filter((param: ParsedParam) => param.required).map((param) => rename(param.name))}
            }
        };
        let definition;
        try {
            [definition] = normalizeTools([raw]);
        } catch (error) {
            throw new SynthError(`${where}: the spec does not normalise: ${(error as Error).message}`, {where}, {cause: error});
        }
        if (definition === undefined) throw new SynthError(`${where}: no tool`, {where});
        return {definition, source: "generated", family, domain: domain.domain, split, action: spec.action, ...(spec.standalone === undefined ? {} : {standalone: spec.standalone}), fluentAction: true, hints};
    });
}

function renameFields(schema: {[key: string]: JsonValue}, rename: (name: string) => string): {[key: string]: JsonValue} {
    const out: {[key: string]: JsonValue} = {...schema};
    if (schema.type === "array" && typeof schema.items === "object" && schema.items !== null && !Array.isArray(schema.items))
        out.items = renameFields(schema.items, rename);
    if (schema.type === "object" && typeof schema.properties === "object" && schema.properties !== null && !Array.isArray(schema.properties)) {
        const properties: {[key: string]: JsonValue} = {};
        for (const [key, value] of Object.entries(schema.properties))
            properties[rename(key)] = typeof value === "object" && value !== null && !Array.isArray(value) ? renameFields(value, rename) : value;
        out.properties = properties;
        if (Array.isArray(schema.required)) out.required = schema.required.map((key) => rename(String(key)));
    }
    return out;
}

function renameHint(hint: ParamHint, rename: (name: string) => string): ParamHint {
    if (hint.fields === undefined) return hint;
    const fields: {[field: string]: ParamHint} = {};
    for (const [key, value] of Object.entries(hint.fields)) fields[rename(key)] = renameHint(value, rename);
    return {...hint, fields};
}
