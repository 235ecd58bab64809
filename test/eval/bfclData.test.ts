import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {BfclDataError} from "../../src/eval/BfclDataError.js";
import {bfclAnswerFile, bfclQuestionFile, listBfclCategories, loadBfclCategory} from "../../src/eval/bfclData.js";
import {pyRepr} from "../../src/eval/pyRepr.js";
import {resolveBfclDataDir} from "../../src/eval/resolveBfclDataDir.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("bfclData");

const question = (id: string, extra = ""): string =>
    `{"id": "${id}", "question": [[{"role": "user", "content": "hi"}]], "function": [{"name": "f", "description": "d", "parameters": {"type": "dict", "properties": {"x": {"type": "float", "default": 1.0}}, "required": ["x"]}}]${extra}}`;
const answer = (id: string): string => `{"id": "${id}", "ground_truth": [{"f": {"x": [1.0, 2]}}]}`;

function withData(files: Record<string, string>, run: (dir: string) => void): void {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-bfcl-"));
    try {
        mkdirSync(path.join(dir, "possible_answer"));
        for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
        run(dir);
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
}

function dataError(run: () => unknown): BfclDataError {
    try {
        run();
    } catch (error) {
        if (error instanceof BfclDataError) return error;
        throw error;
    }
    throw new Error("expected a BfclDataError");
}

t("loads questions and line-aligned answers by BFCL's file names, losslessly", () => {
    withData({
        "BFCL_v4_simple_python.json": `${question("simple_python_0")}\n${question("simple_python_1")}\n`,
        "possible_answer/BFCL_v4_simple_python.json": `${answer("simple_python_0")}\n${answer("simple_python_1")}\n`,
        "BFCL_v4_irrelevance.json": question("irrelevance_0"),
    }, (dir) => {
        assert.equal(listBfclCategories(dir), ["irrelevance", "simple_python"]);
        assert.is(bfclQuestionFile(dir, "parallel"), path.join(dir, "BFCL_v4_parallel.json"));
        assert.is(bfclAnswerFile(dir, "parallel"), path.join(dir, "possible_answer", "BFCL_v4_parallel.json"));
        const entries = loadBfclCategory(dir, "simple_python");
        assert.is(entries.length, 2);
        const first = entries[0];
        assert.is(first?.id, "simple_python_0");
        assert.equal(first?.turns, [[{role: "user", content: "hi"}]]);
        assert.is(first?.functions[0]?.parameters.properties.get("x")?.type, "float");
        assert.is(pyRepr(first?.functions[0]?.parameters.properties.get("x")?.default ?? null), "1.0");
        assert.equal(first?.functions[0]?.parameters.required, ["x"]);
        assert.is(pyRepr(first?.groundTruth?.[0]?.params ?? null), "{'x': [1.0, 2]}");
        const irrelevance = loadBfclCategory(dir, "irrelevance");
        assert.is(irrelevance[0]?.groundTruth, undefined);
    });
});

t("missing, misaligned and malformed files are errors that say where", () => {
    withData({
        "BFCL_v4_simple_python.json": `${question("simple_python_0")}\n${question("simple_python_1")}\n`,
        "BFCL_v4_multiple.json": question("multiple_0"),
        "possible_answer/BFCL_v4_multiple.json": `${answer("multiple_0")}\n${answer("multiple_1")}\n`,
        "BFCL_v4_parallel.json": `${question("parallel_0")}\n${question("parallel_1")}`,
        "possible_answer/BFCL_v4_parallel.json": `${answer("parallel_1")}\n${answer("parallel_0")}`,
        "BFCL_v4_live_relevance.json": `${question("live_relevance_0")}\n{"id": "live_relevance_1", "question": [[{"role": "user"}]], "function": []}`,
        "BFCL_v4_irrelevance.json": `${question("irrelevance_0")}\n{"id": 1,}`,
    }, (dir) => {
        const noAnswers = dataError(() => loadBfclCategory(dir, "simple_python"));
        assert.is(noAnswers.code, "bfcl_missing_file");
        assert.match(noAnswers.message, /possible_answer/);
        assert.is(dataError(() => loadBfclCategory(dir, "nope")).code, "bfcl_missing_file");
        const counts = dataError(() => loadBfclCategory(dir, "multiple"));
        assert.is(counts.code, "bfcl_misaligned");
        assert.equal([counts.context.answers, counts.context.questions], [2, 1]);
        const order = dataError(() => loadBfclCategory(dir, "parallel"));
        assert.is(order.code, "bfcl_misaligned");
        assert.equal([order.context.line, order.context.id, order.context.answerId], [1, "parallel_0", "parallel_1"]);
        const shape = dataError(() => loadBfclCategory(dir, "live_relevance"));
        assert.is(shape.code, "bfcl_bad_entry");
        assert.equal([shape.context.line, shape.context.id, shape.context.path], [2, "live_relevance_1", "$.question[0][0]"]);
        const json = dataError(() => loadBfclCategory(dir, "irrelevance"));
        assert.is(json.code, "bfcl_bad_json");
        assert.is(json.context.line, 2);
        assert.is(dataError(() => listBfclCategories(path.join(dir, "absent"))).code, "bfcl_missing_file");
    });
});

t("the data folder comes from --data, then TOOLACE_SHARED, then ../shared", () => {
    assert.is(resolveBfclDataDir("/x/bfcl", {TOOLACE_SHARED: "/s"}), path.resolve("/x/bfcl"));
    assert.is(resolveBfclDataDir(undefined, {TOOLACE_SHARED: "/s"}), path.join("/s", "data", "bfcl"));
    assert.match(resolveBfclDataDir(undefined, {}), /[/\\]shared[/\\]data[/\\]bfcl$/);
});

const shared = sharedBfclData("bfclData (real data)");
withShared(t, shared, "the shared BFCL data")("loads every shared BFCL category", () => {
    const dir = shared as string;
    const sizes = Object.fromEntries(listBfclCategories(dir).map((category) => {
        const entries = loadBfclCategory(dir, category);
        assert.is(entries.every((e) => e.category === category && (e.groundTruth !== undefined) === !category.includes("relevance")), true, category);
        return [category, entries.length];
    }));
    assert.equal(sizes, {
        irrelevance: 240, live_irrelevance: 884, live_multiple: 1053, live_parallel: 16, live_parallel_multiple: 24, live_relevance: 16, live_simple: 258,
        multiple: 200, parallel: 200, parallel_multiple: 200, simple_java: 100, simple_javascript: 50, simple_python: 400,
    });
});

t.run();
