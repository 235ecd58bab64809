import {createHash} from "node:crypto";
import {mkdir, rename, rm, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {DEFAULT_MODEL_PATH, resolveModelPath} from "../../src/engine/resolveModelPath.js";
import {findCatalogModel} from "../../src/catalog/modelCatalog.js";
import {initModel} from "../../src/model/initModel.js";
import {quantizeModel} from "../../src/model/quantizeModel.js";

export type BenchModel = {name: string, path: string, note: string};

/** The larger generated model: the default model's tokenizer and chat layout, 3.4x its parameters, random weights, Q8_0 like it. */
const LARGER = {dim: 512, layers: 6, heads: 8, ffn: 1536, ctx: 2048, seed: 7} as const;

/**
 * The models a benchmark runs on: `--model PATH|CATALOG_NAME|hf:URI` alone when given (a catalog
 * model is pulled first when missing); else the default model
 * (models/default.gguf) and, unless `larger` is false, a larger generated one (random weights,
 * written once to os.tmpdir()/toolace-r-bench-models and reused).
 */
export async function benchModels(options: {model?: string, larger: boolean}): Promise<BenchModel[]> {
    if (options.model !== undefined) {
        const catalog = findCatalogModel(options.model);
        return [{name: catalog?.name ?? path.basename(options.model, ".gguf"), path: await resolveModelPath(options.model), note: catalog?.description ?? "--model"}];
    }
    const models: BenchModel[] = [{name: "default", path: DEFAULT_MODEL_PATH, note: "models/default.gguf (7.2M parameters, Q8_0)"}];
    if (options.larger) models.push({name: "larger", path: await largerModel(), note: `generated: llama ${LARGER.dim}x${LARGER.layers}, ffn ${LARGER.ffn}, default tokenizer, random weights (24.6M parameters), Q8_0`});
    return models;
}

async function largerModel(): Promise<string> {
    const key = createHash("sha256").update(JSON.stringify({LARGER, vocab: (await stat(DEFAULT_MODEL_PATH)).size})).digest("hex").slice(0, 12);
    const dir = path.join(os.tmpdir(), "toolace-r-bench-models");
    const out = path.join(dir, `larger-${key}.q8_0.gguf`);
    try {
        if ((await stat(out)).isFile()) return out;
    } catch {
        // not generated yet
    }
    await mkdir(dir, {recursive: true});
    const f32 = path.join(dir, `larger-${key}.${process.pid}.f32.gguf`);
    const partial = `${out}.${process.pid}.partial`;
    try {
        await initModel({arch: "llama", vocab: DEFAULT_MODEL_PATH, ...LARGER, template: "chatml", tieEmbeddings: false, out: f32});
        await quantizeModel({input: f32, output: partial, type: "q8_0", threads: 1});
        await rename(partial, out);
    } finally {
        await rm(f32, {force: true});
        await rm(partial, {force: true});
    }
    return out;
}
