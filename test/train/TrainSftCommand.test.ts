/**
 * `toolace-r train sft` as a user runs it (a child process): a bad corpus line is named and nothing
 * is written; a run writes the model, a JSON-lines log and a progress bar; Ctrl-C writes a
 * checkpoint and exits 130, and --resume finishes the run from there.
 */
import {spawn} from "node:child_process";
import {access, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {TrainingLogLine} from "../../src/train/TrainingLog.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("train sft command");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-train-sft-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "cli", "main.js");
const model = await createTestModel("spm-tiny");

const tools = [{type: "function", function: {name: "get_weather", description: "Weather", parameters: {type: "object", properties: {city: {type: "string"}}, required: ["city"]}}}];
const cities = ["Oslo", "Paris", "Rome", "Lima", "Kyiv", "Bern"];
/** Short conversations (no tools, so they fit a 256-position context) answering with a fixed phrase. */
const chats = cities.map((city) => ({messages: [{role: "user", content: `Say hello to ${city}.`}, {role: "assistant", content: `Hello, ${city}! Hello, ${city}!`}]}));

async function exists(file: string): Promise<boolean> {
    return access(file).then(() => true, () => false);
}

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs the CLI; `whileRunning` gets the child once it started (to interrupt it). */
function run(args: string[], whileRunning?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], {stdio: ["ignore", "pipe", "pipe"]});
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => { stdout += chunk; });
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => { stderr += chunk; });
        child.on("error", reject);
        child.on("close", (code) => resolve({code, stdout, stderr}));
        whileRunning?.(child);
    });
}

async function logLines(file: string): Promise<TrainingLogLine[]> {
    const text = await readFile(file, "utf8").catch(() => "");
    return text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as TrainingLogLine);
}

t("a bad corpus line is named, the exit code is non-zero and nothing is written", async () => {
    const out = path.join(dir, "bad.gguf");
    const log = path.join(dir, "bad.log");
    const data = path.join(dir, "bad.jsonl");
    const common = ["train", "sft", "--data", data, "--model", model, "--out", out, "--log", log];

    await writeFile(data, [JSON.stringify(chats[0]), "", "{\"messages\": [", JSON.stringify(chats[1])].join("\n"));
    const notJson = await run(common);
    assert.is(notJson.code, 1);
    assert.match(notJson.stderr, `${data}:3: not valid JSON`);
    assert.match(notJson.stderr, "[train_corpus_invalid]");

    const unknownTool = {tools, messages: [{role: "user", content: "Weather?"}, {role: "assistant", content: null, tool_calls: [{function: {name: "get_time", arguments: "{}"}}]}]};
    await writeFile(data, [JSON.stringify(chats[0]), JSON.stringify(unknownTool)].join("\n"));
    const badCall = await run(common);
    assert.is(badCall.code, 1);
    assert.match(badCall.stderr, `${data}:2: the call names the tool "get_time", which is not among the tools (get_weather)`);

    await writeFile(data, [JSON.stringify(chats[0]), JSON.stringify({messages: [{role: "user", content: "no answer"}]})].join("\n"));
    const noTarget = await run(common);
    assert.match(noTarget.stderr, `${data}:2: the last message is the target and must be from the assistant`);

    for (const file of [out, log, `${out}.checkpoint`]) assert.not.ok(await exists(file), `${file} was written`);
});

t("a run writes the model, a log line per step with validation losses, a progress bar and a JSON summary", async () => {
    const data = path.join(dir, "chats.jsonl");
    await writeFile(data, `${chats.slice(0, 4).map((chat) => JSON.stringify(chat)).join("\n")}\n`);
    const out = path.join(dir, "tuned.gguf");
    const log = path.join(dir, "tuned.log");
    const result = await run(["train", "sft", "--data", data, "--model", model, "--out", out, "--log", log, "--epochs", "2", "--lr", "1e-2",
        "--lr-min", "1e-3", "--val-split", "0.25", "--threads", "2"]);
    assert.is(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.is(summary.steps, 6, "3 training conversations x 2 epochs");
    assert.is(summary.contextSize, 256);
    assert.is(summary.chatFormat, "generic");
    assert.is(summary.out, out);
    assert.ok((summary.lastLoss as number) < (summary.firstLoss as number), JSON.stringify(summary));
    assert.ok(await exists(out));
    assert.not.ok(await exists(`${out}.checkpoint`));

    const lines = await logLines(log);
    assert.equal(lines.map((line) => line.step), [1, 2, 3, 4, 5, 6]);
    assert.equal(lines.map((line) => line.epoch), [0, 0, 0, 1, 1, 1]);
    for (const line of lines) {
        assert.type(line.loss, "number");
        assert.ok(line.lr! <= 1e-2 * (1 + 1e-9) && line.lr! >= 1e-3, `cosine from --lr to --lr-min: ${line.lr}`);
        assert.ok(line.tokens! > 0 && line.tokensPerSecond! > 0);
    }
    assert.ok(lines[5]!.lr! < lines[0]!.lr!, "the rate decays");
    assert.equal(lines.map((line) => line.valLoss !== undefined), [false, false, true, false, false, true], "the last step of each epoch carries its validation loss");
    assert.match(result.stderr, /train .* 6\/6 · epoch 2\/2 · loss \d+\.\d+ · \d+ tok\/s · ETA done/);
    assert.match(result.stderr, /epoch 1: validation loss \d+\.\d+/);
});

t("--length-windows trains short conversations in 256 positions and a long one in 512; a batch below the context is refused", async () => {
    const long = {messages: [{role: "user", content: `Say hello to ${cities.join(", ")} and everyone else, ${"again and again, ".repeat(90)}please.`},
        {role: "assistant", content: "Hello, everyone!"}]};
    const data = path.join(dir, "windows.jsonl");
    await writeFile(data, `${[...chats.slice(0, 3), long].map((chat) => JSON.stringify(chat)).join("\n")}\n`);
    const out = path.join(dir, "windows.gguf");
    const result = await run(["train", "sft", "--data", data, "--model", model, "--out", out, "--lr", "1e-3", "--threads", "2", "--length-windows"]);
    assert.is(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as {steps: number, contextSize: number, windows: Record<string, number>, windowSwitches: number};
    assert.is(summary.contextSize, 512, "the long conversation needs 512 positions");
    assert.equal(summary.windows, {256: 3, 512: 1});
    assert.is(summary.steps, 4);
    assert.is(summary.windowSwitches, 1);
    assert.match(result.stderr, /context 512 \(windows 256: 3, 512: 1\)/);
    assert.ok(await exists(out));

    const refused = await run(["train", "sft", "--data", data, "--model", model, "--out", path.join(dir, "windows-batch.gguf"), "--length-windows", "--batch", "256"]);
    assert.is(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /batchSize must equal contextSize 512/);
});

t("Ctrl-C writes a checkpoint and exits 130; --resume finishes the run", async () => {
    const data = path.join(dir, "resume.jsonl");
    await writeFile(data, `${chats.map((chat) => JSON.stringify(chat)).join("\n")}\n`);
    const out = path.join(dir, "resumed.gguf");
    const log = path.join(dir, "resumed.log");
    const args = ["train", "sft", "--data", data, "--model", model, "--out", out, "--log", log, "--epochs", "3", "--lr", "1e-3", "--threads", "2"];
    const interrupted = await run(args, (child) => {
        const poll = setInterval(() => {
            void logLines(log).then((lines) => {
                if (lines.length >= 2) {
                    clearInterval(poll);
                    child.kill("SIGINT");
                }
            });
        }, 50);
        child.on("close", () => clearInterval(poll));
    });
    assert.is(interrupted.code, 130, interrupted.stderr);
    assert.match(interrupted.stderr, "stopping after the running step");
    assert.match(interrupted.stderr, `to continue, run: toolace-r ${args.join(" ")} --resume`);
    assert.not.ok(await exists(out), "no model before the run completes");
    const state = JSON.parse(await readFile(path.join(`${out}.checkpoint`, "state.json"), "utf8")) as {step: number, totalSteps: number};
    assert.is(state.totalSteps, 18);
    const done = (await logLines(log)).map((line) => line.step);
    assert.ok(state.step >= 2 && state.step < 18, `stopped at step ${state.step}`);
    assert.equal(done, Array.from({length: state.step}, (_, i) => i + 1), "the log holds every step up to the checkpoint");

    const again = await run(args);
    assert.is(again.code, 1);
    assert.match(again.stderr, "resume it with --resume");

    const resumed = await run([...args, "--resume"]);
    assert.is(resumed.code, 0, resumed.stderr);
    assert.is((JSON.parse(resumed.stdout) as {resumedFrom: number}).resumedFrom, state.step);
    assert.equal((await logLines(log)).map((line) => line.step), Array.from({length: 18}, (_, i) => i + 1), "the log continues where it stopped");
    assert.ok(await exists(out));
    assert.not.ok(await exists(`${out}.checkpoint`));

    const nothing = await run([...args, "--resume"]);
    assert.is(nothing.code, 1);
    assert.match(nothing.stderr, "no checkpoint to resume from");
});

t.run();
