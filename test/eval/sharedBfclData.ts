import path from "node:path";
import {sharedPath} from "../helpers/sharedData.js";

/**
 * The BFCL data folder the suites read (`$TOOLACE_SHARED/data/bfcl` or `../shared/data/bfcl`), or
 * undefined with a printed notice when this checkout has none: register the tests that need it
 * with `withShared` (a failure under CI, a visible skip elsewhere).
 */
export function sharedBfclData(suiteName: string): string | undefined {
    const golden = sharedPath(path.join("data", "bfcl", "golden_checker_vectors.jsonl"), suiteName);
    return golden === undefined ? undefined : path.dirname(golden);
}
