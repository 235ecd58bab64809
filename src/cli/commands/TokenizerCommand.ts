import type {CommandModule} from "yargs";
import {TokenizerTrainCommand} from "./TokenizerTrainCommand.js";

/** `toolace-r tokenizer <train>`: build the project's own vocabulary. */
export const TokenizerCommand: CommandModule<object, object> = {
    command: "tokenizer <command>",
    describe: "Train a byte-level BPE tokenizer (vocab-only GGUF) on synthetic data",
    builder: (yargs) => yargs
        .command(TokenizerTrainCommand)
        .demandCommand(1, "Name a tokenizer command: train."),
    handler: () => undefined
};
