import path from "node:path";
import {readJsonFile} from "./readJsonFile.js";
import type {SourceRead} from "./SourceRead.js";

/** The Glaive function-calling demo (LLaMA-Factory ShareGPT form), relative to the sources directory. */
export const glaiveFile = "llamafactory_glaive_toolcall_en_demo.json";

/**
 * Tool candidates from the Glaive demo: every conversation's `tools` (a JSON string holding an
 * array of `{name, description, parameters}`). A conversation whose tools do not parse counts
 * as one problem.
 */
export function readGlaiveTools(sourcesDir: string): SourceRead {
    const data = readJsonFile(path.join(sourcesDir, glaiveFile));
    const read: SourceRead = {files: [], candidates: [], problems: []};
    if (data === undefined) return read;
    read.files.push(glaiveFile);
    if (!Array.isArray(data)) {
        read.problems.push("not an array of conversations");
        return read;
    }
    for (const conversation of data) {
        const tools = (conversation as {tools?: unknown}).tools;
        let parsed: unknown;
        try {
            parsed = typeof tools === "string" ? JSON.parse(tools) : tools;
        } catch {
            read.problems.push("tools are not JSON");
            continue;
        }
        if (!Array.isArray(parsed)) {
            read.problems.push("tools are not an array");
            continue;
        }
        for (const tool of parsed) {
            const fields = (typeof tool === "object" && tool !== null ? tool : {}) as Record<string, unknown>;
            const inner = (fields.type === "function" && typeof fields.function === "object" && fields.function !== null ? fields.function : fields) as Record<string, unknown>;
            read.candidates.push({source: "glaive", name: inner.name, description: inner.description, parameters: inner.parameters, outerRequired: inner.required});
        }
    }
    return read;
}
