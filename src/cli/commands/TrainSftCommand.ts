import type {CommandModule} from "yargs";
import {TrainCancelledError} from "../../train/TrainError.js";
import {trainSft} from "../../train/trainSft.js";
import {TrainProgressBar} from "../TrainProgressBar.js";

interface TrainSftArgs {
    data: string;
    model: string;
    out: string;
    epochs: number;
    lr: number;
    "lr-min"?: number;
    ctx?: number;
    batch?: number;
    "length-windows": boolean;
    threads?: number;
    "val-split": number;
    seed: number;
    "checkpoint-every": number;
    "checkpoint-dir"?: string;
    log?: string;
    resume: boolean;
    "loss-on": "all" | "last";
    "chat-format"?: "chatml" | "llama3" | "generic";
}

/** The command line again, with --resume added, quoted for a POSIX shell. */
function resumeCommand(): string {
    const args = process.argv.slice(2).filter((arg) => arg !== "--resume");
    const quote = (arg: string): string => (/^[\w./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);
    return ["toolace-r", ...args, "--resume"].map(quote).join(" ");
}

/**
 * `toolace-r train sft`: full fine-tuning on a JSON Lines corpus of `{messages, tools}` conversations.
 * Progress goes to stderr, a JSON summary to stdout. Ctrl-C stops after the running step, writes a
 * checkpoint and exits with 130; the same command with --resume continues from it.
 */
export const TrainSftCommand: CommandModule<object, TrainSftArgs> = {
    command: "sft",
    describe: "Supervised fine-tuning on JSON Lines {messages, tools} conversations (the last assistant message of each is the target)",
    builder: (yargs) => yargs
        .option("data", {type: "string", demandOption: true, describe: "Corpus: one {messages, tools} conversation per line"})
        .option("model", {type: "string", demandOption: true, describe: "F32 GGUF model to start from (see `model dequantize`)"})
        .option("out", {type: "string", demandOption: true, describe: "Where the fine-tuned GGUF is written"})
        .option("epochs", {type: "number", default: 1, describe: "Passes over the training conversations"})
        .option("lr", {type: "number", default: 1e-5, describe: "Learning rate (AdamW)"})
        .option("lr-min", {type: "number", describe: "Decay the learning rate to this along a cosine (default: constant rate)"})
        .option("ctx", {type: "number", describe: "Positions per step, a multiple of 256 (default: the smallest that holds the longest conversation)"})
        .option("batch", {type: "number", describe: "Positions per physical batch, a divisor of --ctx (default: --ctx)"})
        .option("length-windows", {type: "boolean", default: false, describe: "Train each conversation in the smallest multiple of 256 positions that holds it (less padding; each block of 256 steps runs shortest first, so the data stays mixed)"})
        .option("threads", {type: "number", describe: "CPU threads (default: every core)"})
        .option("val-split", {type: "number", default: 0, describe: "Fraction of conversations held out for a validation loss after each epoch"})
        .option("seed", {type: "number", default: 0, describe: "Seed of the validation split and the sample order"})
        .option("checkpoint-every", {type: "number", default: 0, describe: "Write a checkpoint every N steps (0: only on Ctrl-C)"})
        .option("checkpoint-dir", {type: "string", describe: "Checkpoint folder (default: OUT.checkpoint)"})
        .option("log", {type: "string", describe: "JSON Lines log: {step, epoch, loss, lr, tokens, tokensPerSecond, valLoss?} per step"})
        .option("resume", {type: "boolean", default: false, describe: "Continue the run whose checkpoint is in the checkpoint folder"})
        .option("loss-on", {choices: ["all", "last"] as const, default: "all" as const, describe: "Loss on every assistant turn, or on the last one only"})
        .option("chat-format", {choices: ["chatml", "llama3", "generic"] as const, describe: "Override the chat format detected from the model"}) as never,
    handler: async (args) => {
        const controller = new AbortController();
        const bar = new TrainProgressBar(process.stderr, args.epochs);
        let interrupts = 0;
        const onInterrupt = (): void => {
            interrupts++;
            bar.finish();
            if (interrupts > 1) {
                process.stderr.write("toolace-r: interrupted again: exiting without a checkpoint\n");
                process.exit(130);
            }
            process.stderr.write("toolace-r: stopping after the running step to write a checkpoint (Ctrl-C again to quit at once)\n");
            controller.abort();
        };
        process.on("SIGINT", onInterrupt);
        try {
            const result = await trainSft({
                data: args.data, model: args.model, out: args.out, epochs: args.epochs, learningRate: args.lr, minLearningRate: args["lr-min"],
                contextSize: args.ctx, batchSize: args.batch, lengthWindows: args["length-windows"], threads: args.threads, validationSplit: args["val-split"], seed: args.seed,
                checkpointEvery: args["checkpoint-every"], checkpointDir: args["checkpoint-dir"], log: args.log, resume: args.resume,
                lossOn: args["loss-on"], chatFormat: args["chat-format"], signal: controller.signal,
                onPrepared: (prepared) => process.stderr.write(`toolace-r: ${prepared.samples} conversations, ${prepared.chatFormat} format, context ${prepared.contextSize}${Object.keys(prepared.windows).length > 1 ? ` (windows ${Object.entries(prepared.windows).map(([window, count]) => `${window}: ${count}`).join(", ")})` : ""}, `
                    + `batch ${prepared.batchSize}, ${prepared.threads} threads${prepared.resumeFrom !== undefined ? `, resuming at step ${prepared.resumeFrom}` : ""}\n`),
                onFrozenTensors: (_frozen, message) => process.stderr.write(`\ntoolace-r: warning: ${message}\n`),
                onProgress: (progress) => bar.update(progress)
            });
            bar.finish();
            const {trainLoss, ...rest} = result;
            process.stdout.write(`${JSON.stringify({...rest, firstLoss: trainLoss[0] ?? null, lastLoss: trainLoss[trainLoss.length - 1] ?? null}, null, 2)}\n`);
        } catch (error) {
            bar.finish();
            if (!(error instanceof TrainCancelledError)) throw error;
            // Cancelled before the first step of a fresh run: there is no checkpoint to resume from.
            const started = args.resume || error.context.totalSteps !== 0;
            process.stderr.write(`toolace-r: ${error.message}\n${started ? `toolace-r: to continue, run: ${resumeCommand()}\n` : ""}`);
            process.exitCode = 130;
        } finally {
            process.off("SIGINT", onInterrupt);
        }
    }
};
