import {spawn} from "node:child_process";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {threadPoolSizeFor} from "../../src/cli/threadPoolSizeFor.js";

const probe = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../helpers/relaunchProbe.js");

type Probe = {pool: string | null, pid: number, ppid: number};
type Run = {code: number | null, signal: NodeJS.Signals | null, seen: Probe | undefined, launcherPid: number};

/** Starts the probe; `act` gets the launcher and what the running process printed once it printed it. */
function runProbe(mode: string, env: NodeJS.ProcessEnv, act?: (launcher: ReturnType<typeof spawn>, seen: Probe) => void): Promise<Run> {
    return new Promise((resolve, reject) => {
        const launcher = spawn(process.execPath, [probe, mode], {stdio: ["ignore", "pipe", "pipe"], env});
        let out = "";
        let seen: Probe | undefined;
        launcher.stdout!.on("data", (chunk: Buffer) => {
            out += chunk.toString("utf8");
            if (seen === undefined && out.includes("\n")) {
                seen = JSON.parse(out.slice(0, out.indexOf("\n"))) as Probe;
                act?.(launcher, seen);
            }
        });
        launcher.on("error", reject);
        launcher.on("close", (code, signal) => resolve({code, signal, seen, launcherPid: launcher.pid!}));
    });
}

function withoutPool(): NodeJS.ProcessEnv {
    const env = {...process.env};
    delete env.UV_THREADPOOL_SIZE;
    delete env.TOOLACE_R_RELAUNCHED;
    return env;
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (!alive(pid)) return true;
        await new Promise((r) => setTimeout(r, 25));
    }
    return !alive(pid);
}

const t = suite("relaunchWithThreadPool / threadPoolSizeFor");

t("threadPoolSizeFor: one thread per decode in flight (--contexts / --parallel), else the fallback", () => {
    assert.is(threadPoolSizeFor(["call", "--query", "x"]), 1);
    assert.is(threadPoolSizeFor(["eval", "bfcl", "--contexts", "2"]), 2);
    assert.is(threadPoolSizeFor(["eval", "bfcl", "--contexts=3"]), 3);
    assert.is(threadPoolSizeFor(["serve", "--parallel", "4", "--contexts", "2"]), 4);
    assert.is(threadPoolSizeFor(["bench"], 4), 4);
    // nonsense values are left to the command's own validation
    assert.is(threadPoolSizeFor(["call", "--contexts", "zero"]), 1);
    assert.is(threadPoolSizeFor(["call", "--contexts", "-2"]), 1);
    assert.is(threadPoolSizeFor(["call", "--", "--contexts", "5"]), 1);
});

t("the script runs again in a child whose pool has the size asked, and the launcher exits as it does", async () => {
    const run = await runProbe("exit7", withoutPool());
    assert.is(run.seen?.pool, "3");
    assert.is(run.seen?.ppid, run.launcherPid, "the probe ran in the launcher's child");
    assert.is.not(run.seen?.pid, run.launcherPid);
    assert.is(run.code, 7);
});

t("a pool size set by the user is kept: no relaunch", async () => {
    const run = await runProbe("", {...withoutPool(), UV_THREADPOOL_SIZE: "2"});
    assert.is(run.seen?.pool, "2");
    assert.is(run.seen?.pid, run.launcherPid);
    assert.is(run.code, 0);
});

t("a child ended by a signal ends the launcher by the same signal", async () => {
    const run = await runProbe("signal", withoutPool());
    assert.is(run.signal, "SIGTERM");
});

t("SIGTERM to the launcher alone reaches the child; SIGINT alone is left to the child", async () => {
    let child = 0;
    let survivedInterrupt = false;
    const run = await runProbe("wait", withoutPool(), (launcher, seen) => {
        child = seen.pid;
        launcher.kill("SIGINT");
        setTimeout(() => {
            survivedInterrupt = alive(seen.pid) && launcher.exitCode === null && launcher.signalCode === null;
            launcher.kill("SIGTERM");
        }, 300);
    });
    assert.ok(survivedInterrupt, "SIGINT to the launcher alone stops nothing");
    assert.is(run.signal, "SIGTERM");
    assert.ok(await waitUntilGone(child, 2000), "the child is gone");
});

t("a launcher killed with SIGKILL takes its child with it", async () => {
    let child = 0;
    const run = await runProbe("wait", withoutPool(), (launcher, seen) => {
        child = seen.pid;
        launcher.kill("SIGKILL");
    });
    assert.is(run.signal, "SIGKILL");
    assert.ok(await waitUntilGone(child, 3000), "the orphaned child killed itself");
});

t.run();
