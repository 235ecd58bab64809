import {existsSync, openSync, readSync, closeSync, statSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {resolveModelFile} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import {findCatalogModel, modelCatalog} from "../catalog/modelCatalog.js";
import {catalogModelPath, isCatalogModelPulled, pullModel} from "../catalog/pullModel.js";

/** The repository (package) root: three levels above this file in dist/src/engine or src/engine. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), existsSync(new URL("../../../package.json", import.meta.url)) ? "../../.." : "../..");
export const DEFAULT_MODEL_PATH = path.join(PACKAGE_ROOT, "models", "default.gguf");

/**
 * Turns `--model` into a local GGUF path: a file path, a catalog name (`smollm2-135m-instruct`:
 * the pulled file, pulled first when missing, progress on stderr), an `hf:` URI (resolved through
 * node-llama-cpp, which downloads when the network allows), or the embedded default model.
 * Checks that the file exists and starts with the GGUF magic, with errors that say what to do.
 */
export async function resolveModelPath(model: string | undefined): Promise<string> {
    if (model == null || model === "") {
        if (!existsSync(DEFAULT_MODEL_PATH))
            throw new ToolaceError("no_model",
                `no model given and the default model ${path.relative(process.cwd(), DEFAULT_MODEL_PATH) || DEFAULT_MODEL_PATH} does not exist yet. ` +
                "Pass --model PATH with any GGUF (Qwen, Llama 3.x, Hammer, xLAM…), build the default model with `npm run train:default`, " +
                "or make a small random test model with `toolace-r model init --vocab llama-spm --dim 64 --layers 2 --heads 4 --ffn 128 --ctx 1024 --out tiny.gguf`.",
                {path: DEFAULT_MODEL_PATH});
        return checkGgufFile(DEFAULT_MODEL_PATH);
    }
    if (/^(hf:|huggingface:|https?:)/.test(model)) {
        try {
            return checkGgufFile(await resolveModelFile(model, {cli: false}));
        } catch (err) {
            throw new ToolaceError("model_download", `could not get the model ${model}: ${(err as Error).message}`, {model}, {cause: err});
        }
    }
    const entry = findCatalogModel(model);
    if (entry != null && !existsSync(model)) {
        if (isCatalogModelPulled(entry)) return checkGgufFile(catalogModelPath(entry));
        const pulled = await pullModel(entry, {progress: (line) => process.stderr.write(`toolace-r: ${line}\n`)});
        return checkGgufFile(pulled.path);
    }
    if (!existsSync(model) && !model.includes("/") && !model.endsWith(".gguf"))
        throw new ToolaceError("model_missing", `model ${model} is neither a file nor a catalog name (${modelCatalog.map((m) => m.name).join(", ")})`, {model});
    return checkGgufFile(path.resolve(model));
}

/** Throws a clear error unless `file` is a readable GGUF file. */
export function checkGgufFile(file: string): string {
    if (!existsSync(file)) throw new ToolaceError("model_missing", `model file ${file} does not exist`, {path: file});
    const stat = statSync(file);
    if (!stat.isFile()) throw new ToolaceError("model_invalid", `model path ${file} is not a file`, {path: file});
    const head = Buffer.alloc(4);
    const fd = openSync(file, "r");
    try {
        readSync(fd, head, 0, 4, 0);
    } finally {
        closeSync(fd);
    }
    if (head.toString("latin1") !== "GGUF")
        throw new ToolaceError("model_invalid", `model file ${file} is not a GGUF file (it does not start with the GGUF magic)`, {path: file});
    return file;
}
