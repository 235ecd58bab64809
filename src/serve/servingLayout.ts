import os from "node:os";
import {chooseThreads, libuvPoolSize} from "../engine/chooseThreads.js";

export type ServingLayout = {contexts: number, sequences: number, threads: number};

/**
 * How `parallel` request slots are laid out: a context per slot, each with one sequence and the
 * threads the model runs best on (chooseThreads) within its share of the cores. Contexts decode side
 * by side, while sequences of one context share its decodes and lose by it here: on SmolLM2-135M,
 * eight requests (64 tokens, refine off) took 9.7 s as two concurrent sequences of one context
 * against 7.5 s one after another on it, and four concurrent requests took 8.6 s on four one-sequence
 * contexts against 10.1 s on two contexts of two sequences (on the default model the layouts tie).
 * `serve` runs with a libuv pool of one thread per context (threadPoolSizeFor). `--contexts` and
 * `--threads` override the layout.
 */
export function servingLayout(parallel: number, modelBytes: number, given: {contexts?: number | undefined, threads?: number | undefined} = {},
    cores = os.availableParallelism(), poolSize = libuvPoolSize()): ServingLayout {
    const contexts = given.contexts ?? Math.max(1, parallel);
    const threads = given.threads ?? Math.min(chooseThreads(modelBytes, cores, poolSize), Math.max(1, Math.floor(cores / contexts)));
    return {contexts, sequences: Math.ceil(parallel / contexts), threads};
}
