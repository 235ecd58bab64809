/**
 * toolace-r's generation speed against llama.cpp's own llama-bench, on the same GGUF file:
 *   npm run bench -- generation [--json] [--model PATH|CATALOG_NAME] [--threads N] [--tokens N] [--repeat N]
 *
 * llama-bench (built from node-llama-cpp's bundled llama.cpp source, the source of toolace-r's own
 * local build; see buildLlamaTargets) measures tg`tokens`: `tokens` tokens generated one at a time
 * after an empty context (`-p 0 -n N -r repeat`), on `threads` threads. toolace-r generates the
 * same number of tokens with generateTurn (the loop every request runs), greedy, without a grammar,
 * after the model's BOS token only, on a context of the same threads, `repeat` times alternating
 * with llama-bench runs. Generation of fewer tokens (the model chose to end) is measured on what it
 * generated. generationRatio = median toolace-r tokens/s / median llama-bench tg tokens/s (target
 * >= 0.95). JSON on the last line with --json.
 */
import {spawn} from "node:child_process";
import os from "node:os";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {generateTurn} from "../src/engine/generateTurn.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels} from "./support/benchModels.js";
import {buildLlamaTools} from "./support/buildLlamaTargets.js";
import {formatTable} from "./support/formatTable.js";
import {median} from "./support/median.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const threads = args.number("threads", Math.min(2, os.availableParallelism()), 1);
const tokens = args.number("tokens", 128, 8);
const repeat = args.number("repeat", 3, 1);
const log = (line: string): void => {
    process.stderr.write(`bench generation: ${line}\n`);
};

const [model] = await benchModels({model: args.string("model"), larger: false});
const build = await buildLlamaTools({log});
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});

/** One llama-bench run: tg tokens/s (its own average over its repetitions). */
function llamaBench(): Promise<number> {
    const benchArgs = ["-m", model!.path, "-t", String(threads), "-p", "0", "-n", String(tokens), "-r", "1", "-o", "json", "-ngl", "0"];
    return new Promise((resolve, reject) => {
        const child = spawn(build.binaries["llama-bench"]!, benchArgs, {stdio: ["ignore", "pipe", "pipe"], env: {...process.env, LD_LIBRARY_PATH: build.libraryDir}});
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => stdout += d.toString("utf8"));
        child.stderr.on("data", (d: Buffer) => stderr = (stderr + d.toString("utf8")).slice(-3000));
        child.on("error", reject);
        child.on("close", (code) => {
            if (code !== 0) return reject(new Error(`llama-bench exited ${code}: ${stderr}`));
            const rows = JSON.parse(stdout) as {n_gen: number, avg_ts: number}[];
            const row = rows.find((r) => r.n_gen === tokens);
            if (row === undefined) return reject(new Error(`llama-bench printed no tg${tokens} row: ${stdout.slice(0, 300)}`));
            resolve(row.avg_ts);
        });
    });
}

const loaded = await llama.loadModel({modelPath: model!.path});
const context = await loaded.createContext({contextSize: Math.max(512, tokens + 64), threads, sequences: 1});
const sequence = context.getSequence();
const bos = loaded.tokens.bos;
const prompt = bos != null ? [bos] : loaded.tokenize("The", false);

/** One toolace-r run: tokens/s of generateTurn on a cleared sequence (the prompt's one evaluation included, as llama-bench's first token). */
async function toolace(): Promise<{tokensPerSecond: number, generated: number}> {
    await sequence.clearHistory();
    const turn = await generateTurn(sequence, prompt, {maxTokens: tokens});
    return {tokensPerSecond: (1000 * turn.generated.length) / turn.ms, generated: turn.generated.length};
}

await toolace(); // warm-up, as llama-bench warms up before its runs
const runs: {toolace: number, llamaBench: number, generated: number}[] = [];
for (let pass = 0; pass < repeat; pass++) {
    const first = pass % 2 === 0;
    const a = first ? await toolace() : undefined;
    const bench = await llamaBench();
    const b = a ?? await toolace();
    runs.push({toolace: b.tokensPerSecond, llamaBench: bench, generated: b.generated});
    log(`pass ${pass + 1}/${repeat}: toolace-r ${b.tokensPerSecond.toFixed(1)} tokens/s (${b.generated} tokens), llama-bench tg${tokens} ${bench.toFixed(1)}`);
}
await context.dispose();
await loaded.dispose();

const toolaceTps = median(runs.map((r) => r.toolace));
const benchTps = median(runs.map((r) => r.llamaBench));
const generationRatio = roundTo(toolaceTps / benchTps, 3);
printBenchResult([
    `generation: ${model!.name} (${model!.path}), ${threads} threads, tg${tokens}, ${repeat} alternating runs`,
    formatTable(["pass", "toolace-r tokens/s", "generated", "llama-bench tg tokens/s"], runs.map((r, i) => [i + 1, roundTo(r.toolace, 1), r.generated, roundTo(r.llamaBench, 1)])),
    `generationRatio ${generationRatio} (median toolace-r / median llama-bench; target >= 0.95)`
].join("\n"), {
    benchmark: "generation", model: model!.name, path: model!.path, threads, tokens, repeat,
    toolaceTokensPerSecond: roundTo(toolaceTps, 1), llamaBenchTokensPerSecond: roundTo(benchTps, 1), generationRatio,
    target: {generationRatio: ">= 0.95"}, met: {generationRatio: generationRatio >= 0.95}, runs,
    llamaBenchBuild: {commit: build.commit, cmakeOptions: build.cmakeOptions}
}, json);
