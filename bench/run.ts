/**
 * Runs one benchmark of bench/ by name:
 *   node dist/bench/run.js NAME [ARGS...]        (npm run bench -- NAME [ARGS...])
 * NAME is a file bench/NAME.ts (compiled to dist/bench/NAME.js) that runs when imported and reads
 * its own arguments from process.argv.slice(2) (e.g. --json); the dispatcher hands it ARGS there.
 * Shared code of the benchmarks lives in bench/support/. Without a name, or with an unknown one,
 * it lists the benchmarks.
 *
 * Benchmarks that decode run as the CLI's decoding commands do: in a Node process whose libuv pool
 * has one thread per decode in flight (`--contexts N` / `--parallel N`, else 1; 4 for `contexts`),
 * started again by relaunchWithThreadPool unless UV_THREADPOOL_SIZE is set. Training benchmarks
 * run as `train` does, with Node's default pool.
 */
import {readdirSync} from "node:fs";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {exitWithLauncher, relaunchWithThreadPool} from "../src/cli/relaunchWithThreadPool.js";
import {threadPoolSizeFor} from "../src/cli/threadPoolSizeFor.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const self = path.basename(fileURLToPath(import.meta.url));

/** Benchmark names: the compiled modules beside this one. */
function benchmarks(): string[] {
    return readdirSync(here, {withFileTypes: true})
        .filter((entry) => entry.isFile() && entry.name.endsWith(".js") && entry.name !== self)
        .map((entry) => entry.name.slice(0, -".js".length))
        .sort();
}

const [name, ...rest] = process.argv.slice(2);
const known = benchmarks();
if (name === undefined || name === "--help" || !known.includes(name)) {
    const problem = name === undefined || name === "--help" ? "" : `unknown benchmark "${name}". `;
    process.stderr.write(`${problem}usage: npm run bench -- NAME [--json] [options]\nbenchmarks: ${known.join(", ")}\n`);
    process.exit(name === undefined || name === "--help" ? 0 : 2);
}
/** Benchmarks that train rather than decode (run with Node's default pool, as the `train` command does). */
const TRAINING = new Set(["train", "trainSpeed", "lossCurve"]);
exitWithLauncher();
if (!TRAINING.has(name) && await relaunchWithThreadPool(threadPoolSizeFor(rest, name === "contexts" ? 4 : 1))) throw new Error("unreachable: the relaunched benchmark runs in a child process");
process.argv = [process.argv[0]!, path.join(here, `${name}.js`), ...rest];
await import(pathToFileURL(path.join(here, `${name}.js`)).href);
