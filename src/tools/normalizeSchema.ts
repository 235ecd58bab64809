import type {IntegerSchema, JsonSchema, JsonTypeName, NumberSchema, ObjectSchema, SchemaAnnotations, StringSchema} from "./JsonSchema.js";
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
import type {RelaxedKeyword} from "./RelaxedKeyword.js";
import {formatPatterns} from "./formatPatterns.js";
import {GbnfRuleSet} from "./GbnfRuleSet.js";
import {patternGbnf} from "./patternGbnf.js";

/** Where a schema comes from: errors name the tool and the path; `$ref`s resolve inside `root`. */
export interface SchemaSource {
    tool: string;
    dialect: SchemaDialect;
    /** The tool's raw parameters schema, the base of `#/$defs/...` references. */
    root: unknown;
    /** The JSON path of `root` inside the tool definition, e.g. `$.parameters`. */
    rootPath: string;
}

/** Formats the original schema's check enforces but the grammar does not (listed as relaxed: the grammar writes any string); those of formatPatterns it enforces. */
const checkedFormats = new Set(["uri-template", "regex", "url", "json-pointer-uri-fragment"]);
const combinators = new Set(["$ref", "allOf", "anyOf", "oneOf"]);
/**
 * Assertions and applicators the grammar does not enforce: left out of the grammar and listed as
 * relaxed (the original schema still judges every call). Any other keyword this list and the ones
 * above do not name is an annotation (`example`, `x-…`, `readonly`, vendor keywords) and ignored,
 * as JSON Schema says of unknown keywords.
 */
const relaxedAssertions = new Set([
    "uniqueItems", "not", "if", "then", "else", "dependencies", "dependentRequired", "dependentSchemas", "multipleOf",
    "contains", "minContains", "maxContains", "unevaluatedProperties", "unevaluatedItems"
]);
const keywordsByType: Readonly<Record<"string" | "numeric" | "array" | "object", readonly string[]>> = {
    string: ["minLength", "maxLength", "pattern"],
    numeric: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
    array: ["items", "prefixItems", "additionalItems", "minItems", "maxItems"],
    object: ["properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties"]
};
const familyType = {string: "string", numeric: "number", array: "array", object: "object"} as const;
const valueKeywords = new Set(["type", "enum", "const", ...Object.values(keywordsByType).flat()]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What the grammar enforces (docs/schemas.md has the full table):
 * - `type` (one name or an array: an array becomes `anyOf`; OpenAPI's `nullable: true` adds
 *   `null`), `enum`, `const`, `anyOf`, `oneOf` (read as `anyOf`; listed as widened where its
 *   alternatives may overlap), `allOf` (objects, strings, numbers and enums merged), combinators
 *   beside value keywords (distributed: `allOf` of all, each `anyOf` alternative merged with it),
 *   `$ref` to any JSON Pointer in the tool's schema (inlined; recursion unrolled
 *   `grammarLimits.refRecursion` times, fewer when too large, deeper optional parts left out);
 * - strings: `pattern` (see patternGbnf), the formats of formatPatterns, else `minLength`,
 *   `maxLength`; integers: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (also
 *   draft-04 booleans), made inclusive integers; numbers: the same, decimal bounds of up to six
 *   fraction digits exact (longer ones widened to integers); arrays: `items`, `prefixItems` and
 *   draft-7 tuples, `minItems`, `maxItems`; objects: `properties`, `required`,
 *   `additionalProperties: false`, `minProperties`/`maxProperties` (counted). An object with
 *   properties is closed to them; one without is free-form or a map (`additionalProperties` as a
 *   schema, `patternProperties`, `propertyNames`), closed at the top level unless
 *   `additionalProperties` says otherwise (a tool without arguments). Required names missing
 *   from `properties` become properties of any value.
 * - kept annotations: `description`, `title`, `default`, `format`. Keywords of a type other than
 *   the schema's are inapplicable and dropped.
 * - without `type`, the type is inferred from type-specific keywords (`properties` -> object;
 *   several families -> any of them); with none, any value (BFCL: a string). Enum values not
 *   matching the rest of the schema are dropped (BFCL: the enum wins over a mismatching type, or
 *   lists an array's items).
 * Relaxed, and listed (see RelaxedKeyword): the assertions of `relaxedAssertions` (`uniqueItems`,
 * `not`…), patterns beyond a grammar (lookarounds…), checked formats, top-level alternatives,
 * overlapping `oneOf`s and `allOf` parts, decimal bounds of more than six digits, extra
 * properties next to listed ones, references to other documents. Unknown keywords are
 * annotations and ignored.
 * Refused (`ToolSchemaError` naming the tool and the path): malformed keywords (`"type": 3`),
 * schemas no value satisfies (an empty range, `false`, an enum whose values all break the rest,
 * endless required recursion), unknown type names, unresolvable local `$ref`s, and what the
 * engine's limits exclude (schemas or values nested deeper than `grammarLimits.schemaDepth`,
 * longer than `grammarLimits.schemaJsonLength` characters of JSON with `$ref`s expanded,
 * repetitions or integers beyond the grammar's limits).
 *
 * Turns one raw JSON Schema (or BFCL parameter doc) into the normalised `JsonSchema`.
 * `path` is the JSON path of `raw` inside the tool definition.
 */
export function normalizeSchema(raw: unknown, path: string, source: SchemaSource): JsonSchema {
    const schema = new SchemaNormalizer(source).visit(raw, path, [], false);
    if (isNoValue(schema)) throw new ToolSchemaError(source.tool, path, `a $ref recurses without end: no finite value satisfies the schema (recursion is unrolled ${grammarLimits.refRecursion} times)`);
    return schema;
}

/**
 * Normalises a tool's parameters: must be an object schema. An object with no properties at this
 * level means "no arguments" (closed) unless `additionalProperties: true` says otherwise.
 */
export function normalizeParametersSchema(raw: unknown, source: SchemaSource): ObjectSchema {
    return normalizeParameters(raw, source).schema;
}

/** normalizeParametersSchema, with the keywords the grammar does not enforce as written. */
export function normalizeParameters(raw: unknown, source: SchemaSource): {schema: ObjectSchema, relaxed: RelaxedKeyword[], checked: boolean} {
    let unroll = grammarLimits.refRecursion;
    let normalizer = new SchemaNormalizer(source, unroll);
    let schema: JsonSchema;
    for (;;) {
        try {
            schema = normalizer.visit(raw, source.rootPath, [], true);
            break;
        } catch (error) {
            // A recursive schema too large unrolled this many times is tried again unrolled once less.
            if (!(error instanceof ToolSchemaError) || !normalizer.hitSizeLimit || normalizer.recursionCuts === 0 || unroll <= 1) throw error;
            normalizer = new SchemaNormalizer(source, --unroll);
        }
    }
    if (isNoValue(schema))
        throw new ToolSchemaError(source.tool, source.rootPath, `a $ref recurses without end: no finite value satisfies the schema (recursion is unrolled ${unroll} times)`);
    const node = schemaNode(schema);
    if (node.kind !== "object") throw new ToolSchemaError(source.tool, source.rootPath, "parameters must be an object schema");
    return {schema: node.schema, relaxed: normalizer.relaxed, checked: normalizer.enforcesStringChecks || normalizer.relaxed.length > 0};
}

class SchemaNormalizer {
    private readonly refCache = new Map<string, JsonSchema>();
    /** Keywords the grammar does not enforce as written (see RelaxedKeyword). */
    public readonly relaxed: RelaxedKeyword[] = [];
    /** Whether the grammar enforces a pattern or format: calls are then checked against the original schema too. */
    public enforcesStringChecks = false;
    /** Expanded JSON lengths of the schemas built so far (shared by `$ref`s: measured once). */
    private readonly lengths = new WeakMap<object, number>();
    private depth = 0;
    /** How many times a recursive `$ref` was cut short (see noValue). */
    public recursionCuts = 0;
    /** Whether the schema passed the size limit (`grammarLimits.schemaJsonLength`). */
    public hitSizeLimit = false;

    public constructor(private readonly source: SchemaSource, private readonly unroll: number = grammarLimits.refRecursion) {}

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
        if (length > grammarLimits.schemaJsonLength) {
            this.hitSizeLimit = true;
            this.fail(path, `the schema is too large: ${length} characters of JSON with $refs expanded, more than ${grammarLimits.schemaJsonLength}`);
        }
    }

    private checkValueDepth(value: unknown, path: string, keyword: string): void {
        const tooDeep = pathBeyondDepth(value, grammarLimits.schemaDepth, jsonPathChild(path, keyword));
        if (tooDeep !== undefined) this.fail(path, `the value at ${tooDeep} nests deeper than ${grammarLimits.schemaDepth} levels`);
    }

    private visitSchema(value: unknown, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        if (value === true) return {};
        if (value === false) this.fail(path, "the schema false accepts no value");
        if (!isPlainObject(value)) this.fail(path, "a schema must be an object");
        let raw = value;
        const fail = (problem: string): never => this.fail(path, problem);

        for (const key of Object.keys(raw))
            if (relaxedAssertions.has(key)) this.relax(path, key, "ignored");
        if (typeof raw.format === "string" && checkedFormats.has(raw.format) && (raw.type === undefined || raw.type === "string" || (Array.isArray(raw.type) && raw.type.includes("string"))))
            this.relax(path, "format", "ignored");
        const annotations = this.readAnnotations(raw, path, fail);
        const constraining = Object.keys(raw).filter((key) => combinators.has(key) || valueKeywords.has(key));
        if (this.source.dialect === "json-schema" && raw.nullable === true) raw = nullable(raw);

        const present = [...combinators].filter((combinator) => Object.hasOwn(raw, combinator));
        if (present.length > 0 && constraining.length > 1) return {...this.visitDistributed(raw, present, path, refStack, topLevel), ...annotations};
        const [combinator] = present;
        if (combinator === undefined) return this.visitValueKeywords(raw, annotations, path, refStack, topLevel);
        const combined = combinator === "$ref" ? this.visitRef(raw.$ref, path, refStack) : this.visitAlternatives(combinator, raw[combinator], path, refStack);
        return {...combined, ...annotations};
    }

    /**
     * Combinators next to value keywords or to each other (`{"type": "object", "properties": …,
     * "anyOf": [{"required": ["a"]}, {"required": ["b"]}]}`): the value keywords and every `$ref`
     * and `allOf` part are one `allOf`; an `anyOf`/`oneOf` is distributed over it (one merged
     * schema per alternative). A second `anyOf`/`oneOf` is relaxed.
     */
    private visitDistributed(raw: Record<string, unknown>, present: string[], path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        const {$ref, allOf, anyOf, oneOf, ...rest} = raw;
        const base: unknown[] = [rest];
        if ($ref !== undefined) base.push({$ref});
        if (allOf !== undefined) {
            if (!Array.isArray(allOf) || allOf.length === 0) this.fail(path, `"allOf" must be a non-empty array of schemas`);
            base.push(...allOf);
        }
        let alternativesKey = present.includes("anyOf") ? "anyOf" : present.includes("oneOf") ? "oneOf" : undefined;
        if (present.includes("anyOf") && present.includes("oneOf")) this.relax(path, "oneOf", "ignored");
        // The parameters are one object: alternatives at the top level (`anyOf: [{required: [a]}, {required: [b]}]`) are checked, not enforced.
        if (topLevel && alternativesKey !== undefined) {
            this.relax(path, alternativesKey, "ignored");
            alternativesKey = undefined;
        }
        if (alternativesKey === undefined) return this.visitAllOf(base, jsonPathChild(path, "allOf"), path, refStack, topLevel);
        const alternatives = raw[alternativesKey];
        if (!Array.isArray(alternatives) || alternatives.length === 0) this.fail(path, `${JSON.stringify(alternativesKey)} must be a non-empty array of schemas`);
        const options: JsonSchema[] = [];
        const unsatisfiable: string[] = [];
        alternatives.forEach((alternative, i) => {
            try {
                const option = this.visitAllOf([...base, alternative], jsonPathChild(jsonPathChild(path, alternativesKey), i), path, refStack, topLevel);
                if (!isNoValue(option)) options.push(option);
            } catch (error) {
                if (!(error instanceof ToolSchemaError)) throw error;
                unsatisfiable.push(error.message);
            }
        });
        if (options.length === 0 && unsatisfiable.length === 0) return noValue;
        if (options.length === 0) this.fail(path, `no alternative of ${JSON.stringify(alternativesKey)} is compatible with the schema beside it (${unsatisfiable[0]})`);
        const flat = options.flatMap((option) => schemaNode(option).kind === "anyOf" ? (option as {anyOf: JsonSchema[]}).anyOf : [option]);
        const unique = [...new Map(flat.map((option) => [canonicalJson(option as JsonValue), option])).values()];
        if (alternativesKey === "oneOf" && !pairwiseDisjoint(unique)) this.relax(path, "oneOf", "widened");
        this.checkLength(unique.reduce((total, option) => total + this.jsonLength(option), 0), path);
        return unique.length === 1 ? unique[0]! : {anyOf: unique};
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
        // A recursive definition is unrolled `grammarLimits.refRecursion` times; deeper, it stands for no value (see noValue).
        if (refStack.filter((entry) => entry === ref).length >= this.unroll) {
            this.recursionCuts++;
            return noValue;
        }
        const cached = this.refCache.get(ref);
        if (cached !== undefined) return cached;
        // A reference to another document (a URL, `other.json#`) is beyond reach: any value, listed (ajv cannot judge it either).
        if (!ref.startsWith("#")) {
            this.relax(path, "$ref", "ignored");
            return {};
        }
        const resolved = resolveLocalRef(ref, this.source.root, this.source.rootPath);
        if ("problem" in resolved) this.fail(path, resolved.problem);
        const cutsBefore = this.recursionCuts;
        const schema = this.visit(resolved.target, resolved.path, [...refStack, ref], false);
        // A schema cut short somewhere inside depends on how deep it was met: only the others are shared.
        if (this.recursionCuts === cutsBefore) this.refCache.set(ref, schema);
        else this.relax(resolved.path, "$ref", "narrowed");
        return schema;
    }

    private visitAlternatives(keyword: string, raw: unknown, path: string, refStack: readonly string[]): JsonSchema {
        const listPath = jsonPathChild(path, keyword);
        if (!Array.isArray(raw) || raw.length === 0) this.fail(path, `${JSON.stringify(keyword)} must be a non-empty array of schemas`);
        if (keyword === "allOf") return this.visitAllOf(raw, listPath, path, refStack, false);
        const options: JsonSchema[] = [];
        const seen = new Set<string>();
        let length = 0;
        raw.forEach((item, i) => {
            const option = this.visit(item, jsonPathChild(listPath, i), refStack, false);
            if (isNoValue(option)) return;
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
        if (options.length === 0) return noValue;
        // "Exactly one" is beyond a grammar: a oneOf whose alternatives may overlap is checked, not enforced.
        if (keyword === "oneOf" && !pairwiseDisjoint(options)) this.relax(path, "oneOf", "widened");
        return options.length === 1 ? options[0] as JsonSchema : {anyOf: options};
    }

    /**
     * `allOf`: object schemas are merged (properties, required names; closed unless all are free-form;
     * a property two of them define keeps the first's schema, the second relaxed); otherwise the
     * first schema that constrains anything stands for all, the others relaxed.
     */
    private visitAllOf(raw: unknown[], listPath: string, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        const parts = raw.map((item, i) => this.visit(item, jsonPathChild(listPath, i), refStack, topLevel && i === 0));
        if (parts.length === 1 || parts.some(isNoValue)) return parts.find(isNoValue) ?? parts[0]!;
        const constrainingParts = parts.filter((part) => schemaNode(part).kind !== "any");
        if (constrainingParts.length <= 1) return constrainingParts[0] ?? parts[0]!;
        // An enum part: its values that every other part allows.
        const enumIndex = constrainingParts.findIndex((part) => schemaNode(part).kind === "enum");
        if (enumIndex >= 0) {
            const values = (constrainingParts[enumIndex] as {enum: JsonValue[]}).enum
                .filter((value) => constrainingParts.every((part) => validateValue(part, value).length === 0));
            if (values.length === 0) this.fail(path, `no value of "enum"/"const" satisfies every part of "allOf"`);
            return {enum: values};
        }
        const nodes = constrainingParts.map((part) => schemaNode(part));
        if (nodes.every((node) => node.kind === "string")) return this.mergeStrings(nodes.map((node) => node.schema as StringSchema), path);
        if (nodes.every((node) => node.kind === "integer" || node.kind === "number"))
            return this.mergeNumbers(nodes.map((node) => node.schema as IntegerSchema | NumberSchema), path);
        if (nodes.every((node) => node.kind === "object")) {
            const objects = nodes.map((node) => node.schema as ObjectSchema);
            // A part with `additionalProperties: false` allows only its own properties in the merged object.
            let allowed: Set<string> | undefined;
            for (const item of raw.filter((_, index) => schemaNode(parts[index]!).kind !== "any")) {
                const own = closedProperties(item, this.source);
                if (own !== undefined) allowed = new Set(allowed === undefined ? own : own.filter((name) => allowed!.has(name)));
            }
            const properties: Record<string, JsonSchema> = {};
            for (const [index, object] of objects.entries())
                for (const [name, schema] of Object.entries(object.properties)) {
                    if (allowed !== undefined && !allowed.has(name)) continue;
                    if (Object.hasOwn(properties, name)) {
                        if (schemaNode(schema).kind !== "any") this.relax(jsonPathChild(jsonPathChild(jsonPathChild(listPath, index), "properties"), name), "allOf", "ignored");
                    } else properties[name] = schema;
                }
            const required = [...new Set(objects.flatMap((object) => object.required))];
            // A part that only lists required names (an alternative of a distributed anyOf) adds them to properties given elsewhere.
            for (const name of required) if (!Object.hasOwn(properties, name) && (allowed === undefined || allowed.has(name))) properties[name] = {};
            const excluded = required.find((name) => allowed !== undefined && !allowed.has(name));
            if (excluded !== undefined) this.fail(path, `"allOf" requires the property ${JSON.stringify(excluded)}, which a part's "additionalProperties": false excludes: no value satisfies it`);
            const freeForm = objects.every((object) => object.additionalProperties !== false);
            const annotations = Object.assign({}, ...objects.map(({type: _t, properties: _p, required: _r, additionalProperties: _a,
                patternProperties: _pp, propertyNames: _pn, minProperties: _min, maxProperties: _max, ...rest}) => rest)) as SchemaAnnotations;
            // Member constraints of a map part do not carry over to an object with listed properties: checked, not enforced.
            if (Object.keys(properties).length > 0)
                for (const keyword of ["patternProperties", "propertyNames", "minProperties", "maxProperties"] as const)
                    if (objects.some((object) => object[keyword] !== undefined)) this.relax(path, keyword, "ignored");
            const maps = objects.filter((object) => object.additionalProperties !== true || object.propertyNames !== undefined || object.patternProperties !== undefined);
            if (freeForm && Object.keys(properties).length === 0 && maps.length > 1) this.relax(path, "allOf", "ignored");
            return freeForm && Object.keys(properties).length === 0
                ? {...(maps[0] ?? {type: "object", properties: {}, required: [], additionalProperties: true}), ...annotations}
                : {type: "object", ...annotations, properties, required, additionalProperties: false};
        }
        this.relax(path, "allOf", "ignored");
        return constrainingParts[0]!;
    }

    /** Numeric parts of an `allOf`: an integer if any part says so, within the tightest bounds. */
    private mergeNumbers(parts: (IntegerSchema | NumberSchema)[], path: string): JsonSchema {
        type Bound = {value: number, exclusive: boolean};
        const lower: Bound[] = [];
        const upper: Bound[] = [];
        for (const part of parts) {
            if (part.minimum !== undefined) lower.push({value: part.minimum, exclusive: false});
            if (part.maximum !== undefined) upper.push({value: part.maximum, exclusive: false});
            if (part.type === "number" && part.exclusiveMinimum !== undefined) lower.push({value: part.exclusiveMinimum, exclusive: true});
            if (part.type === "number" && part.exclusiveMaximum !== undefined) upper.push({value: part.exclusiveMaximum, exclusive: true});
        }
        const tightest = (bounds: Bound[], better: (a: number, b: number) => boolean): Bound | undefined => bounds.reduce<Bound | undefined>((best, bound) =>
            best === undefined || better(bound.value, best.value) || (bound.value === best.value && bound.exclusive) ? bound : best, undefined);
        const low = tightest(lower, (a, b) => a > b);
        const high = tightest(upper, (a, b) => a < b);
        const annotations = Object.assign({}, ...parts.map(({type: _t, minimum: _a, maximum: _b, ...rest}) => {
            const {exclusiveMinimum: _c, exclusiveMaximum: _d, ...kept} = rest as Record<string, unknown>;
            return kept;
        })) as SchemaAnnotations;
        if (parts.some((part) => part.type === "integer")) {
            const minimum = low === undefined ? undefined : low.exclusive ? Math.floor(low.value) + 1 : Math.ceil(low.value);
            const maximum = high === undefined ? undefined : high.exclusive ? Math.ceil(high.value) - 1 : Math.floor(high.value);
            if (minimum !== undefined && maximum !== undefined && minimum > maximum) this.fail(path, `the parts of "allOf" leave no integer between ${minimum} and ${maximum}`);
            return {type: "integer", ...annotations, ...(minimum !== undefined ? {minimum} : {}), ...(maximum !== undefined ? {maximum} : {})};
        }
        if (low !== undefined && high !== undefined && (low.value > high.value || (low.value === high.value && (low.exclusive || high.exclusive))))
            this.fail(path, `the parts of "allOf" leave no number between their bounds`);
        return {
            type: "number", ...annotations,
            ...(low === undefined ? {} : low.exclusive ? {exclusiveMinimum: low.value} : {minimum: low.value}),
            ...(high === undefined ? {} : high.exclusive ? {exclusiveMaximum: high.value} : {maximum: high.value})
        };
    }

    /** String parts of an `allOf`: the tightest lengths, the first pattern or enforced format (others relaxed). */
    private mergeStrings(strings: StringSchema[], path: string): JsonSchema {
        const minLength = Math.max(...strings.map((schema) => schema.minLength ?? 0));
        const maxLengths = strings.map((schema) => schema.maxLength).filter((value): value is number => value !== undefined);
        const maxLength = maxLengths.length === 0 ? undefined : Math.min(...maxLengths);
        if (maxLength !== undefined && minLength > maxLength) this.fail(path, `the parts of "allOf" ask for at least ${minLength} and at most ${maxLength} characters`);
        const patterned = strings.filter((schema) => schema.pattern !== undefined || (schema.format !== undefined && Object.hasOwn(formatPatterns, schema.format)));
        if (patterned.length > 1) this.relax(path, "allOf", "ignored");
        const {minLength: _min, maxLength: _max, ...shape} = patterned[0] ?? strings[0]!;
        const annotations = Object.assign({}, ...strings.map(({type: _t, minLength: _a, maxLength: _b, pattern: _p, format: _f, ...rest}) => rest)) as SchemaAnnotations;
        return {...annotations, ...shape, ...(minLength > 0 ? {minLength} : {}), ...(maxLength !== undefined ? {maxLength} : {})};
    }

    private relax(path: string, keyword: string, action: RelaxedKeyword["action"]): void {
        if (!this.relaxed.some((entry) => entry.path === path && entry.keyword === keyword)) this.relaxed.push({path, keyword, action});
    }

    private visitValueKeywords(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], topLevel: boolean): JsonSchema {
        const fail = (problem: string): never => this.fail(path, problem);
        const values = this.readEnum(raw, path, fail);
        const types = this.readTypes(raw, values !== undefined, fail);

        if (types.length === 0)
            return values === undefined ? {...annotations} : {enum: values, ...annotations};
        const build = (type: JsonTypeName, withAnnotations: SchemaAnnotations): JsonSchema =>
            this.buildTyped(type, raw, withAnnotations, path, refStack, topLevel);
        const built = types.length === 1 ? [build(types[0] as JsonTypeName, annotations)] : types.map((type) => build(type, {})).filter((schema) => !isNoValue(schema));
        if (built.length === 0 || (types.length === 1 && isNoValue(built[0]!))) return noValue;
        const typed: JsonSchema = built.length === 1 ? {...built[0]!, ...annotations} : {anyOf: built, ...annotations};
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
            .filter((family) => keywordsByType[family].some((key) => Object.hasOwn(raw, key))
                // A format the grammar writes (`{"format": "uuid"}`, an alternative beside `"type": "string"`) speaks of strings.
                || (family === "string" && typeof raw.format === "string" && Object.hasOwn(formatPatterns, raw.format)));
        // Keywords of several types without "type" (`{"additionalProperties": true, "additionalItems": true}`): any of them.
        if (families.length > 0) return [...new Set(families.map((family) => familyType[family]))];
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
                return {type, ...annotations, ...normalizeNumberBounds(raw, fail, (keyword) => this.relax(path, keyword, "widened"))};
            case "string":
                return this.buildString(raw, annotations, path, fail);
            case "array":
                return this.buildArray(raw, annotations, path, refStack, fail);
            case "object":
                return this.buildObject(raw, annotations, path, refStack, topLevel);
        }
    }

    /** A string schema: lengths, and a pattern or format the grammar enforces (lengths beside them are checked, not enforced). */
    private buildString(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, fail: (problem: string) => never): JsonSchema {
        const {minimum: minLength, maximum: maxLength} = this.readCounts(raw, "minLength", "maxLength", fail);
        if (raw.pattern !== undefined && typeof raw.pattern !== "string") fail(`"pattern" must be a string`);
        let pattern = raw.pattern as string | undefined;
        if (pattern !== undefined) {
            const grammar = patternGbnf(pattern, "pattern", new GbnfRuleSet());
            if ("unsupported" in grammar) {
                this.relax(path, "pattern", "ignored");
                pattern = undefined;
            } else if (grammar.narrowed) this.relax(path, "pattern", "narrowed");
        }
        const format = annotations.format !== undefined && Object.hasOwn(formatPatterns, annotations.format) ? annotations.format : undefined;
        if (format !== undefined && pattern !== undefined) this.relax(path, "format", "ignored");
        if (pattern !== undefined || format !== undefined) {
            // The grammar writes the pattern's or format's strings, whatever their length: lengths beside them are checked, not enforced.
            this.enforcesStringChecks = true;
            for (const keyword of ["minLength", "maxLength"]) if (raw[keyword] !== undefined) this.relax(path, keyword, "ignored");
            return {type: "string", ...annotations, ...(pattern === undefined ? {} : {pattern})};
        }
        return {type: "string", ...annotations, ...(minLength === undefined ? {} : {minLength}), ...(maxLength === undefined ? {} : {maxLength})};
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

    /**
     * An array: `items` (one schema), `minItems`, `maxItems`, and a tuple's first items, from
     * `prefixItems` (draft 2020: then `items` is the rest) or an array `items` (draft 7: then
     * `additionalItems` is the rest). A rest of `false` caps the length at the tuple's.
     */
    private buildArray(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], fail: (problem: string) => never): JsonSchema {
        let {minimum: minItems, maximum: maxItems} = this.readCounts(raw, "minItems", "maxItems", fail);
        const tupleKey = Array.isArray(raw.prefixItems) ? "prefixItems" : Array.isArray(raw.items) ? "items" : undefined;
        if (raw.prefixItems !== undefined && tupleKey !== "prefixItems") fail(`"prefixItems" must be an array of schemas`);
        const restKey = tupleKey === "items" ? "additionalItems" : "items";
        let prefix = tupleKey === undefined ? [] : (raw[tupleKey] as unknown[]).map((item, i) => this.visit(item, jsonPathChild(jsonPathChild(path, tupleKey), i), refStack, false));
        // A tuple item that can have no value ends the tuple before it.
        const cut = prefix.findIndex(isNoValue);
        if (cut >= 0) {
            if ((minItems ?? 0) > cut) return noValue;
            prefix = prefix.slice(0, cut);
            maxItems = Math.min(maxItems ?? cut, cut);
        }
        const restRaw = tupleKey === undefined || tupleKey === "prefixItems" || raw.additionalItems !== undefined ? raw[restKey] : undefined;
        if (tupleKey === undefined && raw.additionalItems !== undefined) this.relax(path, "additionalItems", "ignored");
        let items: JsonSchema = {};
        if (restRaw === false) {
            if (minItems !== undefined && minItems > prefix.length) fail(`"minItems" asks for ${minItems} items, but only ${prefix.length} are allowed`);
            maxItems = Math.min(maxItems ?? prefix.length, prefix.length);
        } else if (restRaw !== undefined && restRaw !== true) {
            items = this.visit(restRaw, jsonPathChild(path, restKey), refStack, false);
            if (isNoValue(items)) {
                if ((minItems ?? 0) > prefix.length) return noValue;
                items = {};
                maxItems = Math.min(maxItems ?? prefix.length, prefix.length);
            }
        }
        if (prefix.length > grammarLimits.tupleItems) fail(`tuples of more than ${grammarLimits.tupleItems} items are not supported`);
        if (minItems === 0) minItems = undefined;
        return {
            type: "array", ...annotations, ...(prefix.length > 0 ? {prefixItems: prefix} : {}), items,
            ...(minItems === undefined ? {} : {minItems}), ...(maxItems === undefined ? {} : {maxItems})
        };
    }

    /**
     * An object without listed properties whose members are constrained (`additionalProperties` as
     * a schema, `patternProperties`, `propertyNames`, `minProperties`/`maxProperties`): a map.
     * Keys follow the patterns when there are any (other keys the schema allows are not written:
     * narrowed), else `propertyNames`. Undefined when nothing of that is given.
     */
    private buildMap(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], topLevel: boolean): ObjectSchema | undefined {
        const fail = (problem: string): never => this.fail(path, problem);
        const additional = raw.additionalProperties;
        if (!isPlainObject(additional) && ["patternProperties", "propertyNames", "minProperties", "maxProperties"].every((keyword) => raw[keyword] === undefined)) return undefined;
        const {minimum: minProperties, maximum: maxProperties} = this.readCounts(raw, "minProperties", "maxProperties", fail);
        let patternProperties: Record<string, JsonSchema> | undefined;
        if (raw.patternProperties !== undefined) {
            if (!isPlainObject(raw.patternProperties)) fail(`"patternProperties" must be an object`);
            const entries: [string, JsonSchema][] = [];
            for (const [pattern, schema] of Object.entries(raw.patternProperties as Record<string, unknown>)) {
                const valuePath = jsonPathChild(jsonPathChild(path, "patternProperties"), pattern);
                const keyGrammar = patternGbnf(pattern, "key", new GbnfRuleSet());
                if ("unsupported" in keyGrammar) {
                    this.relax(path, "patternProperties", "ignored");
                    continue;
                }
                if (keyGrammar.narrowed) this.relax(path, "patternProperties", "narrowed");
                const value = this.visit(schema, valuePath, refStack, false);
                if (!isNoValue(value)) entries.push([pattern, value]);
            }
            if (entries.length > 0) patternProperties = Object.fromEntries(entries);
        }
        let propertyNames: JsonSchema | undefined;
        if (raw.propertyNames !== undefined) {
            const names = this.visit(raw.propertyNames, jsonPathChild(path, "propertyNames"), refStack, false);
            const node = schemaNode(names);
            if (patternProperties !== undefined) this.relax(path, "propertyNames", "ignored");
            else if (node.kind === "string" || (node.kind === "enum" && node.schema.enum.every((value) => typeof value === "string"))) propertyNames = names;
            else if (node.kind !== "any") this.relax(path, "propertyNames", "ignored");
        }
        let additionalProperties: boolean | JsonSchema = additional === false ? false : true;
        if (isPlainObject(additional)) {
            const values = this.visit(additional, jsonPathChild(path, "additionalProperties"), refStack, false);
            additionalProperties = isNoValue(values) ? false : schemaNode(values).kind === "any" ? true : values;
        } else if (additional === undefined && topLevel && patternProperties === undefined && propertyNames === undefined) additionalProperties = false;
        if (patternProperties !== undefined && additionalProperties !== false) this.relax(path, "additionalProperties", "narrowed");
        if (patternProperties === undefined && additionalProperties === false) {
            if ((minProperties ?? 0) > 0) {
                if (this.recursionCuts > 0) return noValue as ObjectSchema;
                fail(`"minProperties" asks for ${minProperties} members, but no member is allowed`);
            }
            return {type: "object", ...annotations, properties: {}, required: [], additionalProperties: false};
        }
        return {
            type: "object", ...annotations, properties: {}, required: [], additionalProperties,
            ...(patternProperties !== undefined ? {patternProperties} : {}), ...(propertyNames !== undefined ? {propertyNames} : {}),
            ...(minProperties !== undefined && minProperties > 0 ? {minProperties} : {}), ...(maxProperties !== undefined ? {maxProperties} : {})
        };
    }

    private buildObject(raw: Record<string, unknown>, annotations: SchemaAnnotations, path: string, refStack: readonly string[], topLevel: boolean): ObjectSchema {
        const fail = (problem: string): never => this.fail(path, problem);
        const rawProperties = raw.properties ?? {};
        if (!isPlainObject(rawProperties)) fail(`"properties" must be an object`);
        const rawRequired = raw.required ?? [];
        if (!Array.isArray(rawRequired) || !rawRequired.every((name) => typeof name === "string")) fail(`"required" must be an array of strings`);
        const required = [...new Set(rawRequired as string[])];
        const additional = raw.additionalProperties;
        const hasProperties = isPlainObject(raw.properties) && Object.keys(raw.properties).length > 0 || required.length > 0;
        if (!hasProperties) {
            const map = this.buildMap(raw, annotations, path, refStack, topLevel);
            if (map !== undefined) return map;
        }
        // Extra properties the schema allows (a schema, or true next to properties) are not generated: the object is closed to its listed ones.
        if (additional !== undefined && additional !== false && (typeof additional !== "boolean" || hasProperties))
            this.relax(path, "additionalProperties", "narrowed");
        for (const keyword of ["patternProperties", "propertyNames"]) if (raw[keyword] !== undefined) this.relax(path, keyword, "narrowed");
        const {minimum: minProperties, maximum: maxProperties} = this.readCounts(raw, "minProperties", "maxProperties", fail);
        const propertyCount = Object.keys(isPlainObject(raw.properties) ? raw.properties : {}).length + required.filter((name) => !isPlainObject(raw.properties) || !Object.hasOwn(raw.properties, name)).length;
        // Counts the listed properties always meet need nothing; "at least one" the grammar enforces; others are checked, not enforced.
        // Counts the listed properties always meet need nothing; others the grammar counts (extra properties the schema allows are not written).
        if (minProperties !== undefined && minProperties > propertyCount && additional === false) fail(`"minProperties" asks for ${minProperties} properties, but only ${propertyCount} are allowed`);
        if (maxProperties !== undefined && maxProperties < required.length) fail(`"maxProperties" allows ${maxProperties} properties, but ${required.length} are required`);
        const countMin = minProperties !== undefined && minProperties > required.length ? Math.min(minProperties, propertyCount) : undefined;
        if (minProperties !== undefined && minProperties > propertyCount) this.relax(path, "minProperties", "ignored");
        const countMax = maxProperties !== undefined && maxProperties < propertyCount ? maxProperties : undefined;

        const propertiesPath = jsonPathChild(path, "properties");
        const properties: [string, JsonSchema][] = [];
        for (const [name, schema] of Object.entries(rawProperties)) {
            const property = this.visit(schema, jsonPathChild(propertiesPath, name), refStack, false);
            if (!isNoValue(property)) properties.push([name, property]);
            else if (required.includes(name)) return noValue as ObjectSchema;
        }
        for (const name of required) {
            if (properties.some(([known]) => known === name)) continue;
            if (additional === false) fail(`required property ${JSON.stringify(name)} is not in "properties"`);
            properties.push([name, {}]);
        }
        const freeForm = properties.length === 0 && (additional === true || isPlainObject(additional) || (additional === undefined && !topLevel));
        const counts = freeForm ? {} : {...(countMin !== undefined ? {minProperties: countMin} : {}), ...(countMax !== undefined ? {maxProperties: countMax} : {})};
        return {type: "object", ...annotations, properties: Object.fromEntries(properties), required, additionalProperties: freeForm, ...counts};
    }
}

/**
 * What a `$ref` nested in itself too deeply stands for while normalising: no value. It never leaves
 * the normaliser: an optional property, array item, member or alternative of it is left out, and
 * whatever needs one is no value either, up to the parameters, which are then refused.
 */
const noValue = {not: {}} as unknown as JsonSchema;

function isNoValue(schema: JsonSchema): boolean {
    return Object.hasOwn(schema, "not");
}

/**
 * Whether no value satisfies two of the schemas: told from their kinds (a string is never an
 * object; integers are numbers), enum values, and a property every object of two alternatives
 * requires with disjoint values. Undecided pairs count as overlapping.
 */
function pairwiseDisjoint(schemas: readonly JsonSchema[]): boolean {
    for (let i = 0; i < schemas.length; i++)
        for (let j = i + 1; j < schemas.length; j++)
            if (!disjoint(schemas[i]!, schemas[j]!)) return false;
    return true;
}

function disjoint(a: JsonSchema, b: JsonSchema): boolean {
    const x = schemaNode(a);
    const y = schemaNode(b);
    if (x.kind === "any" || y.kind === "any") return false;
    if (x.kind === "anyOf") return x.schema.anyOf.every((option) => disjoint(option, b));
    if (y.kind === "anyOf") return y.schema.anyOf.every((option) => disjoint(a, option));
    if (x.kind === "enum" || y.kind === "enum") {
        const [values, other] = x.kind === "enum" ? [x.schema.enum, b] : [(y.schema as {enum: JsonValue[]}).enum, a];
        return values.every((value) => validateValue(other, value).length > 0);
    }
    const numeric = (kind: string): boolean => kind === "integer" || kind === "number";
    if (x.kind !== y.kind) return !(numeric(x.kind) && numeric(y.kind));
    if (x.kind === "object" && y.kind === "object") {
        const left = x.schema;
        const right = y.schema as ObjectSchema;
        return left.required.some((name) => right.required.includes(name)
            && left.properties[name] !== undefined && right.properties[name] !== undefined
            && disjoint(left.properties[name]!, right.properties[name]!));
    }
    return false;
}

/** OpenAPI 3.0's `nullable: true`: the schema's types and `null`. */
function nullable(raw: Record<string, unknown>): Record<string, unknown> {
    const {nullable: _flag, ...rest} = raw;
    if (typeof rest.type === "string") return {...rest, type: [rest.type, "null"]};
    if (Array.isArray(rest.type)) return rest.type.includes("null") ? rest : {...rest, type: [...rest.type, "null"]};
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) return {...rest, enum: [...rest.enum, null]};
    return rest;
}

/** The properties an object schema (following local `$ref`s) allows alone, where it says `additionalProperties: false`; else undefined. */
function closedProperties(raw: unknown, source: SchemaSource, seen: readonly string[] = []): string[] | undefined {
    if (!isPlainObject(raw)) return undefined;
    if (typeof raw.$ref === "string" && !seen.includes(raw.$ref)) {
        const resolved = resolveLocalRef(raw.$ref, source.root, source.rootPath);
        return "problem" in resolved ? undefined : closedProperties(resolved.target, source, [...seen, raw.$ref]);
    }
    if (raw.additionalProperties !== false) return undefined;
    return isPlainObject(raw.properties) ? Object.keys(raw.properties) : [];
}
