/**
 * Runs one benchmark of bench/ by name:
 *   node dist/bench/run.js NAME [ARGS...]        (npm run bench -- NAME [ARGS...])
 * NAME is a file bench/NAME.ts (compiled to dist/bench/NAME.js) that runs when imported and reads
 * its own arguments from process.argv.slice(2) (e.g. --json); the dispatcher hands it ARGS there.
 * Shared code of the benchmarks lives in bench/support/. Without a name, or with an unknown one,
 * it lists the benchmarks.
 */
import {readdirSync} from "node:fs";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

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
process.argv = [process.argv[0]!, path.join(here, `${name}.js`), ...rest];
await import(pathToFileURL(path.join(here, `${name}.js`)).href);
