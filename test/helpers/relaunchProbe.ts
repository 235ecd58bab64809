/**
 * A script for test/cli/relaunchWithThreadPool.test.ts: relaunches itself with a pool of 3 threads,
 * then prints what the running process sees and acts as `process.argv[2]` says
 * (`exit7`, `wait`, `signal`, or nothing).
 */
import {exitWithLauncher, relaunchWithThreadPool} from "../../src/cli/relaunchWithThreadPool.js";

exitWithLauncher();
if (!await relaunchWithThreadPool(3)) {
    process.stdout.write(`${JSON.stringify({pool: process.env.UV_THREADPOOL_SIZE ?? null, pid: process.pid, ppid: process.ppid})}\n`);
    const mode = process.argv[2];
    if (mode === "exit7") process.exit(7);
    if (mode === "wait") setInterval(() => undefined, 1000);
    if (mode === "signal") process.kill(process.pid, "SIGTERM");
}
