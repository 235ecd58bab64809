/**
 * `train export`: a corpus (conversations or synthetic items) to OpenAI JSONL, ShareGPT and a
 * LLaMA-Factory dataset_info.json entry that points at it; an existing dataset_info.json keeps its
 * other entries; a bad line is named and nothing is written; the example LLaMA-Factory config
 * names the exported dataset.
 */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {exportCorpus} from "../../src/export/exportCorpus.js";
import {llamaFactoryDatasetInfo} from "../../src/export/llamaFactoryDatasetInfo.js";
import type {ShareGptExample} from "../../src/export/toShareGpt.js";
import {buildRefinementCorpus} from "../../src/iterate/buildRefinementCorpus.js";
import {TrainError} from "../../src/train/TrainError.js";
import {runCli} from "../helpers/runCli.js";
import {goldAnswer, synthFixtures} from "../iterate/synthFixtures.js";
import {llamaFactoryAccepts} from "./llamaFactoryAccepts.js";

const t = suite("exportCorpus");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-export-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const items = synthFixtures().slice(0, 12);
const corpus = items.flatMap((item) => {
    const gold = goldAnswer(item);
    return buildRefinementCorpus(item, [{seed: 0, ...gold, correct: true, callSet: "x", inputTokens: 0, outputTokens: 0, ms: 0}]);
});
const corpusFile = path.join(dir, "corpus.jsonl");
await writeFile(corpusFile, corpus.map((entry) => `${JSON.stringify(entry)}\n`).join(""));

t("llamaFactoryDatasetInfo: sharegpt formatting with the columns and tags toShareGpt writes", () => {
    const info = llamaFactoryDatasetInfo("toolace_r", "toolace_r.sharegpt.json");
    assert.equal(info, {toolace_r: {
        file_name: "toolace_r.sharegpt.json", formatting: "sharegpt", columns: {messages: "conversations", system: "system", tools: "tools"},
        tags: {role_tag: "from", content_tag: "value", user_tag: "human", assistant_tag: "gpt", observation_tag: "observation", function_tag: "function_call", system_tag: "system"}
    }});
});

t("a corpus becomes NAME.openai.jsonl, NAME.sharegpt.json and its dataset_info.json entry, next to entries already there", async () => {
    const out = path.join(dir, "out");
    await exportCorpus({data: corpusFile, out, name: "first", formats: ["sharegpt"]});
    const result = await exportCorpus({data: corpusFile, out, name: "toolace_r"});
    assert.is(result.conversations, corpus.length);
    const openai = (await readFile(result.files.openai!, "utf8")).trimEnd().split("\n");
    assert.is(openai.length, corpus.length);
    const sharegpt = JSON.parse(await readFile(result.files.sharegpt!, "utf8")) as ShareGptExample[];
    assert.is(sharegpt.length, corpus.length);
    assert.ok(sharegpt.every(llamaFactoryAccepts));
    const info = JSON.parse(await readFile(result.files.datasetInfo!, "utf8")) as Record<string, {file_name: string, columns: Record<string, string>}>;
    assert.equal(Object.keys(info).sort(), ["first", "toolace_r"], "the earlier entry is kept");
    assert.is(info.toolace_r!.file_name, "toolace_r.sharegpt.json");
    assert.ok(existsSync(path.join(out, info.toolace_r!.file_name)), "the entry points at the exported file");
    for (const column of Object.values(info.toolace_r!.columns)) assert.ok(sharegpt.some((example) => column in example), `column ${column} exists in the data`);
});

t("synthetic items export as their SFT conversations; a bad line is named and nothing is written", async () => {
    const itemsFile = path.join(dir, "items.jsonl");
    await writeFile(itemsFile, items.map((item) => `${JSON.stringify(item)}\n`).join(""));
    const result = await exportCorpus({data: itemsFile, out: path.join(dir, "items"), formats: ["openai"]});
    assert.is(result.conversations, items.length);
    assert.is(result.files.sharegpt, undefined);
    const bad = path.join(dir, "bad.jsonl");
    await writeFile(bad, `${JSON.stringify(corpus[0])}\n{"messages": [{"role": "user", "content": "hi"}], "tools": []}\n`);
    const out = path.join(dir, "bad-out");
    try {
        await exportCorpus({data: bad, out});
        assert.unreachable("accepted");
    } catch (error) {
        assert.instance(error, TrainError);
        assert.is((error as TrainError).code, "train_corpus_invalid");
        assert.match((error as Error).message, `${bad}:2: the last message is the target and must be from the assistant`);
    }
    assert.not.ok(existsSync(out), "nothing written");
    const refused = await exportCorpus({data: corpusFile, out, name: "no spaces"}).then(() => undefined, (error: unknown) => error);
    assert.instance(refused, TrainError);
    assert.match((refused as Error).message, "a dataset name is letters, digits");
});

t("the CLI: train export; the example LLaMA-Factory config trains that dataset with loss on the last turn", async () => {
    const out = path.join(dir, "cli");
    const run = await runCli(["train", "export", "--data", corpusFile, "--out", out, "--name", "toolace_r"]);
    assert.is(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as {conversations: number, files: Record<string, string>};
    assert.is(summary.conversations, corpus.length);
    assert.equal(Object.keys(summary.files).sort(), ["datasetInfo", "openai", "sharegpt"]);
    const missing = await runCli(["train", "export", "--data", path.join(dir, "none.jsonl"), "--out", out]);
    assert.is(missing.code, 1);
    assert.match(missing.stderr, "cannot read the corpus");
    const config = await readFile(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples/llama-factory/toolace_r_sft.yaml"), "utf8");
    assert.match(config, /^dataset: toolace_r$/m);
    assert.match(config, /^mask_history: true$/m);
    assert.match(config, /^stage: sft$/m);
});

t.run();
