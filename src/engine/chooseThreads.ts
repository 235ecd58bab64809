import os from "node:os";

/**
 * Default evaluation threads for a model of `modelBytes`. Tiny models are latency-bound: a step of
 * the 7.2M-parameter default model costs about as much as node-llama-cpp's own work around it, and
 * a second thread buys nothing (1,287 vs 1,334 tokens/s with a pool of one libuv thread; 7× slower
 * with Node's default pool of four), so models under 32 MiB use one thread. Larger ones use every
 * core: SmolLM2-135M (98 MB) generates 117 tokens/s on 2 threads against 78 on one
 * (`UV_THREADPOOL_SIZE=1 npm run bench -- generation --model smollm2-135m-instruct --threads N`).
 */
export function chooseThreads(modelBytes: number, cores = os.availableParallelism()): number {
    return modelBytes < 32 * 1024 * 1024 ? 1 : Math.max(1, cores);
}
