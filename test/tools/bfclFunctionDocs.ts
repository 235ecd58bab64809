/**
 * Test helper: the function docs of every BFCL question file in `../shared/data/bfcl` (relative
 * to the repository root), deduplicated, or `undefined` (with a printed notice) when the shared
 * data is not there.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";

export interface BfclFunctionDoc {
    /** The file and question id the doc was first seen in, e.g. `BFCL_v4_simple_python.json:simple_python_0`. */
    origin: string;
    doc: Record<string, unknown>;
}

/** `<repo>/../shared/data/bfcl`; this file runs from `<repo>/dist/test/tools/`. */
export const bfclDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/data/bfcl");

export function loadBfclFunctionDocs(): BfclFunctionDoc[] | undefined {
    if (!existsSync(bfclDirectory)) {
        console.log(`notice: ${bfclDirectory} not found; BFCL-based tool tests are skipped`);
        return undefined;
    }
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
