import {open, rename} from "node:fs/promises";

/** Flushes a finished file to disk, then renames it into place: the target never names a half-written file. */
export async function renameSynced(temp: string, target: string): Promise<void> {
    const handle = await open(temp, "r");
    try {
        await handle.sync();
    } finally {
        await handle.close();
    }
    await rename(temp, target);
}
