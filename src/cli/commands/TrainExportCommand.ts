import type {CommandModule} from "yargs";
import {exportCorpus, exportFormats, type ExportFormat} from "../../export/exportCorpus.js";

interface TrainExportArgs {
    data: string;
    out: string;
    name: string;
    format: "all" | ExportFormat;
    "loss-on": "last" | "all";
}

/** `toolace-r train export`: a training corpus as OpenAI JSONL, ShareGPT with tools and a LLaMA-Factory dataset entry (see exportCorpus). */
export const TrainExportCommand: CommandModule<object, TrainExportArgs> = {
    command: "export",
    describe: "Export a training corpus (or synthetic items) for other trainers: OpenAI JSONL, ShareGPT with tools, LLaMA-Factory dataset_info.json",
    builder: (yargs) => yargs
        .option("data", {type: "string", demandOption: true, describe: "JSON Lines of {messages, tools} conversations (e.g. a train iterate corpus.jsonl) or synthetic items"})
        .option("out", {type: "string", demandOption: true, describe: "Output folder"})
        .option("name", {type: "string", default: "toolace_r", describe: "Dataset name (file names and the LLaMA-Factory entry)"})
        .option("format", {choices: ["all", ...exportFormats] as const, default: "all" as const, describe: "Which format to write"})
        .option("loss-on", {choices: ["last", "all"] as const, default: "last" as const, describe: "OpenAI: train only the last assistant turn (weight 0 on the others), or every one"}) as never,
    handler: async (args) => {
        const result = await exportCorpus({
            data: args.data, out: args.out, name: args.name, formats: args.format === "all" ? exportFormats : [args.format], lossOnLast: args["loss-on"] === "last"
        });
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
};
