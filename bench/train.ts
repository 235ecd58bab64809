/**
 * Training throughput of toolace-r's trainer against llama.cpp's own llama-finetune example, in one
 * run, on the same model, context, physical batch and threads:
 *   npm run bench -- train [--json] [--threads N] [--size tiny|small|medium] [--model F32.gguf]
 *                          [--steps N] [--ctx N] [--batch N] [--lr X] [--repeat N] [--no-own-build] [--finetune-poll 0-100]
 *
 * - ours: `trainSft` (what `toolace-r train sft` runs) on a tool-calling corpus of `steps`
 *   conversations, in a child process (for its own peak RSS); one optimizer step per conversation,
 *   each in a window of `ctx` positions (padding masked out), loss on the assistant tokens only.
 * - llama-finetune, built by this benchmark from node-llama-cpp's bundled llama.cpp source (cached,
 *   see support/buildLlamaTargets.ts), on the same conversations written out as text, cut so that
 *   its windows of `ctx` tokens (stride ctx/2) give the same number of optimizer steps; loss on every
 *   position. It runs twice: on the very libraries our addon uses (node-llama-cpp's build: the same
 *   kernels, so the ratio measures the trainer's own overhead), and on its own build (-march=native,
 *   OpenMP: what a local llama.cpp build gives).
 * Both sides are timed from the end of their first step to the end of their last (the first step
 * allocates the graphs): tokensPerSecond = context positions per second. With --repeat N the two
 * sides run alternately N times and each reports its median run (the runs are listed too).
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rename, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {initModel} from "../src/model/initModel.js";
import {resolveVocab} from "../src/model/vocabSource.js";
import {resolveChatFormat} from "../src/protocol/resolveChatFormat.js";
import {loadTrainerAddon} from "../src/train/nativeAddon.js";
import {renderTrainingSample} from "../src/train/renderTrainingSample.js";
import {trainSft} from "../src/train/trainSft.js";
import {benchConversations} from "./support/benchConversations.js";
import {buildLlamaFinetune} from "./support/buildLlamaTargets.js";
import {runLlamaFinetune, type LlamaFinetuneRun} from "./support/runLlamaFinetune.js";
import {roundTo} from "./support/roundTo.js";

const sizes = {
    tiny: {dim: 64, layers: 2, heads: 4, ffn: 128},
    small: {dim: 256, layers: 4, heads: 4, ffn: 768},
    medium: {dim: 512, layers: 8, heads: 8, ffn: 1536}
} as const;

interface OursJob {
    data: string;
    model: string;
    out: string;
    contextSize: number;
    batchSize: number;
    threads: number;
    learningRate: number;
}

interface OursRun {
    steps: number;
    tokensPerSecond: number;
    msPerStep: number;
    /** CPU time (user + system, every thread of the process) per step over steps 2..N. */
    cpuMsPerStep: number;
    /** trainSft's own figure: positions per second over every step, the first included. */
    tokensPerSecondWithFirstStep: number;
    peakRssMiB: number;
    llamaBuild: string;
    libraryPath: string;
}

function option(name: string, fallback?: string): string | undefined {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] ?? fallback : fallback;
}

function numberOption(name: string, fallback: number): number {
    const value = Number(option(name, String(fallback)));
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
}

/** Child mode: trains with trainSft and prints an OursRun as the last stdout line. */
async function runOurs(jobFile: string): Promise<void> {
    const job = JSON.parse(await readFile(jobFile, "utf8")) as OursJob;
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const addon = await loadTrainerAddon(llama);
    const stepTimes: number[] = [];
    const stepCpu: number[] = [];
    const result = await trainSft({
        data: job.data, model: job.model, out: job.out, epochs: 1, learningRate: job.learningRate, contextSize: job.contextSize,
        batchSize: job.batchSize, threads: job.threads, validationSplit: 0, seed: 0, checkpointEvery: 0, resume: false, llama,
        onProgress: (progress) => {
            if (progress.phase !== "train") return;
            stepTimes[progress.step - 1] = performance.now();
            const cpu = process.cpuUsage();
            stepCpu[progress.step - 1] = (cpu.user + cpu.system) / 1000;
        }
    });
    const span = stepTimes[stepTimes.length - 1]! - stepTimes[0]!;
    const run: OursRun = {
        steps: result.steps, tokensPerSecond: ((result.steps - 1) * job.contextSize) / (span / 1000), msPerStep: span / (result.steps - 1),
        cpuMsPerStep: (stepCpu[stepCpu.length - 1]! - stepCpu[0]!) / (result.steps - 1), tokensPerSecondWithFirstStep: result.tokensPerSecond, peakRssMiB: process.resourceUsage().maxRSS / 1024,
        llamaBuild: addon.buildType, libraryPath: addon.libraryPath
    };
    process.stdout.write(`\n${JSON.stringify(run)}\n`);
}

function runChild(jobFile: string, log: (line: string) => void): Promise<OursRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--ours", jobFile], {stdio: ["ignore", "pipe", "pipe"]});
        let out = "";
        let err = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => { out += chunk; });
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => { err += chunk; });
        child.on("error", reject);
        child.on("close", (code) => {
            if (code !== 0) {
                reject(new Error(`the trainer run failed (exit ${code}):\n${err.slice(-3000)}`));
                return;
            }
            const last = out.trim().split("\n").pop() ?? "";
            try {
                resolve(JSON.parse(last) as OursRun);
            } catch {
                reject(new Error(`the trainer run printed no result:\n${out.slice(-2000)}\n${err.slice(-2000)}`));
            }
        });
        log("running toolace-r's trainer (trainSft)");
    });
}

async function main(): Promise<void> {
    // Generated models are kept between runs; everything else of a run lives in its own folder, removed at the end.
    const modelDir = path.join(os.tmpdir(), "toolace-r-bench-train");
    await mkdir(modelDir, {recursive: true});
    const workDir = await mkdtemp(path.join(modelDir, "run-"));
    try {
        await measure(workDir, modelDir);
    } finally {
        await rm(workDir, {recursive: true, force: true});
    }
}

async function measure(workDir: string, modelDir: string): Promise<void> {
    const json = process.argv.includes("--json");
    const log = (line: string): void => {
        process.stderr.write(`bench train: ${line}\n`);
    };
    const threads = numberOption("threads", os.availableParallelism());
    const steps = numberOption("steps", 12);
    const learningRate = numberOption("lr", 1e-5);
    const repeat = numberOption("repeat", 1);
    const poll = option("finetune-poll") === undefined ? undefined : Number(option("finetune-poll"));
    const sizeName = (option("size", "small") ?? "small") as keyof typeof sizes;
    if (!(sizeName in sizes)) throw new Error(`--size must be one of ${Object.keys(sizes).join(", ")}`);

    const load = [os.loadavg()[0]!];
    const build = await buildLlamaFinetune({log});
    log(`llama-finetune: ${build.cached ? "cached build" : "built"} (${build.buildSeconds.toFixed(0)} s to build), ${build.binary}`);

    let modelPath = option("model");
    if (modelPath === undefined) {
        // Generated once per size and vocabulary file (written under a temporary name, so concurrent runs never see half a model).
        const vocab = (await resolveVocab("llama-spm")).path;
        // The vocab's cached path is <cache>/<llama.cpp commit>/ggml-vocab-NAME.gguf: key on commit and name, not on the cache folder.
        const vocabId = `${path.basename(path.dirname(vocab))}/${path.basename(vocab)}`;
        const key = createHash("sha256").update(JSON.stringify([sizes[sizeName], vocabId])).digest("hex").slice(0, 12);
        modelPath = path.join(modelDir, `model-${sizeName}-${key}.gguf`);
        if (!existsSync(modelPath)) {
            const temp = path.join(workDir, path.basename(modelPath));
            await initModel({arch: "llama", vocab, ...sizes[sizeName], ctx: 4096, out: temp, seed: 1, template: "none"});
            await rename(temp, modelPath);
        }
    }

    // The corpus, rendered here to size the context and to write the same conversations as text for llama-finetune.
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const vocabulary = await llama.loadModel({modelPath, vocabOnly: true});
    const {format} = resolveChatFormat(vocabulary);
    const conversations = benchConversations(steps);
    const samples = conversations.map((conversation) => renderTrainingSample(vocabulary, format, conversation));
    const longest = Math.max(...samples.map((sample) => sample.tokens.length));
    const contextSize = numberOption("ctx", 256 * Math.ceil((longest - 1) / 256));
    const batchSize = numberOption("batch", contextSize);
    const positions = samples.reduce((sum, sample) => sum + sample.tokens.length - 1, 0);
    const trainable = samples.reduce((sum, sample) => sum + sample.trainMask.slice(1).filter(Boolean).length, 0);
    const data = path.join(workDir, "corpus.jsonl");
    await writeFile(data, conversations.map((conversation) => JSON.stringify(conversation)).join("\n") + "\n");

    // llama-finetune reads text, adds BOS, and cuts (tokens - ctx - 1) / stride windows with stride ctx / 2.
    const stride = contextSize / 2;
    const stream = samples.flatMap((sample) => sample.tokens.slice(1));
    const wanted = contextSize + 1 + stride * steps + Math.floor(stride / 2);
    const repeated: number[] = [];
    while (repeated.length < wanted) repeated.push(...stream);
    let text = vocabulary.detokenize(repeated.slice(0, wanted) as never, true);
    const finetuneTokens = (): number => 1 + vocabulary.tokenize(text, false).length;
    const datapoints = (): number => Math.floor((finetuneTokens() - contextSize - 1) / stride);
    for (let tries = 0; datapoints() !== steps && tries < 20; tries++) {
        const delta = (steps - datapoints()) * stride;
        text = vocabulary.detokenize(repeated.slice(0, Math.max(contextSize + 2, finetuneTokens() + delta - 1)) as never, true);
    }
    if (datapoints() !== steps) throw new Error(`cannot size the llama-finetune text to ${steps} windows`);
    const textFile = path.join(workDir, "corpus.txt");
    await writeFile(textFile, text);
    const textTokens = finetuneTokens();
    await vocabulary.dispose();

    const jobFile = path.join(workDir, "ours.json");
    const job: OursJob = {data, model: modelPath, out: path.join(workDir, "ours-out.gguf"), contextSize, batchSize, threads, learningRate};
    await writeFile(jobFile, JSON.stringify(job));
    const finetune = (libraries?: string): Promise<LlamaFinetuneRun> => runLlamaFinetune({
        binary: build.binary, model: modelPath!, textFile, outFile: path.join(workDir, "finetune-out.gguf"), contextSize, batchSize, threads,
        learningRate, workDir, ...(libraries !== undefined ? {libraries} : {}), ...(poll !== undefined ? {poll} : {})
    });
    // Alternate the two sides `repeat` times and keep each side's median run, so that load from other processes hits both alike.
    const oursRuns: OursRun[] = [];
    const sameLibraryRuns: LlamaFinetuneRun[] = [];
    for (let pass = 0; pass < repeat; pass++) {
        const run = await runChild(jobFile, log);
        oursRuns.push(run);
        log(`ours: ${run.tokensPerSecond.toFixed(1)} tokens/s (${run.llamaBuild}, ${run.libraryPath})`);
        log("running llama-finetune on the libraries our trainer uses");
        const other = await finetune(path.dirname(run.libraryPath));
        sameLibraryRuns.push(other);
        log(`llama-finetune (same libraries): ${other.tokensPerSecond.toFixed(1)} tokens/s`);
    }
    const ours = median(oursRuns);
    const sameLibraries = median(sameLibraryRuns);
    let ownBuild: LlamaFinetuneRun | undefined;
    if (!process.argv.includes("--no-own-build")) {
        log("running llama-finetune on its own build");
        ownBuild = await finetune();
        log(`llama-finetune (own build): ${ownBuild.tokensPerSecond.toFixed(1)} tokens/s`);
    }
    load.push(os.loadavg()[0]!);

    const result = {
        tokensPerSecond: round(ours.tokensPerSecond),
        llamaFinetuneTokensPerSecond: round(sameLibraries.tokensPerSecond),
        ratio: round(ours.tokensPerSecond / sameLibraries.tokensPerSecond, 3),
        ...(ownBuild !== undefined ? {
            llamaFinetuneOwnBuildTokensPerSecond: round(ownBuild.tokensPerSecond),
            ratioVsOwnBuild: round(ours.tokensPerSecond / ownBuild.tokensPerSecond, 3)
        } : {}),
        cpuRatio: round(sameLibraries.cpuMsPerStep / ours.cpuMsPerStep, 3),
        peakRssMiB: {ours: round(ours.peakRssMiB), llamaFinetune: round(sameLibraries.peakRssMiB), ...(ownBuild !== undefined ? {llamaFinetuneOwnBuild: round(ownBuild.peakRssMiB)} : {})},
        setup: {
            model: modelPath, ...(option("model") === undefined ? {size: sizeName, ...sizes[sizeName], vocab: "llama-spm (32000)"} : {}),
            contextSize, batchSize, threads, steps, learningRate, optimizer: "adamw", chatFormat: format.name,
            llamaFinetunePoll: poll ?? "default (50)"
        },
        ours: {
            ...ours, tokensPerSecond: round(ours.tokensPerSecond), msPerStep: round(ours.msPerStep), cpuMsPerStep: round(ours.cpuMsPerStep),
            tokensPerSecondWithFirstStep: round(ours.tokensPerSecondWithFirstStep), peakRssMiB: round(ours.peakRssMiB),
            conversations: samples.length, conversationTokens: positions + samples.length,
            paddingFraction: round(1 - positions / (samples.length * contextSize), 3),
            trainableFraction: round(trainable / (samples.length * contextSize), 3)
        },
        llamaFinetune: {...describe(sameLibraries), textTokens},
        ...(repeat > 1 ? {runs: {ours: oursRuns.map((run) => round(run.tokensPerSecond)), llamaFinetune: sameLibraryRuns.map((run) => round(run.tokensPerSecond))}} : {}),
        ...(ownBuild !== undefined ? {llamaFinetuneOwnBuild: describe(ownBuild)} : {}),
        llamaFinetuneBuild: {commit: build.commit, seconds: round(build.buildSeconds), cached: build.cached, cmakeOptions: build.cmakeOptions, binary: build.binary},
        comparability: [
            `same model file, context ${contextSize}, physical batch ${batchSize}, ${threads} threads, AdamW, ${steps} optimizer steps of ${contextSize} positions on both sides`,
            "both run llama_opt_epoch's graphs (forward, cross-entropy over every position, backward, AdamW); the speed figures count positions, padding included",
            `ours: one conversation per window (${round(100 * (1 - positions / (samples.length * contextSize)), 1)}% padding), loss and gradient on the assistant tokens only, through the masking hook`,
            `llama-finetune: the same conversations as plain text (${textTokens} tokens by its own tokenization, special tokens as text), windows of ${contextSize} with stride ${stride}, loss on every position`,
            "llamaFinetuneTokensPerSecond runs on the libraries our addon uses (same kernels); llamaFinetuneOwnBuildTokensPerSecond on its own -march=native OpenMP build",
            "llama-finetune attaches a threadpool whose idle threads busy-wait for work (--poll, default 50); our trainer attaches none: on a loaded machine that polling costs llama-finetune CPU time and speed (see --finetune-poll)",
            "cpuRatio = llama-finetune's CPU time per step / ours (same libraries): the work ratio, which other load on the machine does not distort (at 1 thread; spinning threads count as CPU time above 1)",
            `load average (1 min) ${load.map((value) => value.toFixed(2)).join(" -> ")} on ${os.availableParallelism()} cores`
        ],
        loadAverage: load.map((value) => round(value))
    };
    if (json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
}

function describe(run: LlamaFinetuneRun): Record<string, unknown> {
    return {...run, tokensPerSecond: round(run.tokensPerSecond), msPerStep: round(run.msPerStep), cpuMsPerStep: round(run.cpuMsPerStep), firstStepMs: round(run.firstStepMs), peakRssMiB: round(run.peakRssMiB)};
}

/** The run with the median tokensPerSecond (the upper one of an even count). */
function median<T extends {tokensPerSecond: number}>(runs: T[]): T {
    return [...runs].sort((a, b) => a.tokensPerSecond - b.tokensPerSecond)[Math.floor(runs.length / 2)]!;
}

const round = (value: number, digits = 1): number => roundTo(value, digits);

const oursJob = option("ours");
if (oursJob !== undefined) await runOurs(oursJob);
else await main();
