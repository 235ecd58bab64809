import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {CallResult} from "../../src/engine/CallResult.js";
import {ToolaceError} from "../../src/errors/ToolaceError.js";
import {readEvalItemRecords} from "../../src/eval/evalItemsFile.js";
import {oracleCallResult} from "../../src/eval/oracleCallResult.js";
import {runEvalItems} from "../../src/eval/runEvalItems.js";

const t = suite("runEvalItems");
const tasks = ["a", "b", "c", "d"].map((id) => ({id, category: "cat"}));

function twoRounds(id: string): CallResult {
    const round = (k: number, name: string) => ({round: k, tool_calls: [{id: "x", type: "function" as const, function: {name, arguments: "{}"}}], content: null, inputTokens: 10 * (k + 1), outputTokens: 5, ms: 2});
    const rounds = [round(0, `${id}0`), round(1, `${id}1`)];
    return {tool_calls: rounds[1]!.tool_calls, content: null, rounds, stop: "max_rounds", model: "m", finish_reason: "tool_calls",
        usage: {promptTokens: 10, cachedTokens: 0, completionTokens: 10, evaluatedTokens: 30}};
}

function withDir(body: (dir: string) => Promise<void>): () => Promise<void> {
    return async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "toolace-evalitems-"));
        try {
            await body(dir);
        } finally {
            rmSync(dir, {recursive: true, force: true});
        }
    };
}

t("scores every round, records failures with their code, appends one line per item", withDir(async (dir) => {
    const itemsFile = path.join(dir, "items.jsonl");
    const {records, evaluated} = await runEvalItems({
        tasks,
        itemsFile,
        answer: async (task) => {
            if (task.id === "c") throw new ToolaceError("context_overflow", "too long");
            if (task.id === "d") throw new Error("boom");
            return twoRounds(task.id);
        },
        score: (task, round) => ({correct: round.tool_calls[0]!.function.name.endsWith("1"), callSet: round.tool_calls[0]!.function.name, ...(round.round === 0 ? {errorType: "wrong"} : {})})
    });
    assert.is(evaluated, 4);
    assert.equal(records.map((r) => [r.id, r.correct, r.rounds.map((x) => x.correct), r.stop, r.error?.code]),
        [["a", true, [false, true], "max_rounds", undefined], ["b", true, [false, true], "max_rounds", undefined], ["c", false, [], null, "context_overflow"], ["d", false, [], null, "internal"]]);
    assert.equal(records[0]!.rounds[0], {round: 0, calls: [{name: "a0", arguments: "{}"}], content: null, callSet: "a0", correct: false, inputTokens: 10, outputTokens: 5, ms: 2, errorType: "wrong"});
    assert.is(readFileSync(itemsFile, "utf8").trim().split("\n").length, 4);
}));

t("resumes: skips the items already recorded, re-evaluates a half-written last line", withDir(async (dir) => {
    const itemsFile = path.join(dir, "items.jsonl");
    const answered: string[] = [];
    const options = {tasks, itemsFile, answer: async (task: {id: string}) => {
        answered.push(task.id);
        return oracleCallResult({text: task.id});
    }, score: () => ({correct: true, callSet: "[]"})};
    await runEvalItems(options);
    const lines = readFileSync(itemsFile, "utf8").split("\n");
    writeFileSync(itemsFile, `${lines.slice(0, 2).join("\n")}\n${lines[2]!.slice(0, 30)}`);
    answered.length = 0;
    const again = await runEvalItems(options);
    assert.equal(answered, ["c", "d"]);
    assert.is(again.evaluated, 2);
    assert.equal(again.records.map((r) => r.id), ["a", "b", "c", "d"]);
    assert.equal(readEvalItemRecords(itemsFile).map((r) => r.id), ["a", "b", "c", "d"]);
}));

t("concurrency: that many items in flight, records in task order, every item appended once", withDir(async (dir) => {
    const itemsFile = path.join(dir, "items.jsonl");
    const many = Array.from({length: 9}, (_, i) => ({id: `i${i}`, category: "cat"}));
    let inFlight = 0;
    let most = 0;
    const ticks: boolean[] = [];
    const {records, evaluated} = await runEvalItems({
        tasks: many, itemsFile, concurrency: 3,
        answer: async (task) => {
            inFlight++;
            most = Math.max(most, inFlight);
            // Earlier items take longer, so they finish out of order.
            await new Promise((resolve) => setTimeout(resolve, 30 - 3 * Number(task.id.slice(1))));
            inFlight--;
            return twoRounds(task.id);
        },
        score: (task) => ({correct: task.id !== "i4", callSet: task.id}),
        progress: {start: () => {}, tick: (correct: boolean) => { ticks.push(correct); }, finish: () => {}} as never
    });
    assert.is(most, 3);
    assert.is(evaluated, 9);
    assert.equal(records.map((r) => r.id), many.map((task) => task.id));
    const lines = readEvalItemRecords(itemsFile).map((r) => r.id);
    assert.equal([...lines].sort(), many.map((task) => task.id).sort());
    assert.is.not(lines.join(), many.map((task) => task.id).join(), "appended as they finish, not in task order");
    assert.is(ticks.length, 9);
    assert.is(ticks.filter((correct) => !correct).length, 1);

    // A task listed twice is answered once, even when both copies would be in flight together.
    const answered: string[] = [];
    const twice = await runEvalItems({
        tasks: [{id: "x", category: "cat"}, {id: "x", category: "cat"}, {id: "y", category: "cat"}], itemsFile: path.join(dir, "twice.jsonl"), concurrency: 3,
        answer: async (task) => {
            answered.push(task.id);
            await new Promise((resolve) => setTimeout(resolve, 5));
            return twoRounds(task.id);
        },
        score: () => ({correct: true, callSet: "[]"})
    });
    assert.equal(answered.sort(), ["x", "y"]);
    assert.is(twice.evaluated, 2);
    assert.equal(twice.records.map((r) => r.id), ["x", "x", "y"]);
}));

t("a broken line that is not the last one is an error", withDir(async (dir) => {
    const itemsFile = path.join(dir, "items.jsonl");
    writeFileSync(itemsFile, "{\"id\": \"a\"\n");
    appendFileSync(itemsFile, `${JSON.stringify({id: "b", category: "cat", correct: true, rounds: [], stop: null, ms: 0})}\n`);
    assert.throws(() => readEvalItemRecords(itemsFile), (error: unknown) => error instanceof ToolaceError && error.code === "eval_bad_items_file");
}));

t.run();
