import os from "node:os";
import {chooseThreads, libuvPoolSize} from "../engine/chooseThreads.js";

export type ServingLayout = {contexts: number, sequences: number, threads: number};

/**
 * How `parallel` request slots are laid out: one context per core, up to `parallel`, each with its
 * share of the slots as context sequences, and the threads the model runs best on (chooseThreads)
 * within its share of the cores. Contexts decode side by side on separate cores, while the sequences
 * of one context only share its decodes: on the default model four sequences of one context answered
 * four concurrent requests no faster than one sequence answered them in turn, and two contexts of
 * two answered them 1.4× faster. `serve` runs with a libuv pool of one thread per context (see
 * threadPoolSizeFor), as generation slows down when pool threads outnumber decodes in flight.
 * `--contexts` and `--threads` override either choice.
 */
export function servingLayout(parallel: number, modelBytes: number, given: {contexts?: number | undefined, threads?: number | undefined} = {},
    cores = os.availableParallelism(), poolSize = libuvPoolSize()): ServingLayout {
    const contexts = given.contexts ?? Math.max(1, Math.min(parallel, cores));
    const threads = given.threads ?? Math.min(chooseThreads(modelBytes, cores, poolSize), Math.max(1, Math.floor(cores / contexts)));
    return {contexts, sequences: Math.ceil(parallel / contexts), threads};
}
