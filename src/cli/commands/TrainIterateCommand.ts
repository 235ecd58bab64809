import os from "node:os";
import type {CommandModule} from "yargs";
import {selectionRules, type SelectionRule} from "../../iterate/selectItems.js";
import {trainIterate} from "../../iterate/trainIterate.js";
import {TrainCancelledError} from "../../train/TrainError.js";

interface TrainIterateArgs {
    pool: string;
    dev?: string;
    model: string;
    out: string;
    iterations: number;
    k: number;
    temperature: number;
    select: SelectionRule;
    "solved-share": number;
    "max-kind-share"?: number;
    "refinement-corpus": boolean;
    "max-fixes": number;
    chains: boolean;
    epochs: number;
    lr: number;
    "lr-min"?: number;
    ctx?: number;
    "length-windows": boolean;
    threads?: number;
    "train-threads"?: number;
    contexts?: number;
    seed: number;
    "checkpoint-every": number;
    "max-rounds": number;
    "pool-limit"?: number;
    "dev-limit"?: number;
    "max-tokens": number;
    "max-string-length": number;
    "chat-format"?: "chatml" | "llama3" | "generic";
}

/**
 * `toolace-r train iterate`: ToolACE-R's model-aware iterative training with the self-refinement
 * corpus (see trainIterate). Progress goes to stderr, a JSON summary to stdout; the run folder holds
 * every iteration's files and report.json / report.md. Ctrl-C stops at the next safe point; the
 * same command continues the run.
 */
export const TrainIterateCommand: CommandModule<object, TrainIterateArgs> = {
    command: "iterate",
    describe: "Model-aware iterative training: sample the pool k times, select by pass@k, train with the self-refinement corpus, evaluate, repeat",
    builder: (yargs) => yargs
        .option("pool", {type: "string", demandOption: true, describe: "Synthetic items to train from (toolace-r synth's train.jsonl)"})
        .option("dev", {type: "string", describe: "Synthetic dev items (default: dev.jsonl beside the pool)"})
        .option("model", {type: "string", demandOption: true, describe: "F32 GGUF model to start from"})
        .option("out", {type: "string", demandOption: true, describe: "Run folder (created; running again continues the run)"})
        .option("iterations", {type: "number", default: 3, describe: "Most iterations (stops earlier when the model-aware selection stops growing)"})
        .option("k", {type: "number", default: 8, describe: "Samples per pool item"})
        .option("temperature", {type: "number", default: 0.8, describe: "Sampling temperature (> 0)"})
        .option("select", {choices: selectionRules, default: "model-aware" as SelectionRule, describe: "Which items each iteration trains on"})
        .option("solved-share", {type: "number", default: 0.25, describe: "model-aware: share of the always-solved items kept"})
        .option("max-kind-share", {type: "number", describe: "At most this share (0-1] of a selection of one item kind, e.g. 0.5 (default: no cap)"})
        .option("refinement-corpus", {type: "boolean", default: true, describe: "Add the self-refinement conversations (--no-refinement-corpus: plain SFT conversations only)"})
        .option("max-fixes", {type: "number", default: 2, describe: "Most wrong calls per item turned into fix conversations"})
        .option("chains", {type: "boolean", default: true, describe: "Add three-round refinement chains (--no-chains to leave them out)"})
        .option("epochs", {type: "number", default: 1, describe: "Training epochs per iteration"})
        .option("lr", {type: "number", default: 1e-5, describe: "Learning rate (AdamW)"})
        .option("lr-min", {type: "number", describe: "Cosine decay to this rate within each iteration (default: constant)"})
        .option("ctx", {type: "number", describe: "Training positions per step, a multiple of 256; longer conversations are left out (default: fits the longest)"})
        .option("length-windows", {type: "boolean", default: false, describe: "Train each conversation in the smallest multiple of 256 positions that holds it (less padding; each block of 256 steps runs shortest first, so the data stays mixed)"})
        .option("threads", {type: "number", describe: "CPU threads for sampling, training and evaluation (default: every core)"})
        .option("train-threads", {type: "number", describe: "CPU threads of the training steps only (default: --threads); small models sample fastest on one thread but train faster on more"})
        .option("contexts", {type: "number", describe: "Contexts of --threads threads each for sampling and evaluation: items on different contexts run in parallel (e.g. --threads 1 --contexts 2 on two cores); results do not depend on it (default 1)"})
        .option("seed", {type: "number", default: 0, describe: "Seeds sampling, selection and the training order"})
        .option("checkpoint-every", {type: "number", default: 50, describe: "Training steps between checkpoints"})
        .option("max-rounds", {type: "number", default: 3, describe: "Most refinement rounds of the adaptive dev evaluation"})
        .option("pool-limit", {type: "number", describe: "Use only the first N pool items"})
        .option("dev-limit", {type: "number", describe: "Evaluate only the first N dev items"})
        .option("max-tokens", {type: "number", default: 384, describe: "Output tokens per round when sampling and evaluating"})
        .option("max-string-length", {type: "number", default: 200, describe: "Grammar cap on generated strings"})
        .option("chat-format", {choices: ["chatml", "llama3", "generic"] as const, describe: "Override the chat format detected from the model"}) as never,
    handler: async (args) => {
        const controller = new AbortController();
        let interrupts = 0;
        const onInterrupt = (): void => {
            interrupts++;
            if (interrupts > 1) {
                process.stderr.write("toolace-r: interrupted again: exiting at once\n");
                process.exit(130);
            }
            process.stderr.write("toolace-r: stopping at the next safe point (Ctrl-C again to quit at once); the same command continues the run\n");
            controller.abort();
        };
        process.on("SIGINT", onInterrupt);
        try {
            const result = await trainIterate({
                pool: args.pool, dev: args.dev, model: args.model, out: args.out, iterations: args.iterations, k: args.k, temperature: args.temperature,
                select: args.select, solvedShare: args["solved-share"], maxKindShare: args["max-kind-share"], refinementCorpus: args["refinement-corpus"], maxFixes: args["max-fixes"], chains: args.chains,
                epochs: args.epochs, learningRate: args.lr, minLearningRate: args["lr-min"], contextSize: args.ctx, lengthWindows: args["length-windows"], threads: args.threads ?? os.availableParallelism(), trainThreads: args["train-threads"], contexts: args.contexts,
                seed: args.seed, checkpointEvery: args["checkpoint-every"], maxRounds: args["max-rounds"], poolLimit: args["pool-limit"], devLimit: args["dev-limit"],
                maxTokens: args["max-tokens"], maxStringLength: args["max-string-length"], chatFormat: args["chat-format"], signal: controller.signal,
                log: (line) => process.stderr.write(`toolace-r: ${line}\n`)
            });
            const {report} = result;
            process.stdout.write(`${JSON.stringify({
                out: report.out, state: report.state, iterations: report.iterations.length - 1, best: report.best, bestModel: result.best, report: result.files
            }, null, 2)}\n`);
        } catch (error) {
            if (!(error instanceof TrainCancelledError)) throw error;
            process.stderr.write(`toolace-r: ${error.message}\ntoolace-r: to continue, run the same command again\n`);
            process.exitCode = 130;
        } finally {
            process.off("SIGINT", onInterrupt);
        }
    }
};
