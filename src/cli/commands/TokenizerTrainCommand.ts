import path from "node:path";
import type {CommandModule} from "yargs";
import {trainTokenizer} from "../../tokenizer/trainTokenizer.js";

interface TokenizerTrainArgs {
    corpus: string;
    size: number;
    out: string;
    "max-items"?: number;
    "min-frequency": number;
}

/** `toolace-r tokenizer train`: learns a BPE vocabulary from `toolace-r synth` output and prints a JSON summary. */
export const TokenizerTrainCommand: CommandModule<object, TokenizerTrainArgs> = {
    command: "train",
    describe: "Learn a byte-level BPE vocabulary (ChatML special tokens, refact pre-tokenizer) from synthetic items; write a vocab GGUF for `model init --vocab`",
    builder: (yargs) => yargs
        .option("corpus", {type: "string", demandOption: true, describe: "A `toolace-r synth` output folder (train.jsonl is read) or a .jsonl file"})
        .option("size", {type: "number", default: 4096, describe: "Vocabulary size, special tokens included"})
        .option("out", {type: "string", demandOption: true, describe: "Vocab GGUF to write"})
        .option("max-items", {type: "number", describe: "Read at most this many items"})
        .option("min-frequency", {type: "number", default: 2, describe: "Do not merge pairs seen fewer times"}) as never,
    handler: async (args) => {
        const result = await trainTokenizer({
            corpus: args.corpus, size: args.size, out: args.out, maxItems: args["max-items"], minFrequency: args["min-frequency"]
        });
        process.stdout.write(`${JSON.stringify({...result, path: path.resolve(result.path)}, null, 2)}\n`);
    }
};
