import {readFileSync} from "node:fs";

/** Samples a process's resident memory (VmRSS of /proc/PID/status) every `everyMs` until stopped. */
export function rssSampler(pid: number, everyMs = 1000): {samples: {ms: number, bytes: number}[], stop: () => void} {
    const samples: {ms: number, bytes: number}[] = [];
    const started = performance.now();
    const sample = (): void => {
        try {
            const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
            if (Number.isFinite(kib) && kib > 0) samples.push({ms: Math.round(performance.now() - started), bytes: kib * 1024});
        } catch {
            // the process is gone
        }
    };
    sample();
    const timer = setInterval(sample, everyMs);
    return {samples, stop: () => {
        clearInterval(timer);
        sample();
    }};
}
