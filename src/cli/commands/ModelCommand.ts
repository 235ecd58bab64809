import type {CommandModule} from "yargs";
import {ModelInitCommand} from "./ModelInitCommand.js";
import {ModelInspectCommand} from "./ModelInspectCommand.js";

/** `toolace-r model <init|inspect>`: create and look into GGUF models. */
export const ModelCommand: CommandModule<object, object> = {
    command: "model <command>",
    describe: "Create (init) and inspect GGUF models",
    builder: (yargs) => yargs
        .command(ModelInitCommand)
        .command(ModelInspectCommand)
        .demandCommand(1, "Name a model command: init or inspect."),
    handler: () => undefined
};
