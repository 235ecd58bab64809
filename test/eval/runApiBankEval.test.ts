import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {getLlama} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {parseCallRequest} from "../../src/engine/parseCallRequest.js";
import type {ToolaceError} from "../../src/errors/ToolaceError.js";
import {loadApiBankLevel, resolveApiBankDataDir} from "../../src/eval/apiBankData.js";
import {apiBankMessages} from "../../src/eval/apiBankMessages.js";
import {apiBankTools} from "../../src/eval/apiBankTools.js";
import type {EvalItemRecord} from "../../src/eval/EvalItemRecord.js";
import {runApiBankEval} from "../../src/eval/runApiBankEval.js";
import {createTestModel} from "../helpers/testModels.js";
import {checkXmlWellFormed} from "./xmlWellFormed.js";
import {isCi, withShared} from "../helpers/sharedData.js";

const t = suite("API-Bank evaluation");
const dataDir = resolveApiBankDataDir();
const hasData = existsSync(path.join(dataDir, "test-data", "level-1-api.json"));
if (!hasData) console.log(`NOTICE: API-Bank data not found at ${dataDir}; ${isCi() ? "failing (CI=true)" : "skipping the tests that need it (set TOOLACE_SHARED)"}.`);
const withData = withShared(t, hasData ? dataDir : undefined, "the API-Bank data");

function withDir(body: (dir: string) => Promise<void>): () => Promise<void> {
    return async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "toolace-apibank-"));
        try {
            await body(dir);
        } finally {
            rmSync(dir, {recursive: true, force: true});
        }
    };
}

withData("loads both levels: dialogue, offered APIs, expected call", () => {
    const level1 = loadApiBankLevel(dataDir, 1);
    const level2 = loadApiBankLevel(dataDir, 2);
    assert.equal([level1.length, level2.length], [399, 135]);
    const first = level1[0]!;
    assert.is(first.id, "ModifyRegistration-QueryHealthData-CancelRegistration-level-2-2.jsonl#0");
    assert.equal(first.apis.map((api) => api.name), ["QueryHealthData", "CancelRegistration", "ModifyRegistration"]);
    assert.equal(first.dialogue.map((turn) => turn.role), ["user", "ai", "user", "ai"]);
    assert.is(first.expected.name, "ModifyRegistration");
    assert.is(first.dateNote, "The current year is 2023.");
    assert.ok(level1.every((item) => item.expectedOffered));
    const retrieved = level2.find((item) => item.id === "QueryHistoryToday-level-3-3.jsonl#1")!;
    assert.equal(retrieved.apis.map((api) => api.name), ["ToolSearcher", "QueryHistoryToday"], "level 2 offers what ToolSearcher returned");
    assert.equal(retrieved.apis[1]!.parameters, [{name: "date", type: "str", description: "The date of the history. Format: %m-%d"}]);
    assert.is(level2.filter((item) => !item.expectedOffered).length, 14);
});

withData("items become valid engine requests: messages with earlier calls as tool calls, tools from the API docs", () => {
    const item = loadApiBankLevel(dataDir, 2).find((entry) => entry.id === "QueryHistoryToday-level-3-3.jsonl#1")!;
    const messages = apiBankMessages(item);
    assert.equal(messages.map((m) => m.role), ["system", "user", "assistant", "assistant", "tool"]);
    assert.is(messages[0]!.content, "Generate an API request based on the previous dialogue context.\nThe current year is 2023.");
    const toolCall = messages[3]!.role === "assistant" ? messages[3]!.tool_calls![0]! : undefined;
    assert.equal(toolCall?.function, {name: "ToolSearcher", arguments: "{\"keywords\": \"history October 6th\"}"});
    assert.match(String(messages[4]!.content), /^\{'name': 'QueryHistoryToday'/);
    for (const level of [1, 2] as const) {
        for (const entry of loadApiBankLevel(dataDir, level)) {
            const request = parseCallRequest({messages: apiBankMessages(entry), tools: apiBankTools(entry.apis), tool_choice: "required"});
            assert.is(request.tools.length, entry.apis.length);
        }
    }
    const level1 = loadApiBankLevel(dataDir, 1)[0]!;
    assert.is(apiBankMessages(level1).at(-1)!.content, "Generate API Request:", "a dialogue ending with the AI gets the closing line");
    const tools = apiBankTools([{name: "T", description: "d", parameters: [{name: "a", type: "list(str)", description: "A."}, {name: "b", type: "int", description: "B."}, {name: "c", type: "datetime", description: "C."}]}]);
    assert.equal(tools[0]!.function.parameters, {type: "object", properties: {a: {type: "array", items: {type: "string"}, description: "A."}, b: {type: "integer", description: "B."}, c: {type: "string", description: "C."}}, required: []});
});

withData("oracle: the expected calls through the tool-call decode and scoring path score 100% on both levels", withDir(async (out) => {
    const {report, evaluated} = await runApiBankEval({dataDir, outDir: out, oracle: true, progress: null});
    assert.is(evaluated, 534);
    assert.equal(Object.fromEntries(Object.entries(report.categories).map(([name, score]) => [name, `${score.correct}/${score.total}`])), {"level-1": "399/399", "level-2": "135/135"});
    assert.equal(report.notes.expectedApiNotOffered, {"level-2": 14});
    assert.equal([report.benchmark, report.toolChoice, report.model], ["api-bank", "required", "oracle"]);
    assert.match(readFileSync(path.join(out, "report.md"), "utf8"), /^# API-Bank evaluation/);
}));

withData("levels other than 1 and 2 are refused", withDir(async (out) => {
    try {
        await runApiBankEval({dataDir, outDir: out, oracle: true, levels: [3], progress: null});
        assert.unreachable("should refuse");
    } catch (error) {
        assert.is((error as ToolaceError).code, "eval_unsupported_category");
    }
}));

withData("a model run on one item per level: rounds scored, report and chart written", withDir(async (out) => {
    const llama = await getLlama({gpu: false, build: "never"});
    const engine = await ToolCallEngine.load({model: await createTestModel("spm-tiny"), llama, threads: 1, contextSize: 2048, grammar: {maxStringLength: 12, maxArrayItems: 3}});
    try {
        const {report} = await runApiBankEval({dataDir, outDir: out, engine, limit: 1, refine: "1", maxTokens: 256, progress: null});
        const records = readFileSync(path.join(out, "items.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as EvalItemRecord);
        assert.equal(records.map((r) => r.category), ["level-1", "level-2"]);
        assert.ok(records.some((r) => r.error === undefined), `some item was answered: ${records.map((r) => r.error?.code ?? "ok").join("; ")}`);
        for (const record of records) {
            if (record.error !== undefined) continue;
            assert.is(record.rounds.length, 2);
            assert.ok(record.rounds.every((round) => round.calls.length === 1), "required and one call per answer");
        }
        assert.ok(Object.values(report.categories).every((score) => score.total === 1 && score.byRound.length === report.rounds));
        assert.is(checkXmlWellFormed(readFileSync(path.join(out, "chart.svg"), "utf8")).root, "svg");
    } finally {
        await engine.dispose();
        await llama.dispose();
    }
}));

t.run();
