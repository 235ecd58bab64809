import {spawn} from "node:child_process";
import path from "node:path";
import {fileURLToPath} from "node:url";

/** The compiled CLI entry (dist/src/cli/main.js). */
export const cliPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/cli/main.js");

/** Runs the compiled CLI with `args`, feeding `stdin` (and `env` over this process's environment), and collects its exit code and output. */
export function runCli(args: string[], stdin: string | Buffer = "", env: Record<string, string> = {}): Promise<{code: number | null, stdout: string, stderr: string}> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cliPath, ...args], {stdio: ["pipe", "pipe", "pipe"], env: {...process.env, ...env}});
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => stdout += d.toString("utf8"));
        child.stderr.on("data", (d: Buffer) => stderr += d.toString("utf8"));
        child.on("error", reject);
        child.on("close", (code) => resolve({code, stdout, stderr}));
        child.stdin.end(stdin);
    });
}
