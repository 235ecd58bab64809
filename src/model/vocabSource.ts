import {spawn} from "node:child_process";
import {randomBytes} from "node:crypto";
import {createWriteStream} from "node:fs";
import {mkdir, open, rename, rm, stat} from "node:fs/promises";
import path from "node:path";
import {findNodeLlamaCppDir} from "./findNodeLlamaCppDir.js";
import {VocabSourceError} from "./VocabSourceError.js";

export interface VocabSourceOptions {
    /** Where extracted vocabularies are cached; default `$TOOLACE_CACHE/vocab`, else `node_modules/.cache/toolace-r/vocab`. */
    cacheDir?: string;
    /** The git bundle of llama.cpp's source; default node-llama-cpp's `llama/gitRelease.bundle`. */
    bundlePath?: string;
    /** The git executable; default `git` from PATH. */
    git?: string;
}

export interface ResolvedVocab {
    /** The vocabulary's name (`llama-spm`), or the file's base name for a path. */
    name: string;
    /** Absolute path of a GGUF file holding the vocabulary. */
    path: string;
    source: "file" | "bundle";
}

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const vocabEntry = /^models\/ggml-vocab-(.+)\.gguf$/;

/**
 * Finds a GGUF holding a tokenizer. A path (anything with a path separator, ending in `.gguf`, or
 * naming an existing file) is used as is. A NAME (`llama-spm`, `qwen2`, `llama-bpe`, `phi-3`...) is
 * `models/ggml-vocab-NAME.gguf` from the llama.cpp source that node-llama-cpp ships as a git bundle:
 * the bundle is fetched once into a bare cache repository and the file extracted with
 * `git cat-file`, both cached (keyed by the bundle's commit) so later calls only check a file.
 * Throws `VocabSourceError`.
 */
export async function resolveVocab(nameOrPath: string, options: VocabSourceOptions = {}): Promise<ResolvedVocab> {
    if (await isFile(nameOrPath)) return {name: path.basename(nameOrPath).replace(/\.gguf$/i, ""), path: path.resolve(nameOrPath), source: "file"};
    if (!namePattern.test(nameOrPath) || nameOrPath.toLowerCase().endsWith(".gguf")) {
        throw new VocabSourceError("vocab_not_found", `vocab file ${nameOrPath} does not exist`, {file: nameOrPath});
    }
    const name = nameOrPath;
    const bundle = await openBundle(options);
    const target = path.join(bundle.cacheDir, bundle.commit, `ggml-vocab-${name}.gguf`);
    if (await isFile(target)) return {name, path: target, source: "bundle"};

    const repo = await ensureRepository(bundle, options.git);
    const available = await listVocabNames(repo, bundle.commit, options.git);
    if (!available.includes(name)) {
        throw new VocabSourceError(
            "vocab_unknown",
            `unknown vocab "${name}": the llama.cpp bundle has ${available.join(", ")} (or pass a path to a GGUF file)`,
            {name, available}
        );
    }
    const temp = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
        await runGit(options.git, ["--git-dir", repo, "cat-file", "blob", `${bundle.commit}:models/ggml-vocab-${name}.gguf`], temp);
        await rename(temp, target);
    } finally {
        await rm(temp, {force: true});
    }
    return {name, path: target, source: "bundle"};
}

/** The vocabulary names available in the bundle (`models/ggml-vocab-NAME.gguf`), sorted. */
export async function listBundledVocabs(options: VocabSourceOptions = {}): Promise<string[]> {
    const bundle = await openBundle(options);
    return listVocabNames(await ensureRepository(bundle, options.git), bundle.commit, options.git);
}

interface Bundle {
    path: string;
    commit: string;
    cacheDir: string;
}

async function openBundle(options: VocabSourceOptions): Promise<Bundle> {
    const nodeModules = findNodeLlamaCppDir();
    const bundlePath = options.bundlePath ?? (nodeModules === undefined ? undefined : path.join(nodeModules, "llama", "gitRelease.bundle"));
    if (bundlePath === undefined || !await isFile(bundlePath)) {
        throw new VocabSourceError(
            "vocab_bundle_missing",
            `the llama.cpp source bundle of node-llama-cpp is missing${bundlePath === undefined ? "" : ` (${bundlePath})`}: reinstall node-llama-cpp, or pass a path to a GGUF vocab file`,
            {bundle: bundlePath ?? null}
        );
    }
    const cacheDir = options.cacheDir
        ?? (process.env.TOOLACE_CACHE ? path.join(process.env.TOOLACE_CACHE, "vocab") : undefined)
        ?? (nodeModules === undefined ? undefined : path.join(path.dirname(nodeModules), ".cache", "toolace-r", "vocab"));
    if (cacheDir === undefined) {
        throw new VocabSourceError("vocab_bundle_missing", "no cache folder for vocabularies: set TOOLACE_CACHE", {});
    }
    return {path: path.resolve(bundlePath), commit: await readBundleHead(bundlePath), cacheDir: path.resolve(cacheDir)};
}

/**
 * The commit a bundle's HEAD (or first ref) points at, read from the bundle's text header
 * (`# v2 git bundle`, optional `@capability` and `-prerequisite` lines, `<sha> <ref>` lines, blank line).
 */
async function readBundleHead(bundlePath: string): Promise<string> {
    const handle = await open(bundlePath, "r");
    let header: string;
    try {
        const buffer = Buffer.alloc(64 * 1024);
        const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
        header = buffer.subarray(0, bytesRead).toString("latin1");
    } finally {
        await handle.close();
    }
    const lines = header.split("\n");
    const refs: {sha: string, ref: string}[] = [];
    if (/^# v[23] git bundle$/.test(lines[0] ?? "")) {
        for (const line of lines.slice(1)) {
            if (line === "") break;
            const match = /^([0-9a-f]{40}|[0-9a-f]{64}) (.+)$/.exec(line);
            if (match !== null) refs.push({sha: match[1] as string, ref: match[2] as string});
        }
    }
    const head = refs.find((entry) => entry.ref === "HEAD") ?? refs[0];
    if (head === undefined) {
        throw new VocabSourceError("vocab_bundle_missing", `${bundlePath} is not a git bundle with a ref`, {bundle: bundlePath});
    }
    return head.sha;
}

/** A bare repository holding the bundle's commit: `<cache>/<commit>/repo.git`, created once. */
async function ensureRepository(bundle: Bundle, git: string | undefined): Promise<string> {
    const folder = path.join(bundle.cacheDir, bundle.commit);
    const repo = path.join(folder, "repo.git");
    if (await isFile(path.join(repo, "toolace-complete"))) return repo;
    await mkdir(folder, {recursive: true});
    const temp = `${repo}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
        await runGit(git, ["init", "--quiet", "--bare", temp]);
        await runGit(git, ["--git-dir", temp, "fetch", "--quiet", "--no-tags", bundle.path, `+${bundle.commit}:refs/heads/llama`]);
        await (await open(path.join(temp, "toolace-complete"), "w")).close();
        try {
            await rename(temp, repo);
        } catch {
            // Another process finished first (the folder exists and is complete) or left a broken one.
            if (await isFile(path.join(repo, "toolace-complete"))) return repo;
            await rm(repo, {recursive: true, force: true});
            await rename(temp, repo);
        }
    } finally {
        await rm(temp, {recursive: true, force: true});
    }
    return repo;
}

async function listVocabNames(repo: string, commit: string, git: string | undefined): Promise<string[]> {
    const listing = await runGit(git, ["--git-dir", repo, "ls-tree", "--name-only", commit, "models/"]);
    return listing.split("\n").flatMap((line) => {
        const match = vocabEntry.exec(line.trim());
        return match === null ? [] : [match[1] as string];
    }).sort();
}

/** Runs git with a clean environment; returns stdout, or streams it into `stdoutFile`. */
function runGit(git: string | undefined, args: string[], stdoutFile?: string): Promise<string> {
    const executable = git ?? "git";
    const env: NodeJS.ProcessEnv = {...process.env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C"};
    for (const variable of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"]) delete env[variable];
    return new Promise((resolve, reject) => {
        const child = spawn(executable, args, {env, stdio: ["ignore", "pipe", "pipe"]});
        let stdout = "";
        let stderr = "";
        const fileDone = stdoutFile === undefined ? Promise.resolve() : new Promise<void>((done, failed) => {
            const sink = createWriteStream(stdoutFile);
            sink.on("error", failed);
            sink.on("finish", done);
            child.stdout.pipe(sink);
        });
        if (stdoutFile === undefined) child.stdout.on("data", (chunk: Buffer) => { stdout += chunk.toString("utf8"); });
        child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString("utf8"); });
        child.on("error", (error: NodeJS.ErrnoException) => {
            if (error.code === "ENOENT") {
                reject(new VocabSourceError(
                    "git_missing",
                    `git (${executable}) was not found: it is needed to extract vocabularies from node-llama-cpp's llama.cpp bundle; install git, or pass a path to a GGUF vocab file`,
                    {git: executable}
                ));
            } else {
                reject(new VocabSourceError("vocab_git_failed", `cannot run ${executable}: ${error.message}`, {git: executable}, {cause: error}));
            }
        });
        child.on("close", (code) => {
            if (code !== 0) {
                reject(new VocabSourceError(
                    "vocab_git_failed",
                    `git ${args.filter((arg) => !arg.startsWith("/")).slice(0, 3).join(" ")} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`,
                    {args, stderr: stderr.trim(), exitCode: code}
                ));
                return;
            }
            fileDone.then(() => resolve(stdout), reject);
        });
    });
}

async function isFile(file: string): Promise<boolean> {
    try {
        return (await stat(file)).isFile();
    } catch {
        return false;
    }
}
