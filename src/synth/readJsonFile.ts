import {existsSync, readFileSync} from "node:fs";

/** The parsed JSON of a file, `undefined` when the file does not exist (a parse error throws). */
export function readJsonFile(file: string): unknown {
    if (!existsSync(file)) return undefined;
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
}
