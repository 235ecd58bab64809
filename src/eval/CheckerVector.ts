import {existsSync, readFileSync} from "node:fs";
import {BfclDataError} from "./BfclDataError.js";
import {LosslessJsonError} from "./LosslessJsonError.js";
import {parseLosslessJson} from "./parseLosslessJson.js";
import {type PyDict, type PyValue, pyTypeOf} from "./PyValue.js";

/** One row of `golden_checker_vectors.jsonl`: a decoded output and BFCL's verdict on it. */
export interface CheckerVector {
    readonly id: string;
    readonly category: string;
    readonly variant: string;
    readonly underscoreToDot: boolean;
    readonly decoded: PyValue;
    readonly valid: boolean;
    readonly errorType: string | null;
}

/** Parses the JSON Lines text of a checker-vector file; throws {@link BfclDataError} with the line. */
export function parseCheckerVectors(text: string, file = "<vectors>"): CheckerVector[] {
    const vectors: CheckerVector[] = [];
    text.split("\n").forEach((line, i) => {
        if (line.trim() === "") return;
        const where = {file, line: i + 1};
        let value: PyValue;
        try {
            value = parseLosslessJson(line);
        } catch (error) {
            if (error instanceof LosslessJsonError) throw new BfclDataError("bfcl_bad_json", `${file} line ${i + 1}: ${error.message}`, where, {cause: error});
            throw error;
        }
        const row = pyTypeOf(value) === "dict" ? value as PyDict : undefined;
        const id = row?.get("id");
        const category = row?.get("category");
        const variant = row?.get("variant");
        const underscoreToDot = row?.get("underscore_to_dot");
        const decoded = row?.get("decoded");
        const valid = row?.get("valid");
        const errorType = row?.get("error_type");
        if (typeof id !== "string" || typeof category !== "string" || typeof variant !== "string" || typeof underscoreToDot !== "boolean"
            || decoded === undefined || typeof valid !== "boolean" || (errorType !== null && typeof errorType !== "string")) {
            throw new BfclDataError("bfcl_bad_entry", `${file} line ${i + 1} is not a checker vector {id, category, variant, underscore_to_dot, decoded, valid, error_type}`, where);
        }
        vectors.push({id, category, variant, underscoreToDot, decoded, valid, errorType: errorType ?? null});
    });
    return vectors;
}

/** Reads and parses a checker-vector file; a missing file is a {@link BfclDataError} (`bfcl_missing_file`). */
export function loadCheckerVectors(file: string): CheckerVector[] {
    if (!existsSync(file)) throw new BfclDataError("bfcl_missing_file", `checker vector file ${file} does not exist`, {file});
    return parseCheckerVectors(readFileSync(file, "utf8"), file);
}
