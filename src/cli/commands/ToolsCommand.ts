import type {CommandModule} from "yargs";
import {ToolsCheckCommand} from "./ToolsCheckCommand.js";

/** The `tools` subcommands; each lives in its own `Tools*Command.ts` file. */
export const toolsSubcommands: CommandModule<object, any>[] = [ToolsCheckCommand];

/** `toolace-r tools <check>`: look into tool schemas as the engine sees them. */
export const ToolsCommand: CommandModule<object, object> = {
    command: "tools <command>",
    describe: "Check tool schemas (check): what compiles to a call grammar and what the grammar relaxes",
    builder: (yargs) => yargs
        .command(toolsSubcommands)
        .demandCommand(1, `Name a tools command: ${toolsSubcommands.map((c) => String(c.command).split(" ")[0]).join(", ")}.`),
    handler: () => undefined
};
