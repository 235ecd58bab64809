import {getLlama, LlamaLogLevel, type LlamaModel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GrammarSampler} from "../../src/engine/GrammarSampler.js";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {measureSchema, type SchemaVerdict} from "./measureCorpus.js";
import {type CorpusSchema, mcpCorpus, npmSchemaCorpus, stressCorpus} from "./schemaCorpus.js";

const t = suite("schema corpus: coverage and soundness");
let vocabulary: LlamaModel;
let sampler: GrammarSampler;

t.before(async () => {
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    vocabulary = await llama.loadModel({modelPath: DEFAULT_MODEL_PATH, vocabOnly: true});
    sampler = GrammarSampler.create(vocabulary);
});
t.after(async () => {
    await vocabulary?.dispose();
});

async function measure(corpus: readonly CorpusSchema[], samples: number): Promise<SchemaVerdict[]> {
    const verdicts: SchemaVerdict[] = [];
    for (const [index, entry] of corpus.entries())
        verdicts.push(await measureSchema(entry, index, {llama: vocabulary.llama, sampler, samples, nodeLlamaCpp: false}));
    return verdicts;
}

const unsound = (verdicts: readonly SchemaVerdict[]): string[] =>
    verdicts.filter((verdict) => verdict.toolace.unsound > 0).map((verdict) => `${verdict.name}: ${verdict.toolace.firstInvalid}`);

t("every tool of nine MCP servers from npm compiles, and every drawn argument object satisfies its schema", async () => {
    const corpus = await mcpCorpus();
    assert.ok(corpus.length >= 80, `${corpus.length} MCP tools`);
    const verdicts = await measure(corpus, 2);
    assert.equal(verdicts.filter((verdict) => !verdict.toolace.ok).map((verdict) => `${verdict.name}: ${verdict.toolace.error}`), []);
    assert.equal(verdicts.filter((verdict) => verdict.toolace.invalid > 0).map((verdict) => `${verdict.name}: ${verdict.toolace.firstInvalid}`), []);
});

t("npm-shipped schemas and stress cases: high coverage, refusals only for size, endless recursion and contradictions, no unsound sample", async () => {
    const verdicts = await measure([...npmSchemaCorpus(), ...stressCorpus()], 1);
    const refused = verdicts.filter((verdict) => !verdict.toolace.ok);
    assert.ok(refused.length <= verdicts.length * 0.12, `${refused.length} of ${verdicts.length} refused`);
    for (const verdict of refused)
        assert.match(verdict.toolace.error!, /too large|recurses without end|no value satisfies|range \[\d+, \d+\] is empty/, verdict.name);
    assert.equal(unsound(verdicts), []);
});

t.run();
