/**
 * Frees native memory held by JavaScript objects that are already unreachable.
 *
 * node-llama-cpp allocates native state per generation (a grammar evaluation state per turn, and
 * grammars evicted from the engine's cache) that is released only when V8 finalizes the wrapper
 * object, and V8 does not count that native memory: a long-running process (agent mode) could
 * grow by about 0.4 MB per request until a garbage collection happened to run, because the
 * JavaScript heap stays small. After each request the engine asks this class to check the
 * process's resident memory; when it has grown by more than `thresholdBytes` since the last
 * collection, it runs a full collection, which finalizes those objects and returns their memory.
 *
 * The collector comes from V8's `--expose-gc` flag, set at run time (`v8.setFlagsFromString`) and
 * read through a fresh context, so no command-line flag is needed. When that is unavailable the
 * reclaimer does nothing (`available` is false).
 */
import v8 from "node:v8";
import vm from "node:vm";

type Collect = () => void;

let cachedCollector: Collect | null | undefined;

function collector(): Collect | null {
    if (cachedCollector !== undefined) return cachedCollector;
    const existing = (globalThis as {gc?: unknown}).gc;
    if (typeof existing === "function") return cachedCollector = existing as Collect;
    try {
        v8.setFlagsFromString("--expose-gc");
        const collect: unknown = vm.runInNewContext("gc");
        cachedCollector = typeof collect === "function" ? collect as Collect : null;
    } catch {
        cachedCollector = null;
    }
    return cachedCollector;
}

export class NativeMemoryReclaimer {
    /** Full collections run so far. */
    public collections = 0;
    private baseline: number;

    /** `thresholdBytes`: resident-memory growth since the last collection that triggers the next one (default 2 MiB). */
    public constructor(private readonly thresholdBytes: number = 2 * 1024 * 1024) {
        if (!(thresholdBytes > 0)) throw new RangeError(`thresholdBytes must be positive, got ${thresholdBytes}`);
        this.baseline = process.memoryUsage.rss();
    }

    public get available(): boolean {
        return collector() !== null;
    }

    /** Collects when resident memory grew past the threshold; returns whether it collected. */
    public check(): boolean {
        const rss = process.memoryUsage.rss();
        if (rss - this.baseline <= this.thresholdBytes) {
            // Follow the level down too, so that growth is measured from the lowest recent level.
            if (rss < this.baseline) this.baseline = rss;
            return false;
        }
        const collect = collector();
        if (collect === null) return false;
        collect();
        this.collections++;
        this.baseline = process.memoryUsage.rss();
        return true;
    }
}
