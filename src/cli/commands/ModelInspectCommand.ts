import type {CommandModule} from "yargs";
import {formatModelInspection} from "../../model/formatModelInspection.js";
import {inspectModel} from "../../model/inspectModel.js";

interface ModelInspectArgs {
    file: string;
    json: boolean;
}

/** `toolace-r model inspect FILE`: architecture, sizes, tokenizer and chat template of a GGUF. */
export const ModelInspectCommand: CommandModule<object, ModelInspectArgs> = {
    command: "inspect <file>",
    describe: "Show a GGUF's architecture, sizes, tokenizer, special tokens and chat template",
    builder: (yargs) => yargs
        .positional("file", {type: "string", demandOption: true, describe: "GGUF file"})
        .option("json", {type: "boolean", default: false, describe: "Print JSON"}),
    handler: async (args) => {
        const inspection = await inspectModel(args.file);
        process.stdout.write(args.json ? `${JSON.stringify(inspection, null, 2)}\n` : formatModelInspection(inspection));
    }
};
