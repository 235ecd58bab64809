import os from "node:os";

/** libuv's thread pool size in this process (Node's default is 4). */
export function libuvPoolSize(env: NodeJS.ProcessEnv = process.env): number {
    const size = Number(env.UV_THREADPOOL_SIZE);
    return Number.isSafeInteger(size) && size >= 1 ? size : 4;
}

/**
 * Default evaluation threads for a model of `modelBytes`. Tiny models are latency-bound: a step of
 * the 7.2M-parameter default model costs about as much as node-llama-cpp's own work around it, and
 * a second thread buys nothing, so small models use one thread. How small depends on libuv's pool
 * (see threadPoolSizeFor): with a pool of one thread, as the CLI runs, SmolLM2-135M (98 MB)
 * generates 117 tokens/s on 2 threads against 78 on one, so every core is used from 32 MiB up; with
 * Node's default pool of four, steps hop between pool threads and a second thread gains nothing
 * there (80 vs 78), so only models of 128 MiB or more use every core
 * (`UV_THREADPOOL_SIZE=P npm run bench -- generation --model smollm2-135m-instruct --threads N`).
 */
export function chooseThreads(modelBytes: number, cores = os.availableParallelism(), poolSize = libuvPoolSize()): number {
    const threshold = (poolSize <= 1 ? 32 : 128) * 1024 * 1024;
    return modelBytes < threshold ? 1 : Math.max(1, cores);
}
