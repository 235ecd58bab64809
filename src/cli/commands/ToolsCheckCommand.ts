import type {CommandModule} from "yargs";
import {checkTools} from "../../tools/checkTools.js";
import {readJsonFile} from "../readJsonFile.js";

type ToolsCheckArgs = {tools: string};

export const ToolsCheckCommand: CommandModule<object, ToolsCheckArgs> = {
    command: "check",
    describe: "Check that every tool's schema compiles to a call grammar; print {tools:[{name, ok, error?, relaxed}]} (exit 0 only if all compile)",
    builder: (yargs) => yargs.option("tools", {type: "string", demandOption: true, describe: "JSON file with the tools (OpenAI tools or BFCL function docs)"}) as never,
    handler: (args) => {
        const result = checkTools(readJsonFile(args.tools, "tools file"));
        process.stdout.write(`${JSON.stringify({tools: result.tools, ...(result.error !== undefined ? {error: result.error} : {})}, null, 2)}\n`);
        if (!result.ok) process.exitCode = 1;
    }
};
