import {closeSync, mkdirSync, openSync, writeFileSync, writeSync} from "node:fs";
import path from "node:path";
import {SynthError} from "./SynthError.js";
import {synthSplits} from "./SynthSplit.js";
import type {SynthResult} from "./synthesize.js";

/**
 * Writes `train.jsonl`, `dev.jsonl` and `test.jsonl` (one item per line) and `stats.json` into
 * `dir` (created if needed). The bytes depend only on the result: the same pool and seed give
 * identical files. Throws `SynthError` when the directory cannot be written.
 */
export function writeSynthOutput(dir: string, result: SynthResult): string[] {
    const written: string[] = [];
    try {
        mkdirSync(dir, {recursive: true});
        for (const split of synthSplits) {
            const file = path.join(dir, `${split}.jsonl`);
            const fd = openSync(file, "w");
            try {
                const items = result.items[split];
                for (let start = 0; start < items.length; start += 1000)
                    writeSync(fd, items.slice(start, start + 1000).map((item) => JSON.stringify(item) + "\n").join(""));
            } finally {
                closeSync(fd);
            }
            written.push(file);
        }
        const stats = path.join(dir, "stats.json");
        writeFileSync(stats, JSON.stringify(result.stats, null, 2) + "\n");
        written.push(stats);
    } catch (error) {
        throw new SynthError(`cannot write the output to ${dir}: ${(error as Error).message}`, {dir}, {cause: error});
    }
    return written;
}
