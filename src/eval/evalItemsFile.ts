import {appendFileSync, existsSync, readFileSync, writeFileSync} from "node:fs";
import type {EvalItemRecord} from "./EvalItemRecord.js";
import {EvalRunError} from "./EvalRunError.js";

/**
 * Reads the records of `items.jsonl` (none when the file does not exist). A run killed while
 * writing leaves at most a partial last line: it is dropped and the file rewritten without it,
 * so that appending goes on cleanly. A bad line anywhere else is an {@link EvalRunError}.
 */
export function readEvalItemRecords(file: string): EvalItemRecord[] {
    if (!existsSync(file)) return [];
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    const records: EvalItemRecord[] = [];
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (line.trim() === "") continue;
        const record = parseRecord(line);
        if (record === undefined) {
            const isLast = lines.slice(i + 1).every((rest) => rest.trim() === "");
            if (isLast && !text.endsWith("\n")) {
                writeFileSync(file, lines.slice(0, i).filter((l) => l.trim() !== "").map((l) => `${l}\n`).join(""));
                return records;
            }
            throw new EvalRunError("eval_bad_items_file", `${file} line ${i + 1} is not an item record`, {file, line: i + 1});
        }
        records.push(record);
        kept++;
    }
    if (kept > 0 && !text.endsWith("\n")) appendFileSync(file, "\n");
    return records;
}

/** Appends one record as a line (written whole, so a kill leaves at most one partial line). */
export function appendEvalItemRecord(file: string, record: EvalItemRecord): void {
    appendFileSync(file, `${JSON.stringify(record)}\n`);
}

function parseRecord(line: string): EvalItemRecord | undefined {
    let value: unknown;
    try {
        value = JSON.parse(line);
    } catch {
        return undefined;
    }
    if (typeof value !== "object" || value === null) return undefined;
    const record = value as Partial<EvalItemRecord>;
    if (typeof record.id !== "string" || typeof record.category !== "string" || typeof record.correct !== "boolean" || !Array.isArray(record.rounds)) return undefined;
    return record as EvalItemRecord;
}
