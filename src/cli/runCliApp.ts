import yargs from "yargs";
import {commands} from "./commands/index.js";
import {reportCliError} from "./reportCliError.js";

/** Parses `argv` (the arguments after the script) with every command of the CLI and runs the command named. */
export async function runCliApp(argv: readonly string[]): Promise<void> {
    const cli = yargs([...argv])
        .scriptName("toolace-r")
        .strict()
        .demandCommand(1, "Name a command (see --help).")
        .recommendCommands()
        .fail((message, error) => reportCliError(error ?? new Error(message), Boolean(message)))
        .help()
        .wrap(Math.min(110, process.stdout.columns ?? 110));
    for (const command of commands) cli.command(command);
    await cli.parseAsync();
}
