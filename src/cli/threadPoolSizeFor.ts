/**
 * The size of libuv's thread pool a toolace-r process should run with, from its command line.
 *
 * node-llama-cpp runs every decode and every sampling step as a task on libuv's pool. With more
 * pool threads than decodes in flight, consecutive steps of one sequence land on different pool
 * threads, and generation on two compute threads runs at 0.47–0.55× llama.cpp's own speed instead of
 * 0.85–0.87× with a pool of one thread (`npm run bench -- generation`, docs/real-models.md). So the
 * pool gets one thread per decode that may run at once: `--contexts N` (each context decodes on its
 * own thread) or `--parallel N`, else `fallback`.
 */
export function threadPoolSizeFor(argv: readonly string[], fallback = 1): number {
    let size: number | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === "--") break;
        const match = /^--(contexts|parallel)(?:=(.*))?$/.exec(arg);
        if (match === null) continue;
        const value = Number(match[2] ?? argv[i + 1]);
        if (Number.isSafeInteger(value) && value >= 1) size = Math.max(size ?? 1, value);
    }
    return Math.min(1024, Math.max(1, size ?? fallback));
}
