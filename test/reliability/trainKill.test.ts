/**
 * Training faults: `toolace-r train sft` on the tiny spm model with a checkpoint every 3 steps is
 * killed with SIGKILL three times — right after a checkpoint step (while the checkpoint is being
 * written), at a random moment, and right after the last step (while the model is being saved) —
 * and resumed each time. After every kill: no half-written model under the output name or in the
 * checkpoint folder (every GGUF there is complete; anything else is a clearly named temporary
 * file), the checkpoint names files that exist, and at most one checkpoint interval of steps was
 * lost. The last resume completes the run: the model is complete and loads, and neither the
 * checkpoint folder nor any temporary file is left (also ones planted for a process that has
 * ended; one of a running process stays).
 */
import {spawn, spawnSync} from "node:child_process";
import {access, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readGguf} from "../../src/model/readGguf.js";
import {createTestModel} from "../helpers/testModels.js";
import {seededRandom} from "../tools/gbnfSample.js";

const t = suite("reliability: training killed with SIGKILL");
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/cli/main.js");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-train-kill-"));
const out = path.join(dir, "tuned.gguf");
const checkpointDir = `${out}.checkpoint`;
const checkpointEvery = 3;
const totalSteps = 16;
/** What a temporary file of an atomic write is called: `.NAME.PID.RANDOM.tmp`, beside its target. */
const temporaryName = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/** 16 short weather conversations (one optimizer step each). */
async function writeCorpus(file: string): Promise<void> {
    const tools = [{type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {type: "object", properties: {city: {type: "string"}}, required: ["city"]}}}];
    const cities = ["Oslo", "Paris", "Lima", "Kyoto", "Accra", "Quito", "Perth", "Cairo"];
    const lines = Array.from({length: totalSteps}, (_, i) => JSON.stringify({tools, messages: [
        {role: "user", content: `Weather in ${cities[i % cities.length]}?`},
        {role: "assistant", content: null, tool_calls: [{id: `call_${i}`, type: "function", function: {name: "get_weather", arguments: JSON.stringify({city: cities[i % cities.length]})}}]}
    ]}));
    await writeFile(file, lines.join("\n") + "\n");
}

interface Run {
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
    stdout: string;
    /** Steps reported done (the progress line is written synchronously right after each step). */
    lastStep: number;
}

/**
 * Runs `train sft`; `killWhen(step)` is asked after each reported step and returns a delay in ms
 * after which to send SIGKILL (undefined: keep going).
 */
function trainRun(args: string[], killWhen: (step: number) => number | undefined): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cli, "train", "sft", ...args], {stdio: ["ignore", "pipe", "pipe"]});
        let stderr = "";
        let stdout = "";
        let lastStep = 0;
        let killing = false;
        child.stdout.on("data", (data: Buffer) => stdout += data.toString("utf8"));
        child.stderr.on("data", (data: Buffer) => {
            stderr += data.toString("utf8");
            for (const match of stderr.matchAll(/ (\d+)\/(\d+) · epoch/g)) lastStep = Math.max(lastStep, Number(match[1]));
            const delay = killing ? undefined : killWhen(lastStep);
            if (delay !== undefined) {
                killing = true;
                setTimeout(() => child.kill("SIGKILL"), delay);
            }
        });
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({code, signal, stderr, stdout, lastStep}));
    });
}

async function exists(file: string): Promise<boolean> {
    return access(file).then(() => true, () => false);
}

/** Every file under the output name or in the checkpoint folder is a complete GGUF, the state, or a named temporary; returns the temporaries. */
async function checkNoHalfWrittenFiles(): Promise<{temporaries: string[], state: {step: number, model: string, optimizer: string} | undefined}> {
    const temporaries: string[] = [];
    for (const name of await readdir(dir)) {
        const file = path.join(dir, name);
        if (name === "corpus.jsonl" || file === checkpointDir) continue;
        if (temporaryName.test(name)) temporaries.push(name);
        else {
            assert.is(file, out, `unexpected file ${name}`);
            await readGguf(out); // throws gguf_truncated on a half-written model
        }
    }
    if (!await exists(checkpointDir)) return {temporaries, state: undefined};
    const names = await readdir(checkpointDir);
    const state = names.includes("state.json")
        ? JSON.parse(await readFile(path.join(checkpointDir, "state.json"), "utf8")) as {step: number, model: string, optimizer: string}
        : undefined;
    if (state !== undefined) {
        assert.ok(names.includes(state.model) && names.includes(state.optimizer), `state.json names ${state.model} and ${state.optimizer}: ${names}`);
        assert.is(state.step % checkpointEvery, 0);
    }
    for (const name of names) {
        if (temporaryName.test(name)) temporaries.push(`checkpoint/${name}`);
        else if (name.endsWith(".gguf")) await readGguf(path.join(checkpointDir, name));
        else assert.ok(name === "state.json" || /^optimizer-\d+\.bin$/.test(name), `unexpected file in the checkpoint folder: ${name}`);
    }
    return {temporaries, state};
}

t("killed during a checkpoint, at random, and during the final save: nothing half-written, at most one interval lost, the run completes", async () => {
    const model = await createTestModel("spm-tiny");
    const corpus = path.join(dir, "corpus.jsonl");
    await writeCorpus(corpus);
    const args = ["--data", corpus, "--model", model, "--out", out, "--epochs", "1", "--lr", "1e-3", "--ctx", "256", "--threads", "1",
        "--checkpoint-every", String(checkpointEvery)];
    const random = seededRandom(7);
    const randomStep = 8 + Math.floor(random() * 5);
    const kills: [string, (step: number) => number | undefined][] = [
        // right after step 6, while its checkpoint is being written
        ["during a checkpoint", (step) => step >= 6 ? Math.floor(random() * 40) : undefined],
        ["at random", (step) => step >= randomStep ? Math.floor(random() * 50) : undefined],
        // right after the last step, while the final model is being saved
        ["during the final save", (step) => step >= totalSteps ? Math.floor(random() * 10) : undefined]
    ];
    const seenTemporaries: string[] = [];
    let resume = false;
    for (const [when, killWhen] of kills) {
        const run = await trainRun([...args, ...(resume ? ["--resume"] : [])], killWhen);
        // (a fast machine may finish saving the final model before the kill lands)
        const finished = when === "during the final save" && run.code === 0;
        assert.ok(run.signal === "SIGKILL" || finished, `killed ${when}: exit ${run.code}\n${run.stderr.slice(-2000)}`);
        const {temporaries, state} = await checkNoHalfWrittenFiles();
        seenTemporaries.push(...temporaries);
        const resumeStep = state?.step ?? 0;
        if (!finished) assert.ok(run.lastStep - resumeStep <= checkpointEvery, `killed ${when} after step ${run.lastStep}: the checkpoint is at step ${resumeStep}`);
        assert.not.ok(await exists(out) && run.lastStep < totalSteps, "no output before the last step");
        resume = state !== undefined;
    }

    // Temporaries of a process that has ended go on the next run; those of a running process stay.
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const planted = [path.join(dir, `.tuned.gguf.${deadPid}.0123abcd.tmp`), path.join(checkpointDir, `.model-00000003.gguf.${deadPid}.0123abcd.tmp`)];
    const live = path.join(dir, `.tuned.gguf.${process.pid}.89abcdef.tmp`);
    for (const file of [...planted.filter((file) => resume || !file.startsWith(checkpointDir)), live]) await writeFile(file, "partial");

    const final = await trainRun([...args, ...(resume ? ["--resume"] : [])], () => undefined);
    assert.is(final.code, 0, final.stderr.slice(-3000));
    const summary = JSON.parse(final.stdout) as {steps: number, resumedFrom?: number};
    assert.is(summary.steps, totalSteps);
    assert.ok(summary.resumedFrom === undefined || summary.resumedFrom >= totalSteps - 2 * checkpointEvery, `resumed from ${summary.resumedFrom}`);
    assert.not.ok(await exists(checkpointDir), "the checkpoint folder is removed");
    assert.ok(await exists(live), "the temporary file of a running process is left alone");
    await rm(live);
    assert.equal((await readdir(dir)).sort(), ["corpus.jsonl", "tuned.gguf"], "no temporary file is left");
    const saved = await readGguf(out);
    assert.is(saved.getNumber("llama.context_length"), 4096);
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const loaded = await llama.loadModel({modelPath: out});
    await loaded.dispose();
    console.log(`  temporary files seen right after the kills: ${seenTemporaries.length === 0 ? "none" : seenTemporaries.join(", ")}`);
});

t.after(async () => {
    await rm(dir, {recursive: true, force: true});
});

t.run();
