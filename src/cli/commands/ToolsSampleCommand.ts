import type {CommandModule} from "yargs";
import {sampleToolArguments} from "../../engine/sampleToolArguments.js";
import {readJsonFile} from "../readJsonFile.js";

type ToolsSampleArgs = {tools: string, name: string, n: number, seed: number, model?: string};

export const ToolsSampleCommand: CommandModule<object, ToolsSampleArgs> = {
    command: "sample",
    describe: "Print N argument objects of one tool drawn from its call grammar through llama.cpp's grammar engine (one JSON object a line); exit 1 if any breaks the tool's schema",
    builder: (yargs) => yargs
        .option("tools", {type: "string", demandOption: true, describe: "JSON file with the tools (OpenAI tools or BFCL function docs)"})
        .option("name", {type: "string", demandOption: true, describe: "the tool to sample"})
        .option("n", {type: "number", default: 10, describe: "how many argument objects"})
        .option("seed", {type: "number", default: 0, describe: "seed of the random walk"})
        .option("model", {type: "string", describe: "GGUF whose vocabulary the walk uses (weights are not loaded; default: models/default.gguf)"}) as never,
    handler: async (args) => {
        const samples = await sampleToolArguments({tools: readJsonFile(args.tools, "tools file"), name: args.name, n: args.n, seed: args.seed, model: args.model});
        for (const sample of samples) process.stdout.write(`${JSON.stringify(sample.arguments)}\n`);
        const unsound = samples.filter((sample) => sample.violations !== undefined && sample.violations.length > 0);
        if (samples.some((sample) => sample.violations === undefined))
            process.stderr.write("toolace-r tools sample: the validator cannot compile the tool's original schema: samples were not checked against it\n");
        if (unsound.length > 0) {
            process.stderr.write(`toolace-r tools sample: ${unsound.length} of ${samples.length} samples break the tool's schema, e.g. ${unsound[0]!.violations!.join("; ")}\n`);
            process.exitCode = 1;
        }
    }
};
