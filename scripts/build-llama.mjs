#!/usr/bin/env node
/**
 * Builds llama.cpp locally, offline, from the git bundle node-llama-cpp ships
 * (`node-llama-cpp source download --skipBuild` clones the bundle, our patches are applied, then
 * `node-llama-cpp source build` compiles it for this CPU: -march=native, OpenMP). node-llama-cpp then loads this build instead of its prebuilt binaries,
 * and so does the native trainer (it uses the libllama node-llama-cpp loaded).
 *
 * Why it is part of `npm install`: training is the slowest thing toolace-r does, and the local build
 * trains faster than the prebuilt CPU binaries on the same model and data (measured by
 * `npm run bench -- train --json`, see docs/training.md). It costs about 3 minutes once (more on a
 * busy machine) and needs cmake and a C++ compiler; when it cannot be built, the install goes on
 * with the prebuilt binaries, which work the same, only slower to train.
 *
 * It applies our llama.cpp patches (native/patches) to the source before compiling: with them the
 * trainer's gradient reaches attn_k, attn_v and token_embd, which stock llama.cpp leaves frozen
 * (docs/training.md). The prebuilt binaries lack them; the trainer names the frozen tensors.
 *
 * Skipped when a local build with the current patches already exists, or with TOOLACE_LLAMA_BUILD=prebuilt.
 * CPU only (`--gpu false`): a GPU build is left to node-llama-cpp's prebuilt binaries, which it picks
 * when a GPU is present (a CPU local build does not shadow them).
 */
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
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

/** Our llama.cpp patches (native/patches/*.diff, applied in name order) and their digest. */
function readPatches() {
    const dir = path.join(root, "native", "patches");
    const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".diff")).sort() : [];
    const hash = createHash("sha256");
    for (const name of names) hash.update(name).update("\0").update(readFileSync(path.join(dir, name))).update("\0");
    return {dir, names, digest: hash.digest("hex")};
}

function readStamp(file) {
    try {
        return JSON.parse(readFileSync(file, "utf8"));
    } catch {
        return undefined;
    }
}

function run(args, cwd) {
    const result = spawnSync(args[0], args.slice(1), {cwd, stdio: ["ignore", "inherit", "inherit"]});
    return result.status === 0 ? undefined : (result.error?.message ?? `exit ${result.status ?? result.signal}`);
}

function main() {
    if (process.env.TOOLACE_LLAMA_BUILD === "prebuilt") {
        say("TOOLACE_LLAMA_BUILD=prebuilt: using node-llama-cpp's prebuilt llama.cpp binaries");
        return 0;
    }
    const packageDir = findPackageDir();
    const llamaDir = path.join(packageDir, "llama");
    const patches = readPatches();
    // Which patches the local build has: a build without them (or with older ones) is rebuilt.
    const stampFile = path.join(llamaDir, "toolace-r-build.json");
    const stamp = readStamp(stampFile);
    if (existsSync(path.join(llamaDir, "localBuilds")) && existsSync(path.join(llamaDir, "lastBuild.json")) && stamp?.digest === patches.digest) {
        say(`a local llama.cpp build with our patches exists already (${patches.names.join(", ") || "none"})`);
        return 0;
    }
    if (!existsSync(path.join(llamaDir, "gitRelease.bundle"))) {
        say("node-llama-cpp ships no llama.cpp bundle here: using its prebuilt binaries");
        return 0;
    }
    const cli = path.join(packageDir, "dist", "cli", "cli.js");
    const onFailure = process.env.npm_lifecycle_event === "install" ? 0 : 1;
    say("building llama.cpp for this CPU from node-llama-cpp's bundled source (offline, about 3 minutes; TOOLACE_LLAMA_BUILD=prebuilt skips)");
    const started = Date.now();
    const seconds = () => Math.round((Date.now() - started) / 1000);

    // 1. The source, from the bundle (node-llama-cpp applies its own patches).
    const downloadFailure = run([process.execPath, cli, "source", "download", "--skipBuild", "--noUsageExample"], root);
    if (downloadFailure !== undefined) {
        say(`could not extract llama.cpp from the bundle (${downloadFailure}); using the prebuilt binaries (training is slower)`);
        return onFailure;
    }
    // 2. Our patches. One that does not apply leaves the source as it is: the build still works,
    //    only attn_k, attn_v and token_embd then get no gradient in training (the trainer says so).
    const source = path.join(llamaDir, "llama.cpp");
    const applied = [];
    for (const name of patches.names) {
        const failure = run(["git", "apply", "--whitespace=nowarn", path.join(patches.dir, name)], source);
        if (failure === undefined) applied.push(name);
        else say(`warning: the llama.cpp patch ${name} does not apply (${failure}); building without it`);
    }
    // 3. The build.
    const buildFailure = run([process.execPath, cli, "source", "build", "--gpu", "false", "--noUsageExample"], root);
    if (buildFailure !== undefined) {
        say(`the local llama.cpp build failed after ${seconds()} s (${buildFailure}); ` +
            "everything works with the prebuilt binaries, training is slower. Retry: node scripts/build-llama.mjs");
        return onFailure;
    }
    writeFileSync(stampFile, `${JSON.stringify({digest: applied.length === patches.names.length ? patches.digest : "partial", applied, builtAt: new Date().toISOString()}, null, 2)}\n`);
    say(`local llama.cpp build done in ${seconds()} s (patches: ${applied.join(", ") || "none"})`);
    return 0;
}

try {
    process.exitCode = main();
} catch (error) {
    say(`the local llama.cpp build was not attempted: ${error instanceof Error ? error.message : String(error)}; using the prebuilt binaries`);
    process.exitCode = process.env.npm_lifecycle_event === "install" ? 0 : 1;
}
