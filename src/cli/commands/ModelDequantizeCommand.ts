import type {CommandModule} from "yargs";
import {quantizeModel} from "../../model/quantizeModel.js";

interface ModelDequantizeArgs {
    in: string;
    out: string;
    threads?: number;
}

/** `toolace-r model dequantize`: back to F32 (what `train sft` needs); prints a JSON summary. */
export const ModelDequantizeCommand: CommandModule<object, ModelDequantizeArgs> = {
    command: "dequantize",
    describe: "Convert a quantized (or F16) GGUF model to F32, e.g. to fine-tune it (written atomically)",
    builder: (yargs) => yargs
        .option("in", {type: "string", demandOption: true, describe: "Quantized GGUF model"})
        .option("out", {type: "string", demandOption: true, describe: "F32 GGUF file to write"})
        .option("threads", {type: "number", describe: "Threads (default: every core)"}) as never,
    handler: async (args) => {
        const result = await quantizeModel({input: args.in, output: args.out, type: "f32", threads: args.threads});
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
};
