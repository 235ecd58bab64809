/**
 * Test helper: seeded random JSON Schemas for a tool's `parameters`, for fuzzing the schema
 * normaliser and the GBNF compiler. They mix what toolace-r supports (nesting, every type, enums
 * and consts of odd values, anyOf/oneOf/allOf, type arrays, optional and required properties,
 * min/max bounds up to 1e300, annotations, `$defs`/`definitions` with shared `$ref`s, odd
 * property names) with keywords the grammar relaxes (pattern, uniqueItems…; reported when a call breaks them) and what it must reject cleanly (cyclic or dangling
 * `$ref`s, malformed keyword values, empty ranges, nesting beyond the depth limit...). About
 * half of them are accepted.
 */

type Random = () => number;
type Schema = Record<string, unknown> | boolean | unknown;

/** Strings that stress escaping: quotes, backslashes, controls, non-ASCII, lone surrogates, GBNF syntax. */
const oddStrings = [
    "", "a", "x y", "\"", "\\", "\\\"", "'", "\n", "\t\r", "\u0000", "\u0001\u001f", "\u007f", "é", "中文", "😀", "\ud800", "\udfff",
    "[^a]", "(x)|y", "::=", "{1,2}", "root", "a-b", "--", "#", "$ref", "__proto__", "constructor", "toString", " lead", "trail ",
    "\u2028\u2029", "\ufeff", "null", "true", "0", "-1", "1e5"
];
const plainNames = ["city", "unit", "count", "query", "limit", "date", "items", "mode", "id", "value", "options", "name", "a", "b", "c"];
const oddNumbers = [0, -0, 1, -1, 2.5, -7.25, 1e-7, 1e21, 1e300, -1e300, 9007199254740993, 123456789012345, 1e15, 999999999999999, 0.1];
const unsupportedKeywords: [string, unknown][] = [
    ["pattern", "^[a-z]+$"], ["not", {type: "string"}], ["if", {type: "string"}], ["patternProperties", {"^x": {}}], ["nullable", true],
    ["multipleOf", 2], ["uniqueItems", true], ["contains", {type: "integer"}], ["prefixItems", [{}]], ["x-extension", 1],
    ["dependentRequired", {a: ["b"]}], ["propertyNames", {maxLength: 3}], ["minProperties", 1], ["unevaluatedProperties", false]
];

class SchemaGenerator {
    private readonly defs: Record<string, Schema> = {};
    private readonly building: string[] = [];
    private defCount = 0;

    public constructor(private readonly random: Random, public readonly defsKey: "$defs" | "definitions") {}

    public chance(p: number): boolean {
        return this.random() < p;
    }

    public int(from: number, to: number): number {
        return from + Math.floor(this.random() * (to - from + 1));
    }

    public pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)] as T;
    }

    public definitions(): Record<string, Schema> | undefined {
        return this.defCount === 0 ? undefined : this.defs;
    }

    public oddString(): string {
        if (this.chance(0.05)) return "w".repeat(this.int(100, 3000));
        if (this.chance(0.5)) return this.pick(oddStrings);
        return this.pick(plainNames) + (this.chance(0.3) ? this.pick(oddStrings) : "");
    }

    public jsonValue(depth: number): unknown {
        const kind = depth > 2 ? this.int(0, 3) : this.int(0, 5);
        switch (kind) {
            case 0: return this.oddString();
            case 1: return this.chance(0.5) ? this.pick(oddNumbers) : this.int(-20, 20);
            case 2: return this.chance(0.5);
            case 3: return null;
            case 4: return Array.from({length: this.int(0, 3)}, () => this.jsonValue(depth + 1));
            default: return Object.fromEntries(Array.from({length: this.int(0, 3)}, () => [this.oddString(), this.jsonValue(depth + 1)]));
        }
    }

    /** A schema; `depth` counts schema levels from the tool's parameters. */
    public schema(depth: number): Schema {
        let schema: Schema;
        const leaf = depth >= 4 || this.chance(0.2 + depth * 0.15);
        if (this.chance(0.004)) return this.chance(0.5);
        if (leaf) schema = this.leaf();
        else {
            const kind = this.int(0, 9);
            if (kind <= 3) schema = this.object(depth);
            else if (kind <= 5) schema = this.array(depth);
            else if (kind === 6) schema = this.alternatives(depth);
            else if (kind === 7) schema = this.ref(depth);
            else if (kind === 8) schema = this.typeArray(depth);
            else schema = this.deepChain();
        }
        if (typeof schema === "object" && schema !== null) {
            this.annotate(schema as Record<string, unknown>);
            if (this.chance(0.012)) this.spoil(schema as Record<string, unknown>);
        }
        return schema;
    }

    private leaf(): Schema {
        switch (this.int(0, 9)) {
            case 0:
            case 1: return this.string();
            case 2: return this.integer();
            case 3: return this.number();
            case 4: return {type: "boolean"};
            case 5: return this.chance(0.5) ? {type: "null"} : {};
            case 6: return this.enumSchema();
            case 7: return {const: this.jsonValue(1)};
            case 8: return this.chance(0.5) ? {type: ["string", "null"], maxLength: this.int(0, 9)} : {type: ["integer", "boolean"], minimum: this.int(-5, 5)};
            default: return this.chance(0.5) ? true : {description: this.oddString()};
        }
    }

    private string(): Record<string, unknown> {
        const schema: Record<string, unknown> = {type: "string"};
        if (this.chance(0.4)) schema.minLength = this.chance(0.03) ? this.pick([-1, 2.5, 2001, 1e300]) : this.int(0, 6);
        if (this.chance(0.4)) schema.maxLength = this.chance(0.05) ? this.pick([1e300, 2000, 5000, 0]) : this.int(0, 12);
        if (this.chance(0.1)) schema.format = this.pick(["date", "email", "uri", "date-time", "made-up"]);
        return schema;
    }

    private integer(): Record<string, unknown> {
        const schema: Record<string, unknown> = {type: "integer"};
        this.bounds(schema, true);
        return schema;
    }

    private number(): Record<string, unknown> {
        const schema: Record<string, unknown> = {type: "number"};
        this.bounds(schema, false);
        return schema;
    }

    private bounds(schema: Record<string, unknown>, integer: boolean): void {
        const value = (): number => this.chance(0.1) ? this.pick(oddNumbers) : this.int(-50, 50) + (integer && this.chance(0.2) ? 0.5 : 0);
        if (this.chance(0.4)) schema.minimum = value();
        if (this.chance(0.4)) schema.maximum = value();
        if (this.chance(0.15)) schema.exclusiveMinimum = this.chance(0.3) ? this.chance(0.7) : value();
        if (this.chance(0.15)) schema.exclusiveMaximum = this.chance(0.3) ? this.chance(0.7) : value();
        if (this.chance(0.05)) schema.minimum = this.pick([1e300, -1e300, "3", null]);
    }

    private enumSchema(): Record<string, unknown> {
        const values = Array.from({length: this.chance(0.03) ? this.int(0, 1) * 300 : this.int(1, 6)}, () => this.jsonValue(1));
        const schema: Record<string, unknown> = {enum: values};
        if (this.chance(0.4)) schema.type = this.pick(["string", "integer", "number", "boolean", "null", "array", "object"]);
        if (this.chance(0.05)) schema.const = this.chance(0.5) && values.length > 0 ? values[0] : "not-listed";
        return schema;
    }

    private propertyName(): string {
        return this.chance(0.75) ? this.pick(plainNames) : this.oddString();
    }

    private object(depth: number): Record<string, unknown> {
        const properties: Record<string, Schema> = {};
        const count = this.chance(0.1) ? 0 : this.int(1, 5);
        for (let i = 0; i < count; i++) Object.defineProperty(properties, this.propertyName(), {value: this.schema(depth + 1), enumerable: true, writable: true, configurable: true});
        const names = Object.keys(properties);
        const schema: Record<string, unknown> = {type: "object", properties};
        if (this.chance(0.1)) delete schema.type;
        if (names.length > 0 || this.chance(0.2)) {
            const required = names.filter(() => this.chance(0.5));
            if (this.chance(0.08)) required.push(this.propertyName());
            if (required.length > 0 || this.chance(0.2)) schema.required = required;
        }
        if (this.chance(0.3)) schema.additionalProperties = this.chance(0.03) ? {type: "string"} : this.chance(0.8) ? false : true;
        return schema;
    }

    private array(depth: number): Record<string, unknown> {
        const schema: Record<string, unknown> = {type: "array"};
        if (this.chance(0.9)) schema.items = this.chance(0.02) ? [{type: "string"}] : this.schema(depth + 1);
        if (this.chance(0.3)) schema.minItems = this.chance(0.03) ? this.pick([-2, 1.5, 2001]) : this.int(0, 3);
        if (this.chance(0.3)) schema.maxItems = this.chance(0.05) ? this.pick([1e300, 0, 2000]) : this.int(0, 5);
        return schema;
    }

    private alternatives(depth: number): Record<string, unknown> {
        const keyword = this.pick(["anyOf", "anyOf", "oneOf", "allOf"]);
        const count = keyword === "allOf" ? (this.chance(0.8) ? 1 : 2) : this.chance(0.03) ? 0 : this.int(1, 4);
        const schema: Record<string, unknown> = {[keyword]: Array.from({length: count}, () => this.schema(depth + 1))};
        if (this.chance(0.03)) schema.type = "string";
        return schema;
    }

    private typeArray(depth: number): Record<string, unknown> {
        const types = ["string", "integer", "number", "boolean", "null", "array", "object"].filter(() => this.chance(0.35));
        if (this.chance(0.03)) types.push(this.pick(["float", "dict", "any", ""]));
        const schema: Record<string, unknown> = {type: types.length === 1 && this.chance(0.5) ? types[0] : types};
        if (types.includes("array") && this.chance(0.7)) schema.items = this.schema(depth + 1);
        if (types.includes("object") && this.chance(0.7)) schema.properties = {[this.propertyName()]: this.schema(depth + 1)};
        if (types.includes("string") && this.chance(0.5)) schema.maxLength = this.int(0, 8);
        if (types.includes("integer") && this.chance(0.5)) schema.maximum = this.int(-3, 30);
        return schema;
    }

    /** Nested objects or arrays around a leaf: mostly within the depth limit (64), some beyond it. */
    private deepChain(): Record<string, unknown> {
        const levels = this.chance(0.5) ? this.int(5, 40) : this.int(55, 80);
        const useArrays = this.chance(0.5);
        let schema: Record<string, unknown> = this.chance(0.5) ? {type: "integer", minimum: 0} : {type: "string", maxLength: 3};
        for (let i = 0; i < levels; i++) {
            const name = this.pick(plainNames);
            schema = useArrays
                ? {type: "array", items: schema, maxItems: 2}
                : {type: "object", properties: {[name]: schema}, ...(this.chance(0.5) ? {required: [name]} : {})};
        }
        return schema;
    }

    /** A `$ref` to a new or existing definition; referring to one still being built makes a cycle. */
    private ref(depth: number): Record<string, unknown> {
        const known = Object.keys(this.defs);
        let name: string;
        if (this.building.length > 0 && this.chance(0.25)) name = this.pick(this.building);
        else if (known.length > 0 && this.chance(0.4)) name = this.pick(known);
        else {
            name = this.chance(0.2) ? this.pick(["a/b", "a~b", "a b", "é", "%25", "x.y"]) + this.defCount : `def${this.defCount}`;
            this.defCount++;
            this.building.push(name);
            this.defs[name] = {};
            this.defs[name] = this.schema(depth + 1);
            this.building.pop();
        }
        const pointer = name.replace(/~/g, "~0").replace(/\//g, "~1");
        const encoded = this.chance(0.5) ? encodeURIComponent(pointer) : pointer;
        const target = this.chance(0.02) ? this.pick(["#/$defs/missing", "https://example.com/s.json", "#", "other.json#/x", "#/properties/a"]) : `#/${this.defsKey}/${encoded}`;
        const schema: Record<string, unknown> = {$ref: target};
        if (this.chance(0.03)) schema.type = "object";
        return schema;
    }

    private annotate(schema: Record<string, unknown>): void {
        if (this.chance(0.2)) schema.description = this.oddString();
        if (this.chance(0.05)) schema.title = this.oddString();
        if (this.chance(0.05)) schema.default = this.jsonValue(1);
        if (this.chance(0.03)) schema.examples = [this.jsonValue(1)];
        if (this.chance(0.02)) schema.$comment = "comment";
        if (this.chance(0.01)) schema.deprecated = true;
        if (this.chance(0.004)) schema.description = 42;
    }

    /** Adds a keyword the grammar does not enforce (relaxed and checked) or ignores (an annotation). */
    private spoil(schema: Record<string, unknown>): void {
        const [keyword, value] = this.pick(unsupportedKeywords);
        schema[keyword] = value;
    }
}

/**
 * A random `parameters` schema. About one in 25 has a top level that is not an object schema;
 * definitions go into `$defs` (or, sometimes, draft-07 `definitions`).
 */
export function randomToolSchema(random: Random): unknown {
    const generator = new SchemaGenerator(random, random() < 0.2 ? "definitions" : "$defs");
    let root: Schema;
    if (generator.chance(0.04)) root = generator.schema(1);
    else {
        root = {type: "object", properties: {}};
        const properties = (root as {properties: Record<string, Schema>}).properties;
        const count = generator.int(0, 5);
        for (let i = 0; i < count; i++) properties[generator.pick(plainNames)] = generator.schema(1);
        const names = Object.keys(properties);
        if (names.length > 0) (root as Record<string, unknown>).required = names.filter(() => generator.chance(0.5));
        if (generator.chance(0.1)) (root as Record<string, unknown>).additionalProperties = false;
    }
    const definitions = generator.definitions();
    if (definitions !== undefined && typeof root === "object" && root !== null) (root as Record<string, unknown>)[generator.defsKey] = definitions;
    return root;
}
