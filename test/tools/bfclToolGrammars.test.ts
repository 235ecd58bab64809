/**
 * Every function doc of every BFCL question file normalises, its arguments grammar compiles in
 * llama.cpp, and (property-based) every text drawn from the grammar is valid JSON that an
 * independent validator (ajv) accepts against the normalised schema; optional properties can be
 * left out, required ones cannot, integers reject 1.5, enums reject other values, no extra keys.
 */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {Ajv, type ValidateFunction} from "ajv";
import type {LlamaGrammar} from "node-llama-cpp";
import {compileArgumentsGrammar} from "../../src/tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import type {GrammarOptions} from "../../src/tools/GrammarOptions.js";
import type {JsonValue} from "../../src/tools/JsonValue.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {schemaNode} from "../../src/tools/schemaNode.js";
import type {ToolDefinition} from "../../src/tools/ToolDefinition.js";
import {validateArguments} from "../../src/tools/validateArguments.js";
import {type BfclFunctionDoc, loadBfclFunctionDocs} from "./bfclFunctionDocs.js";
import {GbnfSampler, seededRandom} from "./gbnfSample.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";
import {schemaExample} from "./schemaExample.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("BFCL tool grammars");

const options: GrammarOptions = {maxStringLength: 8, maxArrayItems: 3};
const samplesPerTool = 8;

interface Compiled {
    origin: string;
    tool: ToolDefinition;
    grammarText: string;
    grammar: LlamaGrammar;
    validate: ValidateFunction;
}

const docs: BfclFunctionDoc[] | undefined = loadBfclFunctionDocs("BFCL tool grammars");
const compiled: Compiled[] = [];
// The normalised schema is standard JSON Schema: ajv (strict mode) takes it as it is. Formats
// are annotations for toolace-r, so ajv does not check them either.
const ajv = new Ajv({strict: true, allErrors: false, validateFormats: false});
/** Every test below needs the shared BFCL docs: a failure under CI, a visible skip elsewhere, never an empty pass. */
const needsDocs = withShared(t, docs, "the shared BFCL data");

needsDocs("every BFCL function doc normalises and its grammar compiles in llama.cpp", async () => {
    assert.ok(docs !== undefined && docs.length > 2000, `found ${docs?.length} distinct function docs`);
    const failures: string[] = [];
    for (const {origin, doc} of docs) {
        try {
            const [tool] = normalizeTools(doc);
            if (tool === undefined) throw new Error("no tool");
            assert.is(tool.name, doc.name, "names are kept as given");
            const rules = new GbnfRuleSet();
            const grammarText = rules.render(compileArgumentsGrammar(tool, options, rules));
            compiled.push({origin, tool, grammarText, grammar: await compileGrammar(grammarText), validate: ajv.compile(tool.parameters)});
        } catch (error) {
            failures.push(`${origin}: ${(error as Error).message.split("\n")[0]}`);
        }
    }
    assert.equal(failures.slice(0, 10), [], `${failures.length} docs failed`);
    console.log(`  ${compiled.length} distinct BFCL function docs normalised and compiled`);
});

needsDocs("a compiled BFCL grammar with a rule removed is rejected by llama.cpp (the check can fail)", async () => {
    const sample = compiled.find((entry) => entry.grammarText.split("\n").length > 4);
    assert.ok(sample !== undefined, "a compiled grammar of more than four lines exists");
    const lines = sample.grammarText.split("\n");
    const broken = [lines[0], ...lines.slice(2)].join("\n");
    await compileGrammar(broken).then(() => assert.unreachable("accepted a grammar with an undefined rule"), () => undefined);
});

needsDocs("texts drawn from each grammar are accepted by llama.cpp and valid for ajv and validateArguments", () => {
    const random = seededRandom(2024);
    let checked = 0;
    for (const {origin, tool, grammarText, grammar, validate} of compiled) {
        const sampler = new GbnfSampler(grammarText, random);
        for (let i = 0; i < samplesPerTool; i++) {
            const text = sampler.sample();
            assert.ok(grammarAccepts(grammar, text), `${origin}: llama.cpp rejects a drawn text ${text}`);
            const value = JSON.parse(text) as unknown;
            assert.ok(validate(value), `${origin}: ajv rejects ${text}: ${ajv.errorsText(validate.errors)}`);
            assert.equal(validateArguments(tool, value), {valid: true}, `${origin}: validateArguments rejects ${text}`);
            checked++;
        }
    }
    assert.ok(checked > 2000 * samplesPerTool, `${checked} drawn argument texts checked`);
    console.log(`  ${checked} drawn argument texts checked`);
});

needsDocs("optional properties can be left out, required ones cannot; no extra properties", () => {
    assert.ok(compiled.length > 2000, `${compiled.length} compiled docs`);
    for (const {origin, tool, grammar, validate} of compiled) {
        const minimal = schemaExample(tool.parameters, "minimal") as Record<string, JsonValue>;
        const full = schemaExample(tool.parameters, "full") as Record<string, JsonValue>;
        for (const value of [minimal, full]) {
            assert.ok(validate(value), `${origin}: example not valid for ajv: ${JSON.stringify(value)}`);
            assert.ok(grammarAccepts(grammar, JSON.stringify(value)), `${origin}: grammar rejects ${JSON.stringify(value)}`);
        }
        for (const name of tool.parameters.required) {
            const {[name]: _removed, ...rest} = minimal;
            assert.not.ok(validate(rest), `${origin}: ajv accepts without ${name}`);
            assert.not.ok(grammarAccepts(grammar, JSON.stringify(rest)), `${origin}: grammar accepts without required ${name}`);
        }
        const extra = {...full, zz_not_a_parameter: 1};
        if (!tool.parameters.additionalProperties)
            assert.not.ok(grammarAccepts(grammar, JSON.stringify(extra)), `${origin}: grammar accepts an extra property`);
    }
});

needsDocs("integer properties reject 1.5 and enum properties reject other values", () => {
    let integers = 0;
    let enums = 0;
    for (const {origin, tool, grammar, validate} of compiled) {
        const full = schemaExample(tool.parameters, "full") as Record<string, JsonValue>;
        for (const [name, schema] of Object.entries(tool.parameters.properties)) {
            const node = schemaNode(schema);
            let wrong: JsonValue | undefined;
            if (node.kind === "integer") {
                wrong = 1.5;
                integers++;
            } else if (node.kind === "enum" && !node.schema.enum.includes("zz not an option")) {
                wrong = "zz not an option";
                enums++;
            }
            if (wrong === undefined) continue;
            const value = {...full, [name]: wrong};
            assert.not.ok(validate(value), `${origin}: ajv accepts ${name}=${JSON.stringify(wrong)}`);
            assert.not.ok(grammarAccepts(grammar, JSON.stringify(value)), `${origin}: grammar accepts ${name}=${JSON.stringify(wrong)}`);
        }
    }
    assert.ok(integers > 500 && enums > 200, `checked ${integers} integer and ${enums} enum properties`);
    console.log(`  ${integers} integer and ${enums} enum properties checked`);
});

t.run();
