import os from "node:os";
import {chooseThreads, libuvPoolSize} from "../engine/chooseThreads.js";

export type ServingLayout = {contexts: number, sequences: number, threads: number};

/**
 * How `parallel` request slots are laid out over contexts. Models small enough to run on one thread
 * (chooseThreads) get one context per core, up to `parallel`, each with one thread and its share of
 * the slots: their decodes run side by side on separate cores, while sequences of one context only
 * share its decodes (on the default model, four sequences of one context answered four concurrent
 * requests no faster than one sequence answered them in turn; two contexts of two answered them
 * 1.4× faster: `npm run bench -- serve`). Larger models get one context whose `parallel` sequences
 * are batched into its decodes on every core. `--contexts` and `--threads` override either choice.
 */
export function servingLayout(parallel: number, modelBytes: number, given: {contexts?: number | undefined, threads?: number | undefined} = {},
    cores = os.availableParallelism(), poolSize = libuvPoolSize()): ServingLayout {
    const threads = given.threads ?? chooseThreads(modelBytes, cores, poolSize);
    const contexts = given.contexts ?? (threads === 1 ? Math.max(1, Math.min(parallel, cores)) : 1);
    return {contexts, sequences: Math.ceil(parallel / contexts), threads};
}
