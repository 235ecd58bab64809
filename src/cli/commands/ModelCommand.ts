import type {CommandModule} from "yargs";
import {ModelDequantizeCommand} from "./ModelDequantizeCommand.js";
import {ModelInitCommand} from "./ModelInitCommand.js";
import {ModelInspectCommand} from "./ModelInspectCommand.js";
import {ModelListCommand} from "./ModelListCommand.js";
import {ModelPullCommand} from "./ModelPullCommand.js";
import {ModelQuantizeCommand} from "./ModelQuantizeCommand.js";

/** The `model` subcommands, in help order; each lives in its own `Model*Command.ts` file. */
export const modelSubcommands: CommandModule<object, any>[] = [ModelPullCommand, ModelListCommand, ModelInitCommand, ModelInspectCommand, ModelQuantizeCommand, ModelDequantizeCommand];

/** `toolace-r model <pull|list|init|inspect|quantize|dequantize>`: pull real models, create, look into and convert GGUF models. */
export const ModelCommand: CommandModule<object, object> = {
    command: "model <command>",
    describe: "Pull real models (pull, list), create (init), inspect, quantize and dequantize GGUF models",
    builder: (yargs) => yargs
        .command(modelSubcommands)
        .demandCommand(1, `Name a model command: ${modelSubcommands.map((c) => String(c.command).split(" ")[0]).join(", ")}.`),
    handler: () => undefined
};
