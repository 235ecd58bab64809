/**
 * Runs every uvu suite under dist/test (files ending in `.test.js`) in one process and ends
 * with the line `N passed, N failed, N skipped`. A suite file that fails to import counts as one
 * failure. Pass substrings as arguments to run only the matching suite files.
 */
import {readdirSync, statSync} from "node:fs";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

function findSuites(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir).sort()) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) out.push(...findSuites(full));
        else if (name.endsWith(".test.js")) out.push(full);
    }
    return out;
}

const filters = process.argv.slice(2);
const suites = findSuites(here).filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));

// uvu prints "Total / Passed / Skipped" itself; capture them to print the closing line.
let captured = "";
const originalWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    captured += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (captured.length > 100_000) captured = captured.slice(-10_000);
    return (originalWrite as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;

const g = globalThis as unknown as {UVU_DEFER: number, UVU_QUEUE: unknown[][], UVU_INDEX: number};
g.UVU_DEFER = 1;
const uvu = await import("uvu");
let importFailures = 0;
let index = 0;
for (const file of suites) {
    g.UVU_INDEX = index++;
    g.UVU_QUEUE.push([path.relative(here, file)]);
    try {
        await import(pathToFileURL(file).href);
    } catch (err) {
        importFailures++;
        console.error(`FAIL: could not load suite ${path.relative(here, file)}:`, err);
    }
}
await uvu.exec(false);

const plain = captured.replace(/\x1b\[[0-9;]*m/g, "");
const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const failed = total - passed + importFailures;
process.stdout.write = originalWrite;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
