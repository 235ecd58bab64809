import {existsSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {findNodeLlamaCppDir} from "../model/findNodeLlamaCppDir.js";
import {ToolaceError} from "../errors/ToolaceError.js";

/** The chat templates of the llama.cpp source node-llama-cpp ships (`models/templates`, extracted by the install), if present. */
export function bundledTemplatesDir(): string | undefined {
    const nodeLlamaCpp = findNodeLlamaCppDir();
    const dir = nodeLlamaCpp === undefined ? undefined : path.join(nodeLlamaCpp, "llama", "llama.cpp", "models", "templates");
    return dir !== undefined && existsSync(dir) ? dir : undefined;
}

/** The bundled template files, sorted. */
export function listBundledTemplates(): string[] {
    const dir = bundledTemplatesDir();
    return dir === undefined ? [] : readdirSync(dir).filter((name) => name.endsWith(".jinja")).sort();
}

export function readBundledTemplate(name: string): {source: string, path: string} {
    const dir = bundledTemplatesDir();
    if (dir === undefined)
        throw new ToolaceError("template_missing", "llama.cpp's chat templates are not installed (node-llama-cpp's llama.cpp source is extracted by `npm install`)");
    const file = path.join(dir, name);
    return {source: readFileSync(file, "utf8"), path: file};
}

/**
 * The bundled template for a model architecture whose GGUF carries no chat template, where the
 * architecture's turn layout is certain: Gemma's `<start_of_turn>` turns (Gemma 2's template; Gemma
 * 3 lays turns out the same way and puts a system prompt at the head of the first user turn, as
 * toolace-r does for templates without a system role).
 */
export function bundledTemplateForArchitecture(architecture: string | undefined): string | undefined {
    return architecture !== undefined && /^gemma[23]?n?$/.test(architecture) ? "google-gemma-2-2b-it.jinja" : undefined;
}
