import {readFileSync} from "node:fs";

/**
 * Peak resident memory in bytes: of this process (getrusage's maxRSS), or of process `pid` so far
 * (VmHWM of /proc/PID/status, Linux). Undefined when the figure cannot be read (the process is
 * gone, or no /proc).
 */
export function peakRssBytes(pid?: number, readStatus: (pid: number) => string = (id) => readFileSync(`/proc/${id}/status`, "utf8")): number | undefined {
    if (pid === undefined) return process.resourceUsage().maxRSS * 1024;
    try {
        const kib = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(readStatus(pid))?.[1]);
        return Number.isFinite(kib) && kib > 0 ? kib * 1024 : undefined;
    } catch {
        return undefined;
    }
}
