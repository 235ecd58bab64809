import path from "node:path";
import {fileURLToPath} from "node:url";
import type {CommandModule} from "yargs";
import {runSynth} from "../../synth/runSynth.js";

interface SynthArgs {
    out: string;
    count: number;
    seed: number;
    "first-index": number;
    sources?: string;
}

/** The repository root, from this file's place in `dist/src/cli/commands/` (or `src/cli/commands/`). */
function repoRoot(): string {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const up = here.split(path.sep).includes("dist") ? "../../../.." : "../../..";
    return path.resolve(here, up);
}

/** Default training sources: `$TOOLACE_SOURCES`, else `../shared/data/train` next to the repository. */
function defaultSources(): string {
    return process.env.TOOLACE_SOURCES ?? path.resolve(repoRoot(), "../shared/data/train");
}

/** `toolace-r synth`: writes synthesised tool-calling items (train/dev/test JSON Lines) and stats.json. */
export const SynthCommand: CommandModule<object, SynthArgs> = {
    command: "synth",
    describe: "Synthesise tool-calling training data (train/dev/test.jsonl split by tool, stats.json)",
    builder: (yargs) => yargs
        .option("out", {type: "string", demandOption: true, describe: "Output directory"})
        .option("count", {type: "number", default: 10000, describe: "Items in all splits together (~80/10/10)"})
        .option("seed", {type: "number", default: 0, describe: "Seed: same seed, same bytes"})
        .option("first-index", {type: "number", default: 0, describe: "Index of each split's first item: same seed and a new first index give fresh items over the same tools and split"})
        .option("sources", {type: "string", describe: "Training sources directory (data/train layout); default $TOOLACE_SOURCES or ../shared/data/train"}) as never,
    handler: (args) => {
        const sourcesDir = args.sources ?? defaultSources();
        const report = runSynth({out: args.out, count: args.count, seed: args.seed, firstIndex: args["first-index"], sourcesDir});
        const {stats} = report.result;
        for (const notice of stats.notices) process.stderr.write(`toolace-r synth: ${notice}\n`);
        const summary = {
            out: path.resolve(args.out),
            files: report.files.map((file) => path.basename(file)),
            items: stats.items.bySplit,
            byKind: Object.fromEntries(Object.entries(stats.items.byKind).map(([kind, counts]) => [kind, counts.total])),
            tools: stats.tools.bySplit,
            toolsBySource: Object.fromEntries(Object.entries(stats.tools.bySource).map(([source, counts]) => [source, counts?.total ?? 0])),
            skippedSourceTools: Object.fromEntries(stats.sources.map((source) => [source.source, source.skipped])),
            timingsMs: report.timings
        };
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    }
};
