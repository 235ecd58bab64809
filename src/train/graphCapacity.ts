/**
 * llama.cpp sizes a context's scheduler and graphs for inference: max(1024, 8 * n_tensors) nodes,
 * plus 6 per LoRA pair of each adapter loaded on the model. A training graph (forward, backward,
 * gradient accumulators, AdamW moments) needs about 16 per tensor (measured on llama models: ~140 per
 * layer of 9 tensors), so from about 8 llama layers on llama_opt_epoch hits a GGML_ASSERT that aborts
 * the process. An adapter loaded on the model but never applied to a context only raises that
 * budget; this module writes such a rank-1, all-zero adapter and says how many copies to load.
 */
import {createHash} from "node:crypto";
import {access, mkdir} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type {GgufFile} from "../model/GgufFile.js";
import {GgufValue} from "../model/GgufValue.js";
import {writeGguf} from "../model/writeGguf.js";
import {TrainError} from "./TrainError.js";

/**
 * Graph nodes + leafs budgeted for training, per model tensor and on top: measured on llama models,
 * a training graph has ~11.5 nodes and ~4 leafs per tensor plus ~100; the backward-GEMM patch adds up
 * to ~5 nodes per weight matrix (transposed copies), so this budget keeps about 1.5x that.
 */
const trainingNodesPerTensor = 32;
const trainingNodesExtra = 256;

/** The graph budget llama.cpp gives a context of this model (llama_context::graph_max_nodes, default architectures). */
export function inferenceGraphBudget(tensorCount: number): number {
    return Math.max(1024, 8 * tensorCount);
}

/** The budget the trainer wants for a model of `tensorCount` tensors. */
export function trainingGraphBudget(tensorCount: number): number {
    return trainingNodesExtra + trainingNodesPerTensor * tensorCount;
}

export interface CapacityAdapter {
    path: string;
    copies: number;
    /** LoRA pairs per copy (6 graph nodes each). */
    pairs: number;
}

/**
 * The dummy adapter (written once per model shape into `dir`, default the OS temp folder) and its
 * copy count, or undefined when llama.cpp's own budget suffices. Throws `train_model_unsupported`
 * when the model has no 2D weight an adapter could attach to.
 */
export async function graphCapacityAdapter(model: GgufFile, dir = path.join(os.tmpdir(), "toolace-r-train")): Promise<CapacityAdapter | undefined> {
    const tensorCount = model.tensors.length;
    const missing = trainingGraphBudget(tensorCount) - inferenceGraphBudget(tensorCount);
    if (missing <= 0) return undefined;
    const architecture = model.architecture;
    // llama.cpp accepts a pair for any 2D model tensor but token_embd (which it treats specially).
    const targets = model.tensors.filter((tensor) => tensor.shape.length === 2 && tensor.name !== "token_embd.weight");
    if (architecture === undefined || targets.length === 0) {
        throw new TrainError("train_model_unsupported", `${model.path ?? "the model"} has no general.architecture or no 2D weights`, {model: model.path ?? null});
    }
    const copies = Math.ceil(missing / (6 * targets.length));
    const key = createHash("sha256").update(JSON.stringify([architecture, targets.map((tensor) => [tensor.name, tensor.shape])])).digest("hex").slice(0, 16);
    const file = path.join(dir, `capacity-${key}.gguf`);
    const exists = await access(file).then(() => true, () => false);
    if (!exists) {
        await mkdir(dir, {recursive: true});
        await writeGguf(file, {
            metadata: [
                ["general.architecture", GgufValue.string(architecture)],
                ["general.type", GgufValue.string("adapter")],
                ["general.name", GgufValue.string("toolace-r graph capacity (never applied)")],
                ["adapter.type", GgufValue.string("lora")],
                ["adapter.lora.alpha", GgufValue.float32(1)]
            ],
            tensors: targets.flatMap((tensor) => [
                {name: `${tensor.name}.lora_a`, shape: [tensor.shape[0]!, 1], data: new Float32Array(tensor.shape[0]!)},
                {name: `${tensor.name}.lora_b`, shape: [1, tensor.shape[1]!], data: new Float32Array(tensor.shape[1]!)}
            ])
        });
    }
    return {path: file, copies, pairs: targets.length};
}
