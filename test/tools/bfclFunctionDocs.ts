/**
 * Test helper: the function docs of every BFCL question file in the shared BFCL data
 * (`$TOOLACE_SHARED/data/bfcl` or `../shared/data/bfcl`), deduplicated, or `undefined` (with a
 * printed notice) when the shared data is not there: register the tests with `withShared`.
 */
import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {sharedPath} from "../helpers/sharedData.js";

export interface BfclFunctionDoc {
    /** The file and question id the doc was first seen in, e.g. `BFCL_v4_simple_python.json:simple_python_0`. */
    origin: string;
    doc: Record<string, unknown>;
}

export function loadBfclFunctionDocs(suiteName: string): BfclFunctionDoc[] | undefined {
    const bfclDirectory = sharedPath(path.join("data", "bfcl"), suiteName);
    if (bfclDirectory === undefined) return undefined;
    const seen = new Set<string>();
    const docs: BfclFunctionDoc[] = [];
    for (const file of readdirSync(bfclDirectory).filter((name) => /^BFCL_v4_.*\.json$/.test(name)).sort()) {
        for (const line of readFileSync(path.join(bfclDirectory, file), "utf8").split("\n")) {
            if (line.trim() === "") continue;
            const entry = JSON.parse(line) as {id: string, function: Record<string, unknown>[]};
            for (const doc of entry.function) {
                const key = JSON.stringify(doc);
                if (seen.has(key)) continue;
                seen.add(key);
                docs.push({origin: `${file}:${entry.id}`, doc});
            }
        }
    }
    return docs;
}
