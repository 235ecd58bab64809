import type {CommandModule} from "yargs";
import {TrainExportCommand} from "./TrainExportCommand.js";
import {TrainIterateCommand} from "./TrainIterateCommand.js";
import {TrainSftCommand} from "./TrainSftCommand.js";

/** The `train` subcommands, in help order; each lives in its own `Train*Command.ts` file. */
export const trainSubcommands: CommandModule<object, any>[] = [TrainSftCommand, TrainIterateCommand, TrainExportCommand];

/** `toolace-r train <command>`: fine-tune GGUF models on the CPU (llama.cpp's training API). */
export const TrainCommand: CommandModule<object, object> = {
    command: "train <command>",
    describe: "Fine-tune a GGUF model on tool-calling conversations (CPU, llama.cpp training)",
    builder: (yargs) => yargs
        .command(trainSubcommands)
        .demandCommand(1, `Name a train command: ${trainSubcommands.map((c) => String(c.command).split(" ")[0]).join(", ")}.`),
    handler: () => undefined
};
