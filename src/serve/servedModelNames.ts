import path from "node:path";
import {findCatalogModel} from "../catalog/modelCatalog.js";

/**
 * The id a served model answers to (its catalog name, else its file's name without `.gguf`, or
 * `default` for the embedded default model) and the other names a request may give it (the path
 * and file name it was loaded by).
 */
export function servedModelNames(requested: string | undefined, modelPath: string): {id: string, aliases: string[]} {
    if (requested === undefined || requested === "") return {id: "default", aliases: [path.basename(modelPath, ".gguf")]};
    if (findCatalogModel(requested) !== undefined) return {id: requested, aliases: [path.basename(modelPath, ".gguf")]};
    const id = path.basename(requested).replace(/\.gguf$/i, "");
    return {id, aliases: [...new Set([requested, modelPath, path.basename(modelPath)])].filter((name) => name !== id)};
}
