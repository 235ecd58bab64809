import {readFileSync} from "node:fs";
import {ToolaceError} from "../errors/ToolaceError.js";

/** A JSON file the user named (`-`: standard input), or a usage error saying what is wrong with it. */
export function readJsonFile(file: string, what: string): unknown {
    let text: string;
    try {
        text = readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (err) {
        throw new ToolaceError("usage", `cannot read the ${what} file ${file}: ${(err as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (err) {
        throw new ToolaceError("usage", `the ${what} file ${file} is not valid JSON: ${(err as Error).message}`);
    }
}
