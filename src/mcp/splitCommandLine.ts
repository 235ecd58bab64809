import {parse} from "shell-quote";
import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * Splits a command line such as `npx -y @scope/server "/my dir"` into the program and its
 * arguments, with shell quoting rules (shell-quote) but no shell: pipes, redirections, globs and
 * `$VAR`s are refused, not run.
 */
export function splitCommandLine(line: string, what: string): {command: string, args: string[]} {
    const notPlain = (): never => {
        throw new ToolaceError("usage", `${what}: ${JSON.stringify(line)} is not a plain command line (no shell here: no pipes, redirections, globs, comments or $variables)`, {command: line});
    };
    const words: string[] = [];
    for (const entry of parse(line, notPlain)) {
        if (typeof entry !== "string") notPlain();
        words.push(entry as string);
    }
    const [command, ...args] = words;
    if (command === undefined || command === "") throw new ToolaceError("usage", `${what}: the command line is empty`, {command: line});
    return {command, args};
}
