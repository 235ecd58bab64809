import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * Prints an error the way every command does (one line `toolace-r: message`, plus the error code)
 * and sets a non-zero exit code. `usage` marks argument errors found by yargs (exit code 2).
 */
export function reportCliError(error: unknown, usage = false): never {
    if (error instanceof ToolaceError) {
        process.stderr.write(`toolace-r: ${error.message} [${error.code}]\n`);
        process.exit(error.code === "usage" ? 2 : 1);
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`toolace-r: ${message}\n`);
    if (!usage && process.env.TOOLACE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(usage ? 2 : 1);
}
