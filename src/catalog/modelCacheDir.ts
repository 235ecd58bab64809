import os from "node:os";
import path from "node:path";

/**
 * Where pulled models live: `$TOOLACE_MODELS_DIR`, else `$XDG_CACHE_HOME/toolace-r/models`, else
 * `~/.cache/toolace-r/models`. Outside the repository on purpose: pulled models are never committed.
 */
export function modelCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
    if (env.TOOLACE_MODELS_DIR != null && env.TOOLACE_MODELS_DIR !== "") return path.resolve(env.TOOLACE_MODELS_DIR);
    const cache = env.XDG_CACHE_HOME != null && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : path.join(os.homedir(), ".cache");
    return path.join(cache, "toolace-r", "models");
}
