import type {CommandModule} from "yargs";
import {ToolsCheckCommand} from "./ToolsCheckCommand.js";
import {ToolsSampleCommand} from "./ToolsSampleCommand.js";

/** The `tools` subcommands; each lives in its own `Tools*Command.ts` file. */
export const toolsSubcommands: CommandModule<object, any>[] = [ToolsCheckCommand, ToolsSampleCommand];

/** `toolace-r tools <check|sample>`: look into tool schemas as the engine sees them. */
export const ToolsCommand: CommandModule<object, object> = {
    command: "tools <command>",
    describe: "Look into tool schemas: what compiles to a call grammar and what it relaxes (check), arguments drawn from the grammar (sample)",
    builder: (yargs) => yargs
        .command(toolsSubcommands)
        .demandCommand(1, `Name a tools command: ${toolsSubcommands.map((c) => String(c.command).split(" ")[0]).join(", ")}.`),
    handler: () => undefined
};
