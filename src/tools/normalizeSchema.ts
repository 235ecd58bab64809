import type {JsonSchema, JsonTypeName, ObjectSchema, SchemaAnnotations} from "./JsonSchema.js";
import type {JsonValue} from "./JsonValue.js";
import {canonicalJson} from "./canonicalJson.js";
import {expandedJsonLength} from "./expandedJsonLength.js";
import {grammarLimits} from "./grammarLimits.js";
import {jsonPathChild} from "./jsonPathChild.js";
import {normalizeIntegerBounds, normalizeNumberBounds} from "./normalizeNumericBounds.js";
import {pathBeyondDepth} from "./pathBeyondDepth.js";
import {resolveLocalRef} from "./resolveLocalRef.js";
import {schemaNode} from "./schemaNode.js";
import {type SchemaDialect, schemaTypeName} from "./schemaTypeName.js";
import {ToolSchemaError} from "./ToolSchemaError.js";
import {validateValue} from "./validateValue.js";

/** Where a schema comes from: errors name the tool and the path; `$ref`s resolve inside `root`. */
export interface SchemaSource {
    tool: string;
    dialect: SchemaDialect;
    /** The tool's raw parameters schema, the base of `#/$defs/...` references. */
    root: unknown;
    /** The JSON path of `root` inside the tool definition, e.g. `$.parameters`. */
    rootPath: string;
}

/** Keywords kept as annotations; nothing enforces them. */
const keptAnnotations = ["description", "title", "format", "default"] as const;
/** Keywords that constrain nothing and are dropped. */
const droppedAnnotations = new Set(["$schema", "$id", "$comment", "$defs", "definitions", "examples", "deprecated", "readOnly", "writeOnly"]);
/** BFCL marks some properties `"optional": true` next to `required`; `required` is what counts. */
const bfclAnnotations = new Set(["optional"]);
const combinators = new Set(["$ref", "allOf", "anyOf", "oneOf"]);
const keywordsByType: Readonly<Record<"string" | "numeric" | "array" | "object", readonly string[]>> = {
    string: ["minLength", "maxLength"],
    numeric: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
    array: ["items", "minItems", "maxItems"],
    object: ["properties", "required", "additionalProperties"]
};
const familyType = {string: "string", numeric: "number", array: "array", object: "object"} as const;
const valueKeywords = new Set(["type", "enum", "const", ...Object.values(keywordsByType).flat()]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Supported JSON Schema (everything else is a `ToolSchemaError`):
 * - `type` (one name or an array: an array becomes `anyOf`), `enum`, `const`, `anyOf`, `oneOf`
 *   (read as `anyOf`), `allOf` with one schema, local non-cyclic `$ref` to `#/$defs/...` or
 *   `#/definitions/...` (inlined; only annotations may stand next to it);
 * - strings: `minLength`, `maxLength`; integers: `minimum`, `maximum`, `exclusiveMinimum`,
 *   `exclusiveMaximum` (also draft-04 booleans), made inclusive integers; numbers: the same,
 *   integer-valued only; arrays: `items` (one schema), `minItems`, `maxItems`; objects:
 *   `properties`, `required`, `additionalProperties` (false; or true with no properties:
 *   free-form). Without `additionalProperties` an object with properties is closed, one without
 *   properties is free-form (closed at the top level: a tool without arguments). Required names
 *   missing from `properties` become properties of any value.
 * - kept annotations: `description`, `title`, `default`, `format`; dropped: `$schema`, `$id`,
 *   `$comment`, `$defs`, `definitions`, `examples`, `deprecated`, `readOnly`, `writeOnly` (and
 *   BFCL's `optional`). Keywords of a type other than the schema's are inapplicable and dropped.
 * - without `type`, the type is inferred from type-specific keywords (`properties` -> object);
 *   with none, any value (BFCL: a string). Enum values not matching the rest of the schema are
 *   dropped (BFCL: the enum wins over a mismatching type, or lists an array's items).
 * Rejected, among others: `pattern`, `patternProperties`, `not`, `if`/`then`/`else`,
 * `dependentRequired`, `propertyNames`, `uniqueItems`, `contains`, `prefixItems`, tuple `items`,
 * `multipleOf`, `nullable`, non-integer number bounds, unknown keywords and type names; schemas
 * (or enum/const/default values) nested deeper than `grammarLimits.schemaDepth`, and schemas
 * longer than `grammarLimits.schemaJsonLength` characters of JSON with `$ref`s expanded.
 *
 * Turns one raw JSON Schema (or BFCL parameter doc) into the normalised `JsonSchema`, or throws
 * a `ToolSchemaError` naming the tool and the path of the first unsupported or malformed part.
 * `path` is the JSON path of `raw` inside the tool definition.
 */
export function normalizeSchema(raw: unknown, path: string, source: SchemaSource): JsonSchema {
    return new SchemaNormalizer(source).visit(raw, path, [], false);
}

/**
 * Normalises a tool's parameters: must be an object schema. An object with no properties at this
 * level means "no arguments" (closed) unless `additionalProperties: true` says otherwise.
 */
export function normalizeParametersSchema(raw: unknown, source: SchemaSource): ObjectSchema {
    const schema = new SchemaNormalizer(source).visit(raw, source.rootPath, [], true);
    const node = schemaNode(schema);
    if (node.kind !== "object") throw new ToolSchemaError(source.tool, source.rootPath, "parameters must be an object schema");
    return node.schema;
}

class SchemaNormalizer {
    private readonly refCache = new Map<string, JsonSchema>();
    /** Expanded JSON lengths of the schemas built so far (shared by `$ref`s: measured once). */
    private readonly lengths = new WeakMap<object, number>();
    private depth = 0;

    public constructor(private readonly source: SchemaSource) {}

    private fail(path: string, problem: string): never {
        throw new ToolSchemaError(this.source.tool, path, problem);
    }

    /** The normalised schema of `raw`, no deeper than `grammarLimits.schemaDepth` and no longer than `grammarLimits.schemaJsonLength`. */
    public visit(raw: unknown, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        if (this.depth >= grammarLimits.schemaDepth)
            this.fail(path, `the schema nests deeper than ${grammarLimits.schemaDepth} levels (with $refs followed)`);
        this.depth++;
        let schema: JsonSchema;
        try {
            schema = this.visitSchema(raw, path, refStack, topLevel);
        } finally {
            this.depth--;
        }
        this.checkLength(this.jsonLength(schema), path);
        return schema;
    }

    private jsonLength(schema: JsonSchema): number {
        return expandedJsonLength(schema, this.lengths);
    }

    private checkLength(length: number, path: string): void {
        if (length > grammarLimits.schemaJsonLength)
            this.fail(path, `the schema is too large: ${length} characters of JSON with $refs expanded, more than ${grammarLimits.schemaJsonLength}`);
    }

    private checkValueDepth(value: unknown, path: string, keyword: string): void {
        const tooDeep = pathBeyondDepth(value, grammarLimits.schemaDepth, jsonPathChild(path, keyword));
        if (tooDeep !== undefined) this.fail(path, `the value at ${tooDeep} nests deeper than ${grammarLimits.schemaDepth} levels`);
    }

    private visitSchema(raw: unknown, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        if (raw === true) return {};
        if (raw === false) this.fail(path, "the schema false accepts no value");
        if (!isPlainObject(raw)) this.fail(path, "a schema must be an object");
        const fail = (problem: string): never => this.fail(path, problem);

        for (const key of Object.keys(raw)) {
            const known = (keptAnnotations as readonly string[]).includes(key) || droppedAnnotations.has(key) ||
                combinators.has(key) || valueKeywords.has(key) || (this.source.dialect === "bfcl" && bfclAnnotations.has(key));
            if (!known) fail(`unsupported keyword ${JSON.stringify(key)}`);
        }
        const annotations = this.readAnnotations(raw, path, fail);
        const constraining = Object.keys(raw).filter((key) => combinators.has(key) || valueKeywords.has(key));

        for (const combinator of ["$ref", "allOf", "anyOf", "oneOf"]) {
            if (!Object.hasOwn(raw, combinator)) continue;
            const other = constraining.find((key) => key !== combinator);
            if (other !== undefined) fail(`keyword ${JSON.stringify(other)} next to ${JSON.stringify(combinator)} is not supported`);
            const combined = combinator === "$ref"
                ? this.visitRef(raw.$ref, path, refStack)
                : this.visitAlternatives(combinator, raw[combinator], path, refStack);
            return {...combined, ...annotations};
        }
        return this.visitValueKeywords(raw, annotations, path, refStack, topLevel);
    }

    private readAnnotations(raw: Record<string, unknown>, path: string, fail: (problem: string) => never): SchemaAnnotations {
        const annotations: SchemaAnnotations = {};
        for (const key of ["description", "title", "format"] as const) {
            const value = raw[key];
            if (value === undefined) continue;
            if (typeof value !== "string") fail(`${JSON.stringify(key)} must be a string`);
            annotations[key] = value;
        }
        if (raw.default !== undefined) {
            this.checkValueDepth(raw.default, path, "default");
            annotations.default = raw.default as JsonValue;
        }
        return annotations;
    }

    private visitRef(ref: unknown, path: string, refStack: readonly string[]): JsonSchema {
        if (typeof ref !== "string") this.fail(path, `"$ref" must be a string`);
        if (refStack.includes(ref)) this.fail(path, `cyclic $ref ${JSON.stringify(ref)}`);
        const cached = this.refCache.get(ref);
        if (cached !== undefined) return cached;
        const resolved = resolveLocalRef(ref, this.source.root, this.source.rootPath);
        if ("problem" in resolved) this.fail(path, resolved.problem);
        const schema = this.visit(resolved.target, resolved.path, [...refStack, ref], false);
        this.refCache.set(ref, schema);
        return schema;
    }

    private visitAlternatives(keyword: string, raw: unknown, path: string, refStack: readonly string[]): JsonSchema {
        const listPath = jsonPathChild(path, keyword);
        if (!Array.isArray(raw) || raw.length === 0) this.fail(path, `${JSON.stringify(keyword)} must be a non-empty array of schemas`);
        if (keyword === "allOf" && raw.length > 1) this.fail(path, `"allOf" with more than one schema is not supported`);
        const options: JsonSchema[] = [];
        const seen = new Set<string>();
        let length = 0;
        raw.forEach((item, i) => {
            const option = this.visit(item, jsonPathChild(listPath, i), refStack, false);
            // Checked before writing the options out to compare them: each may be shared many times.
            length += this.jsonLength(option);
            this.checkLength(length, path);
            const node = schemaNode(option);
            for (const flat of node.kind === "anyOf" ? node.schema.anyOf : [option]) {
                const key = canonicalJson(flat as JsonValue);
                if (seen.has(key)) continue;
                seen.add(key);
                options.push(flat);
            }
        });
        return options.length === 1 ? options[0] as JsonSchema : {anyOf: options};
    }

    private visitValueKeywords(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        const fail = (problem: string): never => this.fail(path, problem);
        const values = this.readEnum(raw, path, fail);
        const types = this.readTypes(raw, values !== undefined, fail);

        if (types.length === 0)
            return values === undefined ? {...annotations} : {enum: values, ...annotations};
        const build = (type: JsonTypeName, withAnnotations: SchemaAnnotations): JsonSchema =>
            this.buildTyped(type, raw, withAnnotations, path, refStack, topLevel);
        const typed: JsonSchema = types.length === 1
            ? build(types[0] as JsonTypeName, annotations)
            : {anyOf: types.map((type) => build(type, {})), ...annotations};
        if (values === undefined) return typed;

        const matching = values.filter((value) => validateValue(typed, value).length === 0);
        const typeAnnotation = types.length === 1 ? {type: types[0] as JsonTypeName} : {};
        if (matching.length === values.length) return {enum: values, ...typeAnnotation, ...annotations};
        if (this.source.dialect === "json-schema") {
            if (matching.length === 0) fail(`no value of "enum"/"const" matches the rest of the schema`);
            return {enum: matching, ...typeAnnotation, ...annotations};
        }
        // BFCL docs sometimes put the allowed item values of an array in the array's "enum",
        // or give string values for a boolean/integer "type": the listed values are what counts.
        const node = schemaNode(typed);
        if (node.kind === "array" && values.every((value) => validateValue(node.schema.items, value).length === 0)) {
            const itemNode = schemaNode(node.schema.items);
            const itemType = "type" in itemNode.schema && typeof itemNode.schema.type === "string" ? {type: itemNode.schema.type} : {};
            return {...node.schema, items: {enum: values, ...itemType}};
        }
        return {enum: values, ...annotations};
    }

    private readEnum(raw: Record<string, unknown>, path: string, fail: (problem: string) => never): JsonValue[] | undefined {
        let values: JsonValue[] | undefined;
        const keys = new Set<string>();
        if (raw.enum !== undefined) {
            if (!Array.isArray(raw.enum) || raw.enum.length === 0) fail(`"enum" must be a non-empty array`);
            this.checkValueDepth(raw.enum, path, "enum");
            values = [];
            for (const value of raw.enum as JsonValue[]) {
                const key = canonicalJson(value);
                if (keys.has(key)) continue;
                keys.add(key);
                values.push(value);
            }
        }
        if (Object.hasOwn(raw, "const")) {
            const constant = raw.const as JsonValue;
            this.checkValueDepth(constant, path, "const");
            if (values !== undefined && !keys.has(canonicalJson(constant)))
                fail(`"const" is not among the "enum" values`);
            values = [constant];
        }
        return values;
    }

    /** The types a schema allows; empty means any value. Infers the type when "type" is missing. */
    private readTypes(raw: Record<string, unknown>, hasEnum: boolean, fail: (problem: string) => never): JsonTypeName[] {
        const rawType = raw.type;
        let names: string[];
        if (rawType === undefined) names = [];
        else if (typeof rawType === "string") names = rawType === "" && this.source.dialect === "bfcl" ? [] : [rawType];
        else if (Array.isArray(rawType) && rawType.length > 0 && rawType.every((name) => typeof name === "string")) names = rawType as string[];
        else fail(`"type" must be a type name or a non-empty array of type names`);

        const types: JsonTypeName[] = [];
        let anyType = false;
        for (const name of names) {
            const type = schemaTypeName(name, this.source.dialect);
            if (type === undefined) fail(`unsupported type ${JSON.stringify(name)}`);
            if (type === "any") anyType = true;
            else if (!types.includes(type)) types.push(type);
        }
        if (anyType || types.length > 0) return anyType ? [] : types;

        const families = (Object.keys(keywordsByType) as (keyof typeof keywordsByType)[])
            .filter((family) => keywordsByType[family].some((key) => Object.hasOwn(raw, key)));
        if (families.length > 1) fail(`without "type", keywords of several types (${families.join(", ")}) are not supported`);
        const family = families[0];
        if (family !== undefined) return [familyType[family]];
        return this.source.dialect === "bfcl" && !hasEnum ? ["string"] : [];
    }

    private buildTyped(type: JsonTypeName, raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        const fail = (problem: string): never => this.fail(path, problem);
        switch (type) {
            case "boolean":
            case "null":
                return {type, ...annotations};
            case "integer":
                return {type, ...annotations, ...normalizeIntegerBounds(raw, fail)};
            case "number":
                return {type, ...annotations, ...normalizeNumberBounds(raw, fail)};
            case "string": {
                const {minimum: minLength, maximum: maxLength} = this.readCounts(raw, "minLength", "maxLength", fail);
                return {type, ...annotations, ...(minLength === undefined ? {} : {minLength}), ...(maxLength === undefined ? {} : {maxLength})};
            }
            case "array": {
                if (Array.isArray(raw.items)) fail(`tuple-form "items" (an array of schemas) is not supported`);
                const items = raw.items === undefined ? {} : this.visit(raw.items, jsonPathChild(path, "items"), refStack, false);
                const {minimum: minItems, maximum: maxItems} = this.readCounts(raw, "minItems", "maxItems", fail);
                return {type, ...annotations, items, ...(minItems === undefined ? {} : {minItems}), ...(maxItems === undefined ? {} : {maxItems})};
            }
            case "object":
                return this.buildObject(raw, annotations, path, refStack, topLevel);
        }
    }

    private readCounts(raw: Record<string, unknown>, minKey: string, maxKey: string, fail: (problem: string) => never): {minimum?: number, maximum?: number} {
        const read = (key: string): number | undefined => {
            const value = raw[key];
            if (value === undefined) return undefined;
            if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(`${JSON.stringify(key)} must be a non-negative integer`);
            return value;
        };
        const minimum = read(minKey);
        const maximum = read(maxKey);
        if (minimum !== undefined && maximum !== undefined && minimum > maximum) fail(`"${minKey}" is greater than "${maxKey}"`);
        if (minimum !== undefined && minimum > grammarLimits.repetitions) fail(`"${minKey}" above ${grammarLimits.repetitions} is not supported`);
        return {...(minimum === undefined ? {} : {minimum}), ...(maximum === undefined ? {} : {maximum})};
    }

    private buildObject(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], topLevel: boolean): ObjectSchema {
        const fail = (problem: string): never => this.fail(path, problem);
        const rawProperties = raw.properties ?? {};
        if (!isPlainObject(rawProperties)) fail(`"properties" must be an object`);
        const rawRequired = raw.required ?? [];
        if (!Array.isArray(rawRequired) || !rawRequired.every((name) => typeof name === "string")) fail(`"required" must be an array of strings`);
        const required = [...new Set(rawRequired as string[])];
        const additional = raw.additionalProperties;
        if (additional !== undefined && typeof additional !== "boolean") fail(`"additionalProperties" as a schema is not supported (only false, or true on an object without properties)`);

        const propertiesPath = jsonPathChild(path, "properties");
        const properties: [string, JsonSchema][] = Object.entries(rawProperties)
            .map(([name, schema]) => [name, this.visit(schema, jsonPathChild(propertiesPath, name), refStack, false)]);
        if (properties.length > 0 && additional === true)
            fail(`"additionalProperties": true next to "properties" is not supported`);
        for (const name of required) {
            if (properties.some(([known]) => known === name)) continue;
            if (additional === false) fail(`required property ${JSON.stringify(name)} is not in "properties"`);
            properties.push([name, {}]);
        }
        const freeForm = properties.length === 0 && (additional === true || (additional === undefined && !topLevel));
        return {type: "object", ...annotations, properties: Object.fromEntries(properties), required, additionalProperties: freeForm};
    }
}
