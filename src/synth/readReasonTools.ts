import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import type {SourceRead} from "./SourceRead.js";

/** The tool-use-with-reasoning demo (JSON Lines), relative to the sources directory. */
export const reasonFile = "llamafactory_reason_tool_use_demo_50.jsonl";

/**
 * Tool candidates from the reasoning tool-use demo: each line's `tools` (a JSON string holding
 * OpenAI tools whose types are often Python-style: `str`, `int, optional`, `List[str]`). A line
 * that does not parse counts as one problem.
 */
export function readReasonTools(sourcesDir: string): SourceRead {
    const file = path.join(sourcesDir, reasonFile);
    const read: SourceRead = {files: [], candidates: [], problems: []};
    if (!existsSync(file)) return read;
    read.files.push(reasonFile);
    for (const line of readFileSync(file, "utf8").split("\n")) {
        if (line.trim() === "") continue;
        let tools: unknown;
        try {
            const record = JSON.parse(line) as {tools?: unknown};
            tools = typeof record.tools === "string" ? JSON.parse(record.tools) : record.tools;
        } catch {
            read.problems.push("line is not JSON");
            continue;
        }
        if (!Array.isArray(tools)) {
            read.problems.push("tools are not an array");
            continue;
        }
        for (const tool of tools) {
            const fields = (typeof tool === "object" && tool !== null ? tool : {}) as Record<string, unknown>;
            const inner = (typeof fields.function === "object" && fields.function !== null ? fields.function : fields) as Record<string, unknown>;
            read.candidates.push({source: "reason", name: inner.name, description: inner.description, parameters: inner.parameters, outerRequired: inner.required});
        }
    }
    return read;
}
