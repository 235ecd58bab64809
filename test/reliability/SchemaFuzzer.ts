/**
 * Test helper: checks one tool `parameters` schema end to end and tallies the outcome. A schema
 * must either be rejected by `normalizeTools` with a clear `ToolSchemaError` (tool name, problem,
 * JSON path under `$.parameters`), or compile to a grammar from which every drawn text is valid
 * JSON that validates against the schema for ajv (the raw schema, read with toolace-r's
 * documented semantics: `oneOf` as `anyOf`, draft-04 boolean exclusive bounds, repeated
 * `required` names once; and the normalised schema, in strict mode) and for
 * `validateArguments` — and, when asked, is accepted by
 * llama.cpp's own grammar engine. Anything else (another exception, an invalid text, a grammar
 * llama.cpp refuses) is a failure, recorded with the schema's label so that it reproduces.
 */
import {Ajv2020} from "ajv/dist/2020.js";
import {compileArgumentsGrammar} from "../../src/tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import type {GrammarOptions} from "../../src/tools/GrammarOptions.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {ToolSchemaError} from "../../src/tools/ToolSchemaError.js";
import type {ToolDefinition} from "../../src/tools/ToolDefinition.js";
import {validateArguments} from "../../src/tools/validateArguments.js";
import {schemaViolations} from "../../src/tools/schemaViolations.js";
import {GbnfSampler} from "../tools/gbnfSample.js";
import {compileGrammar, grammarAccepts} from "../tools/llamaGrammar.js";

export interface FuzzTally {
    schemas: number;
    compiled: number;
    rejected: number;
    /** Exceptions other than a clear ToolSchemaError, grammars llama.cpp refuses, normalised schemas ajv refuses. */
    crashes: number;
    /** Drawn texts that are not JSON, or that ajv, validateArguments or llama.cpp reject. */
    invalidOutputs: number;
    textsChecked: number;
    llamaGrammars: number;
    llamaTexts: number;
    /** Compiled schemas whose raw form ajv could not compile (their texts were checked against the normalised schema only). */
    rawSchemasAjvSkipped: number;
    /** Drawn texts that break the raw schema where the grammar relaxed it, each reported by schemaViolations. */
    reportedViolations: number;
    /** Compiled schemas with relaxed keywords. */
    relaxedSchemas: number;
    /**
     * Compiled schemas ajv cannot check: a property name holds a lone UTF-16 surrogate (ajv's
     * encodeURIComponent throws), or a key is named `__proto__` (ajv ignores such properties),
     * `constructor`, `toString` or `valueOf` (its deep-equal reads them as methods). Their texts
     * were checked by validateArguments (and llama.cpp on the subset) only.
     */
    ajvUnsupported: number;
    /** How often each kind of problem was the reason for a rejection. */
    rejections: Record<string, number>;
    /** The first failures of each kind (crash, invalid output), each with its schema's label. */
    failures: string[];
}

type Random = () => number;

const toolName = "f";
const clearRejection = new RegExp(`^tool "${toolName}": .+ at \\$\\.parameters`, "s");

export class SchemaFuzzer {
    public readonly tally: FuzzTally = {
        schemas: 0, compiled: 0, rejected: 0, crashes: 0, invalidOutputs: 0, textsChecked: 0, llamaGrammars: 0, llamaTexts: 0,
        rawSchemasAjvSkipped: 0, reportedViolations: 0, relaxedSchemas: 0, ajvUnsupported: 0, rejections: {}, failures: []
    };
    // ownProperties: without it ajv reads a property named "toString" from Object.prototype.
    // Open tuples (prefixItems with more items after them) are valid schemas that strict mode would only warn of.
    private readonly strictAjv = new Ajv2020({strict: true, strictTypes: true, strictTuples: false, validateFormats: false, ownProperties: true, logger: false});
    private readonly looseAjv = new Ajv2020({strict: false, validateFormats: false, ownProperties: true, logger: false});

    /** `compile` stands in for compileArgumentsGrammar (a test hands it a broken one to see the fuzzer catch it). */
    public constructor(private readonly samplesPerSchema: number, private readonly compile: typeof compileArgumentsGrammar = compileArgumentsGrammar) {}

    /** Checks one schema (`label` names it in failures); `withLlama` also runs llama.cpp's grammar parser and matcher. */
    public async check(raw: unknown, random: Random, label: string, withLlama: boolean, grammarOptions: GrammarOptions = {}): Promise<void> {
        const tally = this.tally;
        tally.schemas++;
        let tool: ToolDefinition;
        try {
            tool = normalizeTools([{type: "function", function: {name: toolName, parameters: raw}}])[0]!;
        } catch (error) {
            if (error instanceof ToolSchemaError && error.code === "tool_schema" && clearRejection.test(error.message)
                && String(error.context.path).startsWith("$.parameters")) {
                tally.rejected++;
                const kind = String(error.context.problem).replace(/"[^"]*"/g, "\"…\"").replace(/-?\d[\d.e+]*/g, "N").replace(/\$[.\w[\]"…]*/g, "$…").slice(0, 70);
                tally.rejections[kind] = (tally.rejections[kind] ?? 0) + 1;
            } else this.fail("crashes", label, `normalizeTools threw ${describe(error)}`);
            return;
        }
        let grammarText: string;
        try {
            const rules = new GbnfRuleSet();
            grammarText = rules.render(this.compile(tool, grammarOptions, rules));
        } catch (error) {
            this.fail("crashes", label, `compileArgumentsGrammar threw ${describe(error)}`);
            return;
        }
        tally.compiled++;
        if (tool.relaxed !== undefined) tally.relaxedSchemas++;

        const rawView = ajvView(raw);
        const ajvCanCheck = !/"(__proto__|constructor|toString|valueOf)":/.test(JSON.stringify(tool.parameters));
        const normalizedCompiled = ajvCanCheck ? this.compileAjv(this.strictAjv, tool.parameters) : ajvCannotCheck;
        const rawCompiled = ajvCanCheck ? this.compileAjv(this.looseAjv, rawView) : ajvCannotCheck;
        let normalizedValidate: AjvValidate | undefined;
        let rawValidate: AjvValidate | undefined;
        if (normalizedCompiled === ajvCannotCheck) tally.ajvUnsupported++;
        else if (typeof normalizedCompiled === "string") {
            this.fail("crashes", label, `ajv cannot compile the normalised schema: ${normalizedCompiled}`);
            return;
        } else {
            normalizedValidate = normalizedCompiled;
            if (typeof rawCompiled === "function") rawValidate = rawCompiled;
            else tally.rawSchemasAjvSkipped++;
        }

        const grammar = withLlama ? await compileGrammar(grammarText).catch((error: unknown) => describe(error)) : undefined;
        if (typeof grammar === "string") this.fail("crashes", label, `llama.cpp refuses the grammar: ${grammar}`);
        else if (grammar !== undefined) tally.llamaGrammars++;

        const sampler = new GbnfSampler(grammarText, random);
        for (let i = 0; i < this.samplesPerSchema; i++) {
            let text: string;
            try {
                text = sampler.sample("root", 2);
            } catch (error) {
                this.fail("crashes", label, `the GBNF sampler could not walk the grammar: ${describe(error)}`);
                break;
            }
            tally.textsChecked++;
            const problem = this.textProblem(text, tool, normalizedValidate, rawValidate);
            if (problem !== undefined) this.fail("invalidOutputs", label, `${problem}: ${text.slice(0, 300)}`);
            if (grammar !== undefined && typeof grammar !== "string") {
                tally.llamaTexts++;
                if (!grammarAccepts(grammar, text)) this.fail("invalidOutputs", label, `llama.cpp's grammar engine rejects a drawn text: ${text.slice(0, 300)}`);
            }
        }
        if (typeof normalizedCompiled === "function") this.strictAjv.removeSchema(tool.parameters);
        if (typeof rawCompiled === "function") this.looseAjv.removeSchema(rawView as object);
    }

    private textProblem(text: string, tool: ToolDefinition, normalized: AjvValidate | undefined, raw: AjvValidate | undefined): string | undefined {
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch {
            return "not JSON";
        }
        const verdict = validateArguments(tool, value);
        if (!verdict.valid) return `validateArguments rejects it (${verdict.errors.join("; ")})`;
        if (normalized !== undefined && !normalized(value)) return `ajv rejects it against the normalised schema (${this.strictAjv.errorsText(normalized.errors)})`;
        if (raw !== undefined && !raw(value)) {
            // Where the grammar relaxed the schema, a text that breaks it must be reported as a violation, never passed off as valid.
            if (tool.relaxed !== undefined && (schemaViolations(tool, value)?.length ?? 1) > 0) {
                this.tally.reportedViolations++;
                return undefined;
            }
            return `ajv rejects it against the raw schema (${this.looseAjv.errorsText(raw.errors)})${tool.relaxed === undefined ? "" : " and schemaViolations does not report it"}`;
        }
        return undefined;
    }

    private compileAjv(ajv: Ajv2020, schema: unknown): AjvValidate | string | typeof ajvCannotCheck {
        try {
            return ajv.compile(schema as object);
        } catch (error) {
            ajv.removeSchema(schema as object);
            return error instanceof URIError ? ajvCannotCheck : describe(error);
        }
    }

    private fail(kind: "crashes" | "invalidOutputs", label: string, message: string): void {
        this.tally[kind]++;
        if (this.tally[kind] <= 10) this.tally.failures.push(`${label}: ${kind === "crashes" ? "crash" : "invalid output"}: ${message}`);
    }
}

type AjvValidate = ReturnType<Ajv2020["compile"]>;
const ajvCannotCheck = Symbol("ajv cannot check this schema");

function describe(error: unknown): string {
    return error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]!.slice(0, 300)}` : String(error);
}

/**
 * The raw schema as standard JSON Schema 2020-12 with toolace-r's documented readings: `oneOf`
 * as `anyOf`, draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` as numeric bounds, repeated
 * `required` names once, and no `$schema` (the draft named there would not matter).
 */
function ajvView(schema: unknown): unknown {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return schema;
    const out: Record<string, unknown> = {};
    const map = (value: unknown): unknown => typeof value === "object" && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ajvView(item)]))
        : value;
    for (const [key, value] of Object.entries(schema)) {
        if (key === "properties" || key === "$defs" || key === "definitions") out[key] = map(value);
        else if (key === "items" || key === "additionalProperties") out[key] = ajvView(value);
        else if (key === "anyOf" || key === "allOf" || key === "oneOf") out[key === "oneOf" ? "anyOf" : key] = Array.isArray(value) ? value.map(ajvView) : value;
        else if (key === "required") out[key] = Array.isArray(value) ? [...new Set(value)] : value;
        else if (key !== "$schema") Object.defineProperty(out, key, {value, enumerable: true, writable: true, configurable: true});
    }
    for (const [exclusive, inclusive] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
        if (out[exclusive] === true) {
            out[exclusive] = out[inclusive];
            delete out[inclusive];
        } else if (out[exclusive] === false) delete out[exclusive];
    }
    return out;
}
