import {spawn} from "node:child_process";

/** The environment variable libuv reads, once, when its thread pool starts. */
export const THREAD_POOL_VARIABLE = "UV_THREADPOOL_SIZE";
/** Set in the relaunched child's environment. */
const RELAUNCHED_VARIABLE = "TOOLACE_R_RELAUNCHED";

/**
 * Runs this script again in a child Node process whose libuv pool has `size` threads, unless the
 * environment already sets the pool size (the child's does, and so may the user: theirs wins).
 * libuv sizes its pool when it first uses it, before any module of ours runs, so the size can only
 * be set from outside the process. Resolves to false when nothing was relaunched (go on running);
 * otherwise it never resolves: the process exits as the child does (same exit code, or the same
 * signal). The child shares the terminal, stdin, stdout and stderr; Ctrl-C reaches both
 * processes, so this one ignores SIGINT and lets the child decide, and SIGTERM/SIGHUP sent to this
 * process alone are passed on. If this process dies without a word (SIGKILL), the child notices its
 * IPC channel close and kills itself the same way (see exitWithLauncher).
 */
export function relaunchWithThreadPool(size: number, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
    if (env[THREAD_POOL_VARIABLE] !== undefined && env[THREAD_POOL_VARIABLE] !== "") return Promise.resolve(false);
    const script = process.argv[1];
    if (script === undefined) return Promise.resolve(false);
    const child = spawn(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: {...env, [THREAD_POOL_VARIABLE]: String(size), [RELAUNCHED_VARIABLE]: "1"}
    });
    const ignore = (): void => undefined;
    const forward = (signal: NodeJS.Signals) => (): void => {
        child.kill(signal);
    };
    const onTerm = forward("SIGTERM");
    const onHup = forward("SIGHUP");
    process.on("SIGINT", ignore);
    process.on("SIGTERM", onTerm);
    process.on("SIGHUP", onHup);
    return new Promise<boolean>(() => {
        child.on("error", (error) => {
            process.stderr.write(`toolace-r: could not start Node again with a thread pool of ${size} (${error.message}); set ${THREAD_POOL_VARIABLE} yourself to skip this step\n`);
            process.exit(1);
        });
        child.on("exit", (code, signal) => {
            process.off("SIGINT", ignore);
            process.off("SIGTERM", onTerm);
            process.off("SIGHUP", onHup);
            if (signal !== null) process.kill(process.pid, signal);
            else process.exit(code ?? 1);
        });
    });
}

/**
 * In a child started by relaunchWithThreadPool: dies (SIGKILL) as soon as the launcher is gone, so
 * that killing the launcher never leaves a model running; the IPC channel does not keep the child
 * alive. Does nothing in any other process.
 */
export function exitWithLauncher(): void {
    if (process.env[RELAUNCHED_VARIABLE] !== "1" || process.channel === undefined) return;
    process.channel.unref();
    process.on("disconnect", () => {
        process.kill(process.pid, "SIGKILL");
    });
}
