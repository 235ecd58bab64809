/**
 * Builds llama.cpp's own programs (`llama-finetune`, `llama-server`, `llama-bench`) from the source
 * node-llama-cpp ships (node_modules/node-llama-cpp/llama/gitRelease.bundle), for the benchmarks to
 * compare with: git clone of the bundle, CMake configure (CPU only, shared libraries with
 * unversioned names), build of the named targets only. Each build is cached per commit, name and
 * options under node_modules/.cache/toolace-r/NAME (or $TOOLACE_CACHE/NAME); a lock folder keeps
 * two benchmark runs from building the same folder at once.
 */
import {spawn, spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {mkdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

export interface LlamaBuild {
    /** The executables, by target name. */
    binaries: Record<string, string>;
    /** Folder of the build's shared libraries (libllama.so, libggml*.so, libllama-common.so). */
    libraryDir: string;
    /** llama.cpp commit of the bundle. */
    commit: string;
    /** CMake definitions the build was configured with. */
    cmakeOptions: string[];
    /** Seconds the configure + build took (when it was built, possibly by an earlier run). */
    buildSeconds: number;
    /** Whether this call found the build in the cache. */
    cached: boolean;
}

/** CPU only, -march=native and OpenMP (llama.cpp's defaults), shared libraries named libX.so; examples (llama-finetune). */
export const finetuneCmakeOptions = [
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=ON",
    "-DCMAKE_PLATFORM_NO_VERSIONED_SONAME=ON",
    "-DLLAMA_BUILD_EXAMPLES=ON",
    "-DLLAMA_BUILD_COMMON=ON",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_TOOLS=OFF",
    "-DLLAMA_BUILD_SERVER=OFF",
    "-DLLAMA_BUILD_APP=OFF",
    "-DLLAMA_OPENSSL=OFF",
    "-DLLAMA_CURL=OFF",
    "-DGGML_CUDA=OFF",
    "-DGGML_VULKAN=OFF",
    "-DGGML_METAL=OFF",
    "-DGGML_NATIVE=ON"
];

/** The same, with llama.cpp's tools (llama-server, llama-bench) instead of the examples. */
export const toolsCmakeOptions = finetuneCmakeOptions.map((option) => option
    .replace("-DLLAMA_BUILD_EXAMPLES=ON", "-DLLAMA_BUILD_EXAMPLES=OFF")
    .replace("-DLLAMA_BUILD_TOOLS=OFF", "-DLLAMA_BUILD_TOOLS=ON")
    .replace("-DLLAMA_BUILD_SERVER=OFF", "-DLLAMA_BUILD_SERVER=ON"));

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The node-llama-cpp package folder (the one holding llama/gitRelease.bundle). */
function nodeLlamaCppDir(): string {
    const require = createRequire(path.join(repoRoot, "package.json"));
    let dir = path.dirname(require.resolve("node-llama-cpp"));
    while (path.dirname(dir) !== dir) {
        if (existsSync(path.join(dir, "llama", "gitRelease.bundle"))) return dir;
        dir = path.dirname(dir);
    }
    throw new Error("cannot find node-llama-cpp's llama/gitRelease.bundle");
}

/** The commit the bundle's HEAD names (from its text header). */
function bundleHead(bundle: string): string {
    const lines = readFileSync(bundle).subarray(0, 64 * 1024).toString("latin1").split("\n");
    if (!/^# v[23] git bundle$/.test(lines[0] ?? "")) throw new Error(`${bundle} is not a git bundle`);
    const refs: {sha: string, ref: string}[] = [];
    for (const line of lines.slice(1)) {
        if (line === "") break;
        const match = /^([0-9a-f]{40}|[0-9a-f]{64}) (.+)$/.exec(line);
        if (match !== null) refs.push({sha: match[1]!, ref: match[2]!});
    }
    const head = refs.find((entry) => entry.ref === "HEAD") ?? refs[0];
    if (head === undefined) throw new Error(`${bundle} has no ref`);
    return head.sha;
}

function run(command: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
    log(`$ ${command} ${args.join(" ")}`);
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {cwd, stdio: ["ignore", "pipe", "pipe"], env: {...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C"}});
        let tail = "";
        const keep = (chunk: Buffer): void => {
            tail = (tail + chunk.toString("utf8")).slice(-4000);
        };
        child.stdout.on("data", keep);
        child.stderr.on("data", keep);
        child.on("error", (error) => reject(new Error(`cannot run ${command}: ${error.message}`)));
        child.on("close", (code) => {
            if (code === 0) resolve();
            else reject(new Error(`${command} ${args.slice(0, 3).join(" ")} failed with exit code ${code}:\n${tail}`));
        });
    });
}

async function waitForLock(lock: string, done: string): Promise<void> {
    for (;;) {
        try {
            await mkdir(lock);
            return;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        if (existsSync(done)) return;
        const age = Date.now() - (await stat(lock).then((info) => info.mtimeMs, () => Date.now()));
        if (age > 60 * 60 * 1000) await rm(lock, {recursive: true, force: true}); // a build that died an hour ago
        await new Promise((resolve) => setTimeout(resolve, 2000));
    }
}

/** The cached llama-finetune build (bench train). */
export async function buildLlamaFinetune(options: {jobs?: number, log?: (line: string) => void} = {}): Promise<LlamaBuild & {binary: string}> {
    const build = await buildLlamaTargets({name: "llama-finetune", targets: ["llama-finetune"], cmakeOptions: finetuneCmakeOptions, ...options});
    return {...build, binary: build.binaries["llama-finetune"]!};
}

/** The cached llama-server and llama-bench build (bench peers, bench generation). */
export function buildLlamaTools(options: {jobs?: number, log?: (line: string) => void} = {}): Promise<LlamaBuild> {
    return buildLlamaTargets({name: "llama-tools", targets: ["llama-server", "llama-bench"], cmakeOptions: toolsCmakeOptions, ...options});
}

/**
 * The cached build of `targets` of node-llama-cpp's bundled llama.cpp, building it first when
 * needed (minutes: ggml, llama, llama-common and the targets). `log` receives progress lines.
 */
export async function buildLlamaTargets(options: {name: string, targets: string[], cmakeOptions: string[], jobs?: number, log?: (line: string) => void}): Promise<LlamaBuild> {
    const log = options.log ?? ((): void => undefined);
    const {name, targets, cmakeOptions} = options;
    const bundle = path.join(nodeLlamaCppDir(), "llama", "gitRelease.bundle");
    const commit = bundleHead(bundle);
    const cacheRoot = process.env.TOOLACE_CACHE !== undefined
        ? path.resolve(process.env.TOOLACE_CACHE)
        : path.join(repoRoot, "node_modules", ".cache", "toolace-r");
    const key = createHash("sha256").update(JSON.stringify([cmakeOptions, targets])).digest("hex").slice(0, 10);
    const dir = path.join(cacheRoot, name, `${commit.slice(0, 12)}-${key}`);
    const buildDir = path.join(dir, "build");
    const binaries = Object.fromEntries(targets.map((target) => [target, path.join(buildDir, "bin", target)]));
    const complete = (): boolean => existsSync(done) && Object.values(binaries).every((binary) => existsSync(binary));
    const done = path.join(dir, "complete.json");
    const result = async (cached: boolean): Promise<LlamaBuild> => {
        const record = JSON.parse(await readFile(done, "utf8")) as {buildSeconds: number};
        return {binaries, libraryDir: buildDir + "/bin", commit, cmakeOptions, buildSeconds: record.buildSeconds, cached};
    };
    if (complete()) return result(true);

    await mkdir(path.dirname(dir), {recursive: true});
    const lock = `${dir}.lock`;
    await waitForLock(lock, done);
    try {
        if (complete()) return result(true);
        await rm(dir, {recursive: true, force: true});
        await mkdir(dir, {recursive: true});
        const started = Date.now();
        const source = path.join(dir, "src");
        log(`building ${targets.join(", ")} of llama.cpp ${commit.slice(0, 12)} in ${dir}`);
        await run("git", ["clone", "--quiet", "--no-checkout", bundle, source], dir, log);
        await run("git", ["-c", "advice.detachedHead=false", "checkout", "--quiet", commit], source, log);
        const generator = spawnSync("ninja", ["--version"]).status === 0 ? ["-G", "Ninja"] : [];
        await run("cmake", ["-S", source, "-B", buildDir, ...generator, ...cmakeOptions], dir, log);
        const jobs = options.jobs ?? os.availableParallelism();
        await run("cmake", ["--build", buildDir, "--target", ...targets, "--parallel", String(jobs)], dir, log);
        for (const binary of Object.values(binaries)) if (!existsSync(binary)) throw new Error(`the build finished but ${binary} is missing`);
        const buildSeconds = (Date.now() - started) / 1000;
        await writeFile(done, `${JSON.stringify({commit, targets, buildSeconds, cmakeOptions, builtAt: new Date().toISOString()}, null, 1)}\n`);
        log(`${targets.join(", ")} built in ${buildSeconds.toFixed(0)} s`);
        return await result(false);
    } finally {
        await rm(lock, {recursive: true, force: true});
    }
}
