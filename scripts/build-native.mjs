#!/usr/bin/env node
/**
 * Builds the native trainer addon (build/Release/toolace_trainer.node) with node-gyp, offline:
 *
 *  - the llama.cpp / ggml headers come from the git bundle node-llama-cpp ships
 *    (node_modules/node-llama-cpp/llama/gitRelease.bundle), extracted with plain git into
 *    node_modules/.cache/toolace-r/llama-headers/<commit> (or $TOOLACE_CACHE/llama-headers/<commit>);
 *  - node's own headers come from the running node's install prefix (--nodedir), so node-gyp
 *    downloads nothing;
 *  - node-gyp is npm's own copy (npm_config_node_gyp, set for lifecycle scripts), a node-gyp
 *    package if one is installed, or the copy bundled next to the npm CLI.
 *
 * The addon links no llama.cpp library: at run time it dlopen()s the libllama that node-llama-cpp
 * already loaded (see native/LlamaApi.cpp), so it needs rebuilding only when the headers change.
 *
 * Usage:
 *   node scripts/build-native.mjs            build (as the package `install` script: a failure only warns)
 *   node scripts/build-native.mjs --headers  extract the headers if needed and print the include folders
 *                                            (binding.gyp calls this)
 * Environment: TOOLACE_SKIP_NATIVE=1 skips the build; TOOLACE_NATIVE_STRICT=1 makes a failed build
 * fail the install.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {fileURLToPath} from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));
const addonFile = path.join(root, "build", "Release", "toolace_trainer.node");

class BuildError extends Error {}

function findNodeLlamaCppDir() {
    let dir;
    try {
        dir = path.dirname(require.resolve("node-llama-cpp"));
    } catch {
        throw new BuildError("node-llama-cpp is not installed");
    }
    while (path.dirname(dir) !== dir) {
        if (existsSync(path.join(dir, "llama", "gitRelease.bundle")) || path.basename(dir) === "node-llama-cpp") return dir;
        dir = path.dirname(dir);
    }
    throw new BuildError("cannot find the node-llama-cpp package folder");
}

function git(args, options = {}) {
    const env = {...process.env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C"};
    for (const variable of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"]) delete env[variable];
    const result = spawnSync("git", args, {env, encoding: options.binary ? "buffer" : "utf8", maxBuffer: 64 * 1024 * 1024});
    if (result.error) throw new BuildError(`cannot run git (${result.error.message}); git is needed to extract the llama.cpp headers`);
    if (result.status !== 0) throw new BuildError(`git ${args.slice(0, 3).join(" ")} failed: ${String(result.stderr).trim()}`);
    return result.stdout;
}

/** The commit of the bundle's HEAD, from its text header. */
function bundleHead(bundle) {
    const header = readFileSync(bundle).subarray(0, 64 * 1024).toString("latin1").split("\n");
    if (!/^# v[23] git bundle$/.test(header[0] ?? "")) throw new BuildError(`${bundle} is not a git bundle`);
    const refs = [];
    for (const line of header.slice(1)) {
        if (line === "") break;
        const match = /^([0-9a-f]{40}|[0-9a-f]{64}) (.+)$/.exec(line);
        if (match) refs.push({sha: match[1], ref: match[2]});
    }
    const head = refs.find((entry) => entry.ref === "HEAD") ?? refs[0];
    if (!head) throw new BuildError(`${bundle} has no ref`);
    return head.sha;
}

/** Extracts include/llama.h and ggml/include/*.h of the bundle's commit once; returns the folder. */
function ensureHeaders() {
    const nlc = findNodeLlamaCppDir();
    const bundle = path.join(nlc, "llama", "gitRelease.bundle");
    if (!existsSync(bundle)) throw new BuildError(`the llama.cpp source bundle is missing (${bundle})`);
    const commit = bundleHead(bundle);
    const cacheRoot = process.env.TOOLACE_CACHE
        ? path.resolve(process.env.TOOLACE_CACHE)
        : path.join(path.dirname(nlc), ".cache", "toolace-r");
    const target = path.join(cacheRoot, "llama-headers", commit);
    if (existsSync(path.join(target, "complete"))) return target;

    mkdirSync(path.dirname(target), {recursive: true});
    const suffix = `${process.pid}.${Date.now().toString(36)}.tmp`;
    const temp = `${target}.${suffix}`;
    // Reuse the bare repository the vocabulary extraction keeps, else fetch the bundle into a temporary one.
    const shared = path.join(cacheRoot, "vocab", commit, "repo.git");
    const ownRepo = `${target}.repo.${suffix}`;
    let repo = shared;
    let rev = commit;
    try {
        if (!existsSync(path.join(shared, "toolace-complete"))) {
            repo = ownRepo;
            git(["init", "--quiet", "--bare", repo]);
            git(["--git-dir", repo, "fetch", "--quiet", "--no-tags", bundle, `+${commit}:refs/heads/llama`]);
            rev = "refs/heads/llama";
        }
        const files = ["include/llama.h", ...git(["--git-dir", repo, "ls-tree", "--name-only", rev, "ggml/include/"])
            .split("\n").map((line) => line.trim()).filter((line) => line.endsWith(".h"))];
        if (!files.includes("ggml/include/ggml-opt.h")) throw new BuildError(`the bundle's commit ${commit} has no ggml/include/ggml-opt.h`);
        for (const file of files) {
            const out = path.join(temp, file);
            mkdirSync(path.dirname(out), {recursive: true});
            writeFileSync(out, git(["--git-dir", repo, "cat-file", "blob", `${rev}:${file}`], {binary: true}));
        }
        writeFileSync(path.join(temp, "complete"), `${commit}\n`);
        try {
            renameSync(temp, target);
        } catch (error) {
            if (!existsSync(path.join(target, "complete"))) throw error;
        }
    } finally {
        rmSync(temp, {recursive: true, force: true});
        rmSync(ownRepo, {recursive: true, force: true});
    }
    return target;
}

function findNodeGyp() {
    const candidates = [];
    if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
    try {
        candidates.push(require.resolve("node-gyp/bin/node-gyp.js"));
    } catch { /* not installed as a package */ }
    const prefix = path.resolve(path.dirname(process.execPath), "..");
    candidates.push(path.join(prefix, "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"));
    candidates.push(path.join(path.dirname(process.execPath), "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"));
    if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), "..", "node_modules", "node-gyp", "bin", "node-gyp.js"));
    const found = candidates.find((file) => existsSync(file));
    if (!found) throw new BuildError(`node-gyp was not found (looked at ${candidates.join(", ")})`);
    return found;
}

/** The node install prefix whose include/node has the headers of the running node, if any. */
function findNodeDir() {
    if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
    const prefix = path.resolve(path.dirname(process.execPath), "..");
    return existsSync(path.join(prefix, "include", "node", "node_api.h")) && existsSync(path.join(prefix, "include", "node", "common.gypi"))
        ? prefix
        : undefined;
}

/** Checks the addon references no llama/ggml symbol directly (they must all come through dlsym). */
function checkNoDirectLlamaSymbols() {
    const result = spawnSync("nm", ["-D", "--undefined-only", addonFile], {encoding: "utf8"});
    if (result.error || result.status !== 0) return; // nm is optional
    const direct = result.stdout.split("\n").map((line) => line.trim().split(/\s+/).pop() ?? "")
        .filter((symbol) => /^(llama_|ggml_|gguf_)/.test(symbol));
    if (direct.length > 0) throw new BuildError(`the addon links llama.cpp symbols directly (${direct.join(", ")}); use the LlamaApi table`);
}

function build() {
    if (process.platform !== "linux") {
        throw new BuildError(`the native trainer supports Linux only for now (this is ${process.platform})`);
    }
    ensureHeaders();
    const nodeGyp = findNodeGyp();
    const args = [nodeGyp, "rebuild", "--release", `--jobs=${process.env.JOBS ?? "max"}`];
    const nodedir = findNodeDir();
    if (nodedir) args.push(`--nodedir=${nodedir}`);
    console.log(`toolace-r: building the native trainer (node-gyp ${path.relative(root, nodeGyp).startsWith("..") ? nodeGyp : path.relative(root, nodeGyp)}${nodedir ? `, node headers from ${nodedir}` : ""})`);
    const result = spawnSync(process.execPath, args, {cwd: root, stdio: "inherit", env: process.env});
    if (result.error) throw new BuildError(`cannot run node-gyp: ${result.error.message}`);
    if (result.status !== 0) throw new BuildError(`node-gyp failed with exit code ${result.status}`);
    if (!existsSync(addonFile)) throw new BuildError(`node-gyp succeeded but ${addonFile} is missing`);
    checkNoDirectLlamaSymbols();
    console.log(`toolace-r: native trainer built: ${path.relative(root, addonFile)}`);
}

if (process.argv.includes("--headers")) {
    try {
        const dir = ensureHeaders();
        process.stdout.write(`${path.join(dir, "include")} ${path.join(dir, "ggml", "include")}\n`);
    } catch (error) {
        process.stderr.write(`toolace-r: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    }
} else if (process.env.TOOLACE_SKIP_NATIVE === "1") {
    console.log("toolace-r: TOOLACE_SKIP_NATIVE=1, not building the native trainer");
} else {
    try {
        build();
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const asInstallScript = process.env.npm_lifecycle_event === "install" && process.env.TOOLACE_NATIVE_STRICT !== "1";
        console.error(`toolace-r: the native trainer was not built: ${message}`);
        if (asInstallScript) {
            console.error("toolace-r: everything except training works; run `node scripts/build-native.mjs` to retry");
        } else {
            process.exitCode = 1;
        }
    }
}
