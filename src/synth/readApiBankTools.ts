import {existsSync, readdirSync} from "node:fs";
import path from "node:path";
import type {JsonValue} from "../tools/JsonValue.js";
import {parsePythonLiteral} from "./parsePythonLiteral.js";
import {readJsonFile} from "./readJsonFile.js";
import type {SourceCandidate} from "./SourceCandidate.js";
import type {SourceRead} from "./SourceRead.js";

/** The API-Bank level-3 training dialogues, relative to the sources directory. */
export const apiBankDir = "api-bank-lv3";

const formats: Readonly<Record<string, string>> = {
    datetime: " Format: %Y-%m-%d %H:%M:%S.",
    date: " Format: %Y-%m-%d.",
    time: " Format: %H:%M:%S."
};

function isRecord(value: unknown): value is Record<string, JsonValue> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function candidate(api: Record<string, JsonValue>): SourceCandidate {
    const name = api.name ?? api.apiCode;
    const inputs = isRecord(api.input_parameters) ? api.input_parameters : isRecord(api.parameters) ? api.parameters : {};
    const properties: Record<string, JsonValue> = {};
    for (const [param, spec] of Object.entries(inputs)) {
        if (!isRecord(spec)) {
            properties[param] = {type: "str"};
            continue;
        }
        const type = typeof spec.type === "string" ? spec.type : "str";
        const note = formats[type.toLowerCase()] ?? "";
        properties[param] = {type, description: `${typeof spec.description === "string" ? spec.description : ""}${note}`.trim()};
    }
    return {
        source: "api-bank",
        name,
        description: api.description,
        parameters: {type: "object", properties, required: Object.keys(properties)}
    };
}

/**
 * Tool candidates from API-Bank level-3 training dialogues (`*.json` under `api-bank-lv3/`):
 * the API descriptions the dialogues show, both the JSON `{"apiCode": ...}` lines and the
 * Python-dict results of ToolSearcher (`->{'name': ..., 'input_parameters': {...}}`). Every
 * input parameter is required, as in API-Bank. Descriptions that do not parse count as problems.
 */
export function readApiBankTools(sourcesDir: string): SourceRead {
    const dir = path.join(sourcesDir, apiBankDir);
    const read: SourceRead = {files: [], candidates: [], problems: []};
    if (!existsSync(dir)) return read;
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
        const data = readJsonFile(path.join(dir, file));
        read.files.push(`${apiBankDir}/${file}`);
        if (!Array.isArray(data)) {
            read.problems.push("not an array of samples");
            continue;
        }
        for (const sample of data) {
            const input = (sample as {input?: unknown}).input;
            if (typeof input !== "string") continue;
            for (const line of input.split("\n")) {
                if (!line.startsWith("{\"apiCode\"")) continue;
                try {
                    const api = JSON.parse(line) as unknown;
                    if (isRecord(api)) read.candidates.push(candidate(api));
                } catch {
                    read.problems.push("API description line is not JSON");
                }
            }
            for (let at = input.indexOf("->{'name'"); at >= 0; at = input.indexOf("->{'name'", at + 2)) {
                const parsed = parsePythonLiteral(input, at + 2);
                if (parsed === undefined || !isRecord(parsed.value)) read.problems.push("API description is not a Python dict");
                else read.candidates.push(candidate(parsed.value));
            }
        }
    }
    return read;
}
