import path from "node:path";
import {fileURLToPath} from "node:url";

/**
 * Where the BFCL data lives: an explicit folder (`--data`) wins; else `$TOOLACE_SHARED/data/bfcl`;
 * else `../shared/data/bfcl` next to this package's root.
 */
export function resolveBfclDataDir(explicit?: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
    if (explicit !== undefined && explicit !== "") return path.resolve(explicit);
    const shared = env.TOOLACE_SHARED;
    if (shared !== undefined && shared !== "") return path.resolve(shared, "data", "bfcl");
    return path.join(packageRoot(), "..", "shared", "data", "bfcl");
}

/** The folder holding package.json (this file is `<root>/dist/src/eval/` once built). */
function packageRoot(): string {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
}
