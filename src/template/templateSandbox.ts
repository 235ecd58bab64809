import {MessageChannel, type MessagePort, receiveMessageOnPort, Worker} from "node:worker_threads";
import type {RenderJob, RenderReply} from "./templateWorker.js";

/** Limits of one rendering; a template past them is stopped (its worker thread ends) and reported. */
export type SandboxLimits = {timeMs: number, maxOutputChars: number, heapMb: number};

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {timeMs: 5_000, maxOutputChars: 4_000_000, heapMb: 512};

type SandboxWorker = {worker: Worker, port: MessagePort, signal: Int32Array, heapMb: number};

let current: SandboxWorker | undefined;

function start(heapMb: number): SandboxWorker {
    const {port1, port2} = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL("./templateWorker.js", import.meta.url), {
        workerData: {port: port2, signal},
        transferList: [port2],
        resourceLimits: {maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32},
        stdout: true,
        stderr: true
    });
    // The worker may not keep the process alive, and its death is noticed by the next rendering.
    worker.unref();
    port1.unref();
    worker.on("error", () => undefined);
    return {worker, port: port1, signal, heapMb};
}

function stop(sandbox: SandboxWorker): void {
    if (current === sandbox) current = undefined;
    sandbox.port.close();
    void sandbox.worker.terminate();
}

/**
 * Renders a Jinja chat template in a worker thread and waits for it synchronously: the template
 * sees only `context` (plus `raise_exception` and `strftime_now`), and one that runs past
 * `limits.timeMs`, fills the worker's heap or writes more than `limits.maxOutputChars` is stopped
 * and reported. The worker is kept for the next rendering (compiled templates are cached there).
 */
export function renderInSandbox(source: string, context: Record<string, unknown>, options: {now?: Date, limits?: Partial<SandboxLimits>} = {}): RenderReply {
    const limits = {...DEFAULT_SANDBOX_LIMITS, ...options.limits};
    if (current != null && current.heapMb !== limits.heapMb) stop(current);
    const sandbox = current ??= start(limits.heapMb);
    const job: RenderJob = {source, context, now: (options.now ?? new Date()).getTime(), maxOutputChars: limits.maxOutputChars};
    const before = Atomics.load(sandbox.signal, 0);
    try {
        sandbox.port.postMessage(job);
    } catch (error) {
        return {ok: false, code: "template_render", message: `the conversation cannot be passed to the template: ${(error as Error).message}`};
    }
    const deadline = Date.now() + limits.timeMs;
    for (;;) {
        const reply = receiveMessageOnPort(sandbox.port);
        if (reply !== undefined) return reply.message as RenderReply;
        const left = deadline - Date.now();
        if (left <= 0) break;
        Atomics.wait(sandbox.signal, 0, before, left);
        if (Atomics.load(sandbox.signal, 0) !== before) {
            const late = receiveMessageOnPort(sandbox.port);
            if (late !== undefined) return late.message as RenderReply;
        }
    }
    stop(sandbox);
    return {ok: false, code: "template_limit", message: `rendering took longer than ${limits.timeMs} ms or ran out of its ${limits.heapMb} MiB heap, and was stopped`};
}
