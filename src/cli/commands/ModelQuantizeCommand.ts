import type {CommandModule} from "yargs";
import {quantizationTypes, type QuantizationType} from "../../model/QuantizationType.js";
import {quantizeModel} from "../../model/quantizeModel.js";

interface ModelQuantizeArgs {
    in: string;
    out: string;
    type: QuantizationType;
    threads?: number;
    "allow-requantize": boolean;
}

/** `toolace-r model quantize`: llama.cpp's quantizer; prints a JSON summary. */
export const ModelQuantizeCommand: CommandModule<object, ModelQuantizeArgs> = {
    command: "quantize",
    describe: "Quantize a GGUF model with llama.cpp's quantizer (written atomically)",
    builder: (yargs) => yargs
        .option("in", {type: "string", demandOption: true, describe: "GGUF model to convert (F32 or F16 for quantizing)"})
        .option("out", {type: "string", demandOption: true, describe: "GGUF file to write"})
        .option("type", {choices: quantizationTypes, demandOption: true, describe: "Target type (f32: every tensor F32, see `model dequantize`)"})
        .option("threads", {type: "number", describe: "Threads (default: every core)"})
        .option("allow-requantize", {type: "boolean", default: false, describe: "Quantize tensors that are already quantized (loses more quality)"}) as never,
    handler: async (args) => {
        const result = await quantizeModel({
            input: args.in, output: args.out, type: args.type, threads: args.threads, allowRequantize: args["allow-requantize"]
        });
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
};
