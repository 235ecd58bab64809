import type {CommandModule} from "yargs";
import {modelCatalog} from "../../catalog/modelCatalog.js";
import {modelCacheDir} from "../../catalog/modelCacheDir.js";
import {catalogModelPath, isCatalogModelPulled} from "../../catalog/pullModel.js";

interface ModelListArgs {
    dir?: string;
}

/** `toolace-r model list`: the catalog as JSON, with where each model is cached and whether it is pulled. */
export const ModelListCommand: CommandModule<object, ModelListArgs> = {
    command: "list",
    describe: "List the catalog of real models (name, source, licence, whether pulled)",
    builder: (yargs) => yargs
        .option("dir", {type: "string", describe: "cache folder (default: $TOOLACE_MODELS_DIR or ~/.cache/toolace-r/models)"}) as never,
    handler: (args) => {
        const dir = args.dir ?? modelCacheDir();
        const list = modelCatalog.map((model) => {
            const file = catalogModelPath(model, dir);
            return {
                name: model.name, description: model.description, license: model.license, bytes: model.bytes, sha256: model.sha256,
                packages: model.wheels.map((w) => `${w.package}==${w.version}`), hf: model.hfUri, path: file,
                pulled: isCatalogModelPulled(model, dir),
                ...(model.notice != null ? {notice: model.notice} : {})
            };
        });
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    }
};
