import {spawn} from "node:child_process";
import path from "node:path";
import {PACKAGE_ROOT} from "../../src/engine/resolveModelPath.js";

export type ToolaceServerProcess = {base: string, pid: number, close: () => Promise<number | null>};

/** Starts `toolace-r serve --port 0` with `args` in its own process and waits for its "listening on" line. */
export async function startToolaceServer(args: readonly string[]): Promise<ToolaceServerProcess> {
    const cli = path.join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
    const child = spawn(process.execPath, [cli, "serve", "--port", "0", ...args], {stdio: ["ignore", "ignore", "pipe"]});
    let stderr = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const base = await new Promise<string>((resolve, reject) => {
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
            stderr = (stderr + chunk).slice(-8000);
            const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
            if (match) resolve(match[1]!);
        });
        void exited.then((code) => reject(new Error(`toolace-r serve exited (${code}) before listening:\n${stderr}`)));
    });
    return {
        base, pid: child.pid!,
        close: async () => {
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
            const code = await exited;
            clearTimeout(timer);
            return code;
        }
    };
}
