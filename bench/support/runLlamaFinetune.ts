/**
 * Runs llama.cpp's llama-finetune and times its optimizer steps from outside: the example prints a
 * progress line after every physical batch (`data=K/N` on stderr, unbuffered), so the parent
 * timestamps each step as its line arrives. Peak RSS comes from /proc/PID/status (VmHWM), polled.
 *
 * With `libraries`, the binary runs on another build's shared libraries (node-llama-cpp's prebuilt
 * or local build, the ones the trainer addon uses): a folder of symbolic links holds every library
 * of that build plus aliases under the names the binary was linked against (libllama.so for
 * libllama.v0.5.0.so...), it is put first on LD_LIBRARY_PATH (which wins over the binary's RUNPATH)
 * and used as the working directory, where ggml looks for dynamically loaded CPU backends.
 */
import {spawn, spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {mkdir, rm, symlink} from "node:fs/promises";
import path from "node:path";

export interface LlamaFinetuneRun {
    /** Optimizer steps (datapoints) of the epoch. */
    steps: number;
    /** Context positions per second over steps 2..N (the first step allocates the graphs). */
    tokensPerSecond: number;
    msPerStep: number;
    /** CPU time (user + system, every thread) per step over steps 2..N: robust to other load on the machine at 1 thread. */
    cpuMsPerStep: number;
    /** Milliseconds from the process start to the end of the first step (load, tokenization, first step). */
    firstStepMs: number;
    peakRssMiB: number;
    /** The ggml CPU backend it loaded, when its log says so. */
    cpuBackend?: string;
    /** The system_info line of its log. */
    systemInfo?: string;
    /** Folder of the shared libraries it ran on. */
    libraryDir: string;
    /** Final training loss of the epoch as printed. */
    loss?: number;
}

export interface LlamaFinetuneOptions {
    binary: string;
    model: string;
    textFile: string;
    outFile: string;
    contextSize: number;
    batchSize: number;
    threads: number;
    learningRate: number;
    /** llama-finetune's --poll (how much its threadpool busy-waits for work, 0-100); default: its own default (50). */
    poll?: number;
    /** Run on this folder's libraries instead of the binary's own. */
    libraries?: string;
    /** Where the folder of links for `libraries` is kept. */
    workDir: string;
}

/** The NEEDED entries of an ELF file (readelf), empty when readelf is missing. */
function neededLibraries(file: string): string[] {
    const result = spawnSync("readelf", ["-d", file], {encoding: "utf8"});
    if (result.status !== 0) return [];
    return [...result.stdout.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((match) => match[1]!);
}

/** A folder of links to `libraryDir`'s libraries, plus aliases for the unversioned names `binary` needs. */
async function linkLibraries(binary: string, libraryDir: string, workDir: string): Promise<string> {
    const key = createHash("sha256").update(`${binary}\n${path.resolve(libraryDir)}`).digest("hex").slice(0, 12);
    const dir = path.join(workDir, `libraries-${key}`);
    await rm(dir, {recursive: true, force: true});
    await mkdir(dir, {recursive: true});
    const files = readdirSync(libraryDir).filter((name) => /\.so(\.\d+)*$/.test(name));
    for (const name of files) await symlink(path.join(libraryDir, name), path.join(dir, name));
    const needed = [binary, ...files.map((name) => path.join(libraryDir, name))].flatMap(neededLibraries);
    for (const name of new Set(needed)) {
        if (files.includes(name) || !/^lib(llama|ggml)/.test(name)) continue;
        // libllama.so -> libllama.v0.5.0.so (node-llama-cpp's variant names); the versionless stem must match exactly.
        const stem = name.replace(/\.so(\.\d+)*$/, "");
        const match = files.find((file) => file.startsWith(`${stem}.`) && !file.startsWith(`${stem}-`));
        if (match !== undefined) await symlink(path.join(libraryDir, match), path.join(dir, name));
    }
    return dir;
}

const clockTicks = Number(spawnSync("getconf", ["CLK_TCK"], {encoding: "utf8"}).stdout.trim()) || 100;

/** CPU milliseconds (user + system) a process has used so far, from /proc/PID/stat. */
function cpuMs(pid: number): number | undefined {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
    } catch {
        return undefined;
    }
}

function peakRssKiB(pid: number): number | undefined {
    try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return match === null ? undefined : Number(match[1]);
    } catch {
        return undefined;
    }
}

/** Runs one epoch of llama-finetune over `textFile` (no validation split) and times its steps. */
export async function runLlamaFinetune(options: LlamaFinetuneOptions): Promise<LlamaFinetuneRun> {
    const libraryDir = options.libraries === undefined ? path.dirname(options.binary) : await linkLibraries(options.binary, options.libraries, options.workDir);
    const args = [
        "-m", options.model, "-f", options.textFile, "-o", options.outFile,
        "-c", String(options.contextSize), "-b", String(options.contextSize), "-ub", String(options.batchSize),
        "-t", String(options.threads), "-tb", String(options.threads),
        "-epochs", "1", "-val-split", "0", "-lr", String(options.learningRate), "-opt", "adamw",
        ...(options.poll !== undefined ? ["--poll", String(options.poll)] : [])
    ];
    const env = {...process.env};
    if (options.libraries !== undefined) env.LD_LIBRARY_PATH = [libraryDir, env.LD_LIBRARY_PATH].filter(Boolean).join(":");
    const started = performance.now();
    const child = spawn(options.binary, args, {cwd: libraryDir, env, stdio: ["ignore", "pipe", "pipe"]});
    const ubatchesPerStep = options.contextSize / options.batchSize;
    const stepTimes: number[] = [];
    const stepCpu: (number | undefined)[] = [];
    let total = 0;
    let log = "";
    let peak = 0;
    let loss: number | undefined;
    const poll = setInterval(() => {
        peak = Math.max(peak, child.pid === undefined ? 0 : peakRssKiB(child.pid) ?? 0);
    }, 100);
    child.stderr.setEncoding("utf8");
    child.stdout.setEncoding("utf8");
    let pending = "";
    child.stderr.on("data", (chunk: string) => {
        const now = performance.now();
        if (child.pid !== undefined) peak = Math.max(peak, peakRssKiB(child.pid) ?? 0);
        log = (log + chunk).slice(-200_000);
        pending += chunk;
        for (const match of pending.matchAll(/train: \[[^\]]*\] data=\s*(\d+)\/(\d+) loss=([\d.]+)/g)) {
            const done = Number(match[1]);
            total = Number(match[2]) / ubatchesPerStep;
            loss = Number(match[3]);
            if (done % ubatchesPerStep === 0 && stepTimes[done / ubatchesPerStep - 1] === undefined) {
                stepTimes[done / ubatchesPerStep - 1] = now;
                stepCpu[done / ubatchesPerStep - 1] = child.pid === undefined ? undefined : cpuMs(child.pid);
            }
        }
        pending = pending.slice(Math.max(0, pending.lastIndexOf("train: [")));
    });
    child.stdout.on("data", (chunk: string) => {
        log = (log + chunk).slice(-200_000);
    });
    const code = await new Promise<number | null>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", resolve);
    }).finally(() => clearInterval(poll));
    if (code !== 0) throw new Error(`llama-finetune exited with ${code}:\n${log.slice(-3000)}`);
    const steps = stepTimes.filter((time) => time !== undefined).length;
    if (steps < 2 || steps !== total) throw new Error(`llama-finetune reported ${steps} of ${total} steps; its log:\n${log.slice(-3000)}`);
    const span = stepTimes[steps - 1]! - stepTimes[0]!;
    const cpuSpan = (stepCpu[steps - 1] ?? Number.NaN) - (stepCpu[0] ?? Number.NaN);
    const cpuBackend = /loaded CPU backend from (\S+)/.exec(log)?.[1];
    const systemInfo = /system_info: (.*)/.exec(log)?.[1]?.trim();
    return {
        steps, tokensPerSecond: ((steps - 1) * options.contextSize) / (span / 1000), msPerStep: span / (steps - 1),
        cpuMsPerStep: cpuSpan / (steps - 1), firstStepMs: stepTimes[0]! - started, peakRssMiB: peak / 1024, libraryDir: options.libraries ?? libraryDir,
        ...(cpuBackend !== undefined ? {cpuBackend} : {}), ...(systemInfo !== undefined ? {systemInfo} : {}), ...(loss !== undefined ? {loss} : {})
    };
}
