#!/usr/bin/env node
/**
 * Builds llama.cpp locally, offline, from the git bundle node-llama-cpp ships
 * (`node-llama-cpp source download`, which clones the bundle and compiles it for this CPU:
 * -march=native, OpenMP). node-llama-cpp then loads this build instead of its prebuilt binaries,
 * and so does the native trainer (it uses the libllama node-llama-cpp loaded).
 *
 * Why it is part of `npm install`: training is the slowest thing toolace-r does, and the local build
 * trains faster than the prebuilt CPU binaries on the same model and data (measured by
 * `npm run bench -- train --json`, see docs/training.md). It costs about 3 minutes once (more on a
 * busy machine) and needs cmake and a C++ compiler; when it cannot be built, the install goes on
 * with the prebuilt binaries, which work the same, only slower to train.
 *
 * Skipped when a local build already exists, or with TOOLACE_LLAMA_BUILD=prebuilt.
 * CPU only (`--gpu false`): a GPU build is left to node-llama-cpp's prebuilt binaries, which it picks
 * when a GPU is present (a CPU local build does not shadow them).
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {fileURLToPath} from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));
const say = (line) => console.log(`toolace-r: ${line}`);

/** node-llama-cpp's package folder (its `exports` hide package.json from require.resolve). */
function findPackageDir() {
    let dir = path.dirname(require.resolve("node-llama-cpp"));
    while (path.basename(dir) !== "node-llama-cpp") {
        if (path.dirname(dir) === dir) throw new Error("cannot find the node-llama-cpp package folder");
        dir = path.dirname(dir);
    }
    return dir;
}

function main() {
    if (process.env.TOOLACE_LLAMA_BUILD === "prebuilt") {
        say("TOOLACE_LLAMA_BUILD=prebuilt: using node-llama-cpp's prebuilt llama.cpp binaries");
        return 0;
    }
    const packageDir = findPackageDir();
    const llamaDir = path.join(packageDir, "llama");
    if (existsSync(path.join(llamaDir, "localBuilds")) && existsSync(path.join(llamaDir, "lastBuild.json"))) {
        say("a local llama.cpp build exists already");
        return 0;
    }
    if (!existsSync(path.join(llamaDir, "gitRelease.bundle"))) {
        say("node-llama-cpp ships no llama.cpp bundle here: using its prebuilt binaries");
        return 0;
    }
    const cli = path.join(packageDir, "dist", "cli", "cli.js");
    say("building llama.cpp for this CPU from node-llama-cpp's bundled source (offline, about 3 minutes; TOOLACE_LLAMA_BUILD=prebuilt skips)");
    const started = Date.now();
    const result = spawnSync(process.execPath, [cli, "source", "download", "--gpu", "false", "--noUsageExample"], {
        cwd: root, stdio: ["ignore", "inherit", "inherit"]
    });
    const seconds = Math.round((Date.now() - started) / 1000);
    if (result.status !== 0) {
        say(`the local llama.cpp build failed after ${seconds} s (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); ` +
            "everything works with the prebuilt binaries, training is slower. Retry: node scripts/build-llama.mjs");
        return process.env.npm_lifecycle_event === "install" ? 0 : 1;
    }
    say(`local llama.cpp build done in ${seconds} s`);
    return 0;
}

try {
    process.exitCode = main();
} catch (error) {
    say(`the local llama.cpp build was not attempted: ${error instanceof Error ? error.message : String(error)}; using the prebuilt binaries`);
    process.exitCode = process.env.npm_lifecycle_event === "install" ? 0 : 1;
}
