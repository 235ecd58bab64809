import {existsSync} from "node:fs";
import path from "node:path";
import {readJsonFile} from "./readJsonFile.js";
import type {SourceRead} from "./SourceRead.js";

/** ToolAlpaca's evaluation sets with function descriptions, relative to the sources directory. */
export const toolAlpacaFiles = ["toolalpaca/eval_real.json", "toolalpaca/eval_simulated.json"];

/** Splits `Required. Array[string]. One of: [a, b]. What it is.` into its parts. */
function parseParameter(text: string): {schema: Record<string, unknown>, required: boolean} {
    let rest = text.trim();
    const required = /^Required\.\s*/.test(rest);
    rest = rest.replace(/^(Required|Optional)\.\s*/, "");
    let typeName: string;
    if (/^Array\[/.test(rest)) {
        let depth = 0;
        let end = 0;
        for (; end < rest.length; end++) {
            if (rest[end] === "[" || rest[end] === "{") depth++;
            else if (rest[end] === "]" || rest[end] === "}") depth--;
            if (depth === 0 && rest[end] === "]") break;
        }
        typeName = rest.slice(0, end + 1);
        rest = rest.slice(end + 1);
    } else {
        const match = /^([A-Za-z]+)/.exec(rest);
        typeName = match?.[1] ?? "string";
        rest = rest.slice(typeName.length);
    }
    rest = rest.replace(/^\.\s*/, "");
    let values: string[] | undefined;
    const oneOf = /^One of: \[([^\]]*)\]\.?\s*/.exec(rest);
    if (oneOf !== null) {
        values = (oneOf[1] as string).split(",").map((value) => value.trim()).filter((value) => value !== "");
        rest = rest.slice(oneOf[0].length);
    }
    const inner = /^Array\[(.*)\]$/.exec(typeName);
    let schema: Record<string, unknown>;
    if (inner !== null) {
        const itemType = (inner[1] as string).trim();
        schema = {type: "array", items: /^Object/i.test(itemType) ? {type: "object"} : {type: itemType.toLowerCase()}};
    } else schema = {type: /^object$/i.test(typeName) ? "object" : typeName.toLowerCase()};
    if (values !== undefined && values.length > 0 && schema.type === "string") schema.enum = values;
    const description = rest.trim();
    if (description !== "") schema.description = description;
    return {schema, required};
}

/**
 * Tool candidates from ToolAlpaca's evaluation sets: each API's `Function_Description` entries
 * (`summary\nParameters: {json}\nOutput: ...`), parameters read from ToolAlpaca's
 * `"Required. type. One of: [...]. description"` strings. Entries that do not parse count as
 * problems; the `components` entry (output formats) is not a function.
 */
export function readToolAlpacaTools(sourcesDir: string): SourceRead {
    const read: SourceRead = {files: [], candidates: [], problems: []};
    for (const relative of toolAlpacaFiles) {
        const file = path.join(sourcesDir, relative);
        if (!existsSync(file)) continue;
        read.files.push(relative);
        const data = readJsonFile(file);
        if (!Array.isArray(data)) {
            read.problems.push("not an array of APIs");
            continue;
        }
        for (const api of data as Array<Record<string, unknown>>) {
            const functions = api.Function_Description;
            if (typeof functions !== "object" || functions === null) {
                read.problems.push("API without Function_Description");
                continue;
            }
            const category = typeof api.Category === "string" ? api.Category : "misc";
            for (const [name, text] of Object.entries(functions as Record<string, unknown>)) {
                if (name === "components") continue;
                const match = typeof text === "string" ? /^([\s\S]*?)(?:^|\n)Parameters: (\{[\s\S]*?\})(?:\nOutput|$)/.exec(text) : null;
                if (match === null) {
                    read.problems.push("function description without Parameters");
                    continue;
                }
                let raw: Record<string, unknown>;
                try {
                    raw = JSON.parse(match[2] as string) as Record<string, unknown>;
                } catch {
                    read.problems.push("Parameters are not JSON");
                    continue;
                }
                const properties: Record<string, unknown> = {};
                const required: string[] = [];
                for (const [param, description] of Object.entries(raw)) {
                    const parsed = parseParameter(String(description));
                    properties[param] = parsed.schema;
                    if (parsed.required) required.push(param);
                }
                read.candidates.push({
                    source: "toolalpaca",
                    name,
                    description: (match[1] as string).trim(),
                    parameters: {type: "object", properties, required},
                    domain: `toolalpaca:${category}`
                });
            }
        }
    }
    return read;
}
