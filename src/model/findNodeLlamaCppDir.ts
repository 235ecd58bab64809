import path from "node:path";
import {fileURLToPath} from "node:url";

/** node_modules/node-llama-cpp, found from where the package resolves. */
export function findNodeLlamaCppDir(): string | undefined {
    let dir: string;
    try {
        dir = path.dirname(fileURLToPath(import.meta.resolve("node-llama-cpp")));
    } catch {
        return undefined;
    }
    while (path.dirname(dir) !== dir) {
        if (path.basename(dir) === "node-llama-cpp" && path.basename(path.dirname(dir)) === "node_modules") return dir;
        dir = path.dirname(dir);
    }
    return undefined;
}
