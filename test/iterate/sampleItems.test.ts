/**
 * k-sampling on a generated model: the k samples of an item share its evaluated prompt (the token
 * meter shows the prompt evaluated once, then only completions), seeds are distinct, and every
 * sample is scored.
 */
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {sampleItems, sampleSeed} from "../../src/iterate/sampleItems.js";
import {sharedPromptFigures} from "../../src/iterate/sharedPromptFigures.js";
import {createTestModel} from "../helpers/testModels.js";
import {synthFixtures} from "./synthFixtures.js";

const t = suite("sampleItems");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const engine = await ToolCallEngine.load({model: await createTestModel("chatml-tiny"), llama, threads: 1, contextSize: 2048, maxTokens: 96, grammar: {maxStringLength: 12, maxArrayItems: 2}});
t.after(async () => { await engine.dispose(); });

const items = synthFixtures().filter((item) => item.split === "train" && item.tools.length <= 2).slice(0, 3);

t("sampleSeed: distinct within an item, stable, and different across items and base seeds", () => {
    const seeds = Array.from({length: 8}, (_, i) => sampleSeed(7, "train-000001", i));
    assert.is(new Set(seeds).size, 8);
    assert.is(sampleSeed(7, "train-000001", 3), seeds[3]);
    assert.is.not(sampleSeed(7, "train-000002", 0), seeds[0]);
    assert.is.not(sampleSeed(8, "train-000001", 0), seeds[0]);
});

t("k samples of an item share its prompt: evaluated ≈ prompt + k × completion, not k × (prompt + completion)", async () => {
    const k = 4;
    const seen: string[] = [];
    const records = await sampleItems({engine, items, k, temperature: 1, seed: 3, onItem: (record) => { seen.push(record.id); }});
    assert.equal(seen, items.map((item) => item.id));
    for (const record of records) {
        assert.is(record.samples.length, k);
        assert.is(new Set(record.samples.map((sample) => sample.seed)).size, k, "distinct seeds");
        assert.is(record.correct, record.samples.filter((sample) => sample.correct).length);
        const measured = record.samples.filter((sample) => sample.error === undefined);
        assert.ok(measured.length >= 2, `${record.id}: most samples answer (${JSON.stringify(record.samples.map((sample) => sample.error?.code))})`);
        // The first sample evaluates the prompt (less a prefix an earlier item left in the cache); the others reuse all of it.
        assert.ok(measured[0]!.inputTokens <= record.promptTokens);
        for (const sample of measured.slice(1)) assert.ok(sample.inputTokens <= 1, `${record.id}: a repeat sample evaluated ${sample.inputTokens} prompt tokens`);
    }
    assert.ok(records[0]!.samples[0]!.inputTokens >= records[0]!.promptTokens - 1, "the very first sample evaluates its whole prompt");
    const figures = sharedPromptFigures(records);
    console.log(`  shared-prompt figures (chatml-tiny, ${figures.items} items × k=${k}): prompt ${figures.promptTokens}, completion ${figures.completionTokens}, `
        + `evaluated ${figures.evaluatedTokens} ≤ prompt + completion ${figures.promptTokens + figures.completionTokens}; `
        + `k × (prompt + completion) would be ${figures.separateTokens} (saved ${(figures.savedFraction * 100).toFixed(1)}%)`);
    assert.ok(figures.evaluatedTokens <= figures.promptTokens + figures.completionTokens);
    assert.ok(figures.maxRepeatInputTokens <= 1);
    assert.ok(figures.evaluatedTokens < figures.separateTokens * 0.6, "well under k × (prompt + completion)");
});

t("the same seeds give the same samples; a request the engine refuses is a wrong sample with its error", async () => {
    const [first] = await sampleItems({engine, items: items.slice(0, 1), k: 2, temperature: 1, seed: 9});
    const [again] = await sampleItems({engine, items: items.slice(0, 1), k: 2, temperature: 1, seed: 9});
    assert.equal(again!.samples.map((sample) => sample.callSet), first!.samples.map((sample) => sample.callSet));
    const broken = {...items[0]!, id: "broken", tools: [{type: "function" as const, function: {name: "bad name!", description: "", parameters: {type: "object" as const, properties: {}, required: [], additionalProperties: false as const}}}]};
    const [record] = await sampleItems({engine, items: [broken], k: 2, temperature: 1, seed: 1});
    assert.is(record!.correct, 0);
    assert.ok(record!.samples.every((sample) => sample.error !== undefined && !sample.correct));
    assert.equal(await sampleItems({engine, items, k: 2, temperature: 1, seed: 1, skip: new Set(items.map((item) => item.id))}), [], "skipped items are not sampled");
});

t("an engine with two contexts samples two items at once and gives the same samples", async () => {
    const model = await createTestModel("chatml-tiny");
    const two = await ToolCallEngine.load({model, llama, threads: 1, contexts: 2, contextSize: 2048, maxTokens: 96, grammar: {maxStringLength: 12, maxArrayItems: 2}});
    try {
        assert.is(two.slots, 2);
        assert.is(two.contexts.length, 2);
        const serial = await sampleItems({engine, items, k: 2, temperature: 1, seed: 5});
        const seen: string[] = [];
        const parallel = await sampleItems({engine: two, items, k: 2, temperature: 1, seed: 5, onItem: (record) => { seen.push(record.id); }});
        assert.equal(parallel.map((record) => record.id), items.map((item) => item.id), "records in item order");
        assert.equal([...seen].sort(), items.map((item) => item.id).sort(), "onItem once per item");
        const answers = (records: typeof serial) => records.map((record) => record.samples.map((sample) => [sample.seed, sample.callSet, sample.content, sample.correct]));
        assert.equal(answers(parallel), answers(serial));
    } finally {
        await two.dispose();
    }
    for (const contexts of [0, 1.5])
        try {
            await ToolCallEngine.load({model, llama, contexts});
            assert.unreachable(`contexts ${contexts} loads`);
        } catch (error) {
            assert.is((error as {code?: string}).code, "usage");
            assert.match((error as Error).message, /contexts must be a positive integer/);
        }
});

t.run();
