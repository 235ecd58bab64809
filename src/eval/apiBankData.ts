import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import type {JsonValue} from "../tools/JsonValue.js";
import {ApiBankDataError} from "./ApiBankDataError.js";
import type {ApiBankApi, ApiBankCall, ApiBankItem, ApiBankTurn} from "./ApiBankItem.js";
import {parseApiBankCall} from "./parseApiBankCall.js";
import {pyToJsonValue} from "./pyToJsonValue.js";
import {tryPythonLiteral} from "./tryPythonLiteral.js";

/** The API-Bank levels this harness evaluates and their test files (API-call items). */
export const API_BANK_LEVEL_FILES: Readonly<Record<1 | 2, string>> = {1: "level-1-api.json", 2: "level-2-api.json"};

/**
 * Where the API-Bank data lives: an explicit folder (`--data`) wins; else
 * `$TOOLACE_SHARED/data/api-bank`; else `../shared/data/api-bank` next to this package's root.
 * The folder holds `test-data/`.
 */
export function resolveApiBankDataDir(explicit?: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
    if (explicit !== undefined && explicit !== "") return path.resolve(explicit);
    const shared = env.TOOLACE_SHARED;
    if (shared !== undefined && shared !== "") return path.resolve(shared, "data", "api-bank");
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared", "data", "api-bank");
}

interface RawItem {
    readonly file: string;
    readonly id: number | string;
    readonly instruction: string;
    readonly input: string;
    readonly expected_output: string;
}

/**
 * Loads the API-call items of API-Bank level 1 or 2 (`test-data/level-N-api.json`): per item the
 * dialogue before the call (user and AI turns, earlier API calls with their results), the APIs
 * offered and the expected call.
 * - Level 1 offers the APIs the instruction describes.
 * - Level 2's instruction describes only ToolSearcher; it offers ToolSearcher, every API that
 *   an earlier ToolSearcher call in the dialogue returned, and every API the dialogue already
 *   called (described as the level-1 and level-2 files describe it elsewhere).
 * Throws {@link ApiBankDataError} for a missing file or an item it cannot read.
 */
export function loadApiBankLevel(dataDir: string, level: 1 | 2): ApiBankItem[] {
    const raw = readItems(dataDir, level);
    const catalogue = level === 2 ? apiCatalogue(dataDir) : new Map<string, ApiBankApi>();
    return raw.map((item, index) => {
        const where = {file: API_BANK_LEVEL_FILES[level], index, dialogue: item.file, turn: item.id};
        const dialogue = parseDialogue(item.input, where);
        const given = instructionApis(item.instruction, where);
        const apis = new Map(given.map((api) => [api.name, api]));
        if (level === 2) {
            for (const turn of dialogue) {
                if (turn.role !== "api") continue;
                for (const api of turn.call.name === "ToolSearcher" ? searchResultApis(turn.result) : []) if (!apis.has(api.name)) apis.set(api.name, api);
                const used = catalogue.get(turn.call.name);
                if (used !== undefined && !apis.has(used.name)) apis.set(used.name, used);
            }
        }
        const expected = parseApiBankCall(item.expected_output);
        if (expected === undefined) throw new ApiBankDataError(`no [ApiName(...)] call in the expected output ${JSON.stringify(item.expected_output)}`, where);
        const dateNote = /The current year is \d{4}\./.exec(item.instruction)?.[0];
        const out: ApiBankItem = {
            id: `${item.file}#${item.id}`,
            category: `level-${level}`,
            dialogue,
            apis: [...apis.values()],
            expected,
            expectedOffered: apis.has(expected.name)
        };
        return dateNote === undefined ? out : {...out, dateNote};
    });
}

function readItems(dataDir: string, level: 1 | 2): RawItem[] {
    const file = path.join(dataDir, "test-data", API_BANK_LEVEL_FILES[level]);
    if (!existsSync(file)) throw new ApiBankDataError(`no API-Bank level-${level} file: ${file}`, {file});
    let value: unknown;
    try {
        value = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
        throw new ApiBankDataError(`${file} is not valid JSON: ${(error as Error).message}`, {file}, {cause: error});
    }
    if (!Array.isArray(value)) throw new ApiBankDataError(`${file} is not a JSON list of items`, {file});
    return value.map((item: unknown, index) => {
        const record = item as Partial<RawItem> | null;
        if (record === null || typeof record !== "object" || typeof record.file !== "string" || (typeof record.id !== "number" && typeof record.id !== "string")
            || typeof record.instruction !== "string" || typeof record.input !== "string" || typeof record.expected_output !== "string") {
            throw new ApiBankDataError(`${file} item ${index} lacks file, id, instruction, input or expected_output`, {file, index});
        }
        return record as RawItem;
    });
}

/** The APIs described after "API descriptions:" in an instruction, one JSON object per line. */
function instructionApis(instruction: string, where: Record<string, unknown>): ApiBankApi[] {
    const marker = "API descriptions:";
    const at = instruction.indexOf(marker);
    if (at < 0) return [];
    return instruction.slice(at + marker.length).split("\n").filter((line) => line.trim() !== "").map((line) => {
        let value: unknown;
        try {
            value = JSON.parse(line);
        } catch (error) {
            throw new ApiBankDataError(`an API description is not valid JSON: ${line.slice(0, 120)}`, where, {cause: error});
        }
        const api = toApi(value as JsonValue);
        if (api === undefined) throw new ApiBankDataError(`an API description lacks name or input_parameters: ${line.slice(0, 120)}`, where);
        return api;
    });
}

/** The APIs a ToolSearcher result (a Python dict or list of dicts) describes. */
function searchResultApis(result: string): ApiBankApi[] {
    const value = tryPythonLiteral(result);
    if (value === undefined) return [];
    const json = pyToJsonValue(value);
    const list = Array.isArray(json) ? json : [json];
    return list.flatMap((entry) => {
        const api = toApi(entry);
        return api === undefined ? [] : [api];
    });
}

function toApi(value: JsonValue): ApiBankApi | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const {name, description, input_parameters: inputs} = value;
    if (typeof name !== "string" || typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) return undefined;
    return {
        name,
        description: typeof description === "string" ? description : "",
        parameters: Object.entries(inputs).map(([param, spec]) => {
            const record = typeof spec === "object" && spec !== null && !Array.isArray(spec) ? spec : {};
            return {
                name: param,
                type: typeof record.type === "string" ? record.type : "str",
                description: typeof record.description === "string" ? record.description : ""
            };
        })
    };
}

/** Every API described in the level-1 and level-2 files (instructions and ToolSearcher results), by name. */
function apiCatalogue(dataDir: string): Map<string, ApiBankApi> {
    const catalogue = new Map<string, ApiBankApi>();
    for (const level of [1, 2] as const) {
        if (!existsSync(path.join(dataDir, "test-data", API_BANK_LEVEL_FILES[level]))) continue;
        for (const item of readItems(dataDir, level)) {
            const where = {file: API_BANK_LEVEL_FILES[level], dialogue: item.file, turn: item.id};
            for (const api of instructionApis(item.instruction, where)) if (!catalogue.has(api.name)) catalogue.set(api.name, api);
            for (const turn of parseDialogue(item.input, where)) {
                if (turn.role !== "api" || turn.call.name !== "ToolSearcher") continue;
                for (const api of searchResultApis(turn.result)) if (!catalogue.has(api.name)) catalogue.set(api.name, api);
            }
        }
    }
    return catalogue;
}

const API_REQUEST = "API-Request:";
const CLOSING = "Generate API Request:";

/**
 * The dialogue of an item's `input`: `User:` and `AI:` lines, `API-Request: [Call(...)]->result`
 * lines; the closing "Generate API Request:" is dropped; a line with no prefix continues the turn before it.
 */
function parseDialogue(input: string, where: Record<string, unknown>): ApiBankTurn[] {
    const turns: ApiBankTurn[] = [];
    for (const line of input.split("\n")) {
        if (line.trim() === "" || line.trim() === CLOSING) continue;
        if (line.startsWith("User:")) turns.push({role: "user", text: line.slice(5).trim()});
        else if (line.startsWith("AI:")) turns.push({role: "ai", text: line.slice(3).trim()});
        else if (line.startsWith(API_REQUEST)) turns.push(parseRequestLine(line.slice(API_REQUEST.length).trim(), where));
        else {
            const last = turns[turns.length - 1];
            if (last === undefined || last.role === "api") throw new ApiBankDataError(`a dialogue line has no role: ${line.slice(0, 120)}`, where);
            turns[turns.length - 1] = {role: last.role, text: `${last.text}\n${line}`};
        }
    }
    return turns;
}

function parseRequestLine(text: string, where: Record<string, unknown>): ApiBankTurn {
    const arrow = text.indexOf(")]->");
    const callText = arrow < 0 ? text : text.slice(0, arrow + 2);
    const call: ApiBankCall | undefined = parseApiBankCall(callText);
    if (call === undefined) throw new ApiBankDataError(`an API request in the dialogue is not [ApiName(...)]: ${text.slice(0, 120)}`, where);
    return {role: "api", call, result: arrow < 0 ? "" : text.slice(arrow + 4)};
}
