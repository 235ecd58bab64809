import {existsSync} from "node:fs";
import path from "node:path";
import {resolveBfclDataDir} from "../../src/eval/resolveBfclDataDir.js";

/**
 * The BFCL data folder the suites read (TOOLACE_SHARED or ../shared), or undefined with a printed
 * notice when this checkout has none: those suites then register their tests as skipped.
 */
export function sharedBfclData(suiteName: string): string | undefined {
    const dir = resolveBfclDataDir();
    if (existsSync(path.join(dir, "golden_checker_vectors.jsonl"))) return dir;
    console.log(`NOTICE: ${suiteName}: BFCL data not found at ${dir}; skipping the tests that need it (set TOOLACE_SHARED).`);
    return undefined;
}
