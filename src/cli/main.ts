#!/usr/bin/env node
import yargs from "yargs";
import {hideBin} from "yargs/helpers";
import {commands} from "./commands/index.js";
import {reportCliError} from "./reportCliError.js";

const cli = yargs(hideBin(process.argv))
    .scriptName("toolace-r")
    .strict()
    .demandCommand(1, "Name a command (see --help).")
    .recommendCommands()
    .fail((message, error) => reportCliError(error ?? new Error(message), Boolean(message)))
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 110));
for (const command of commands) cli.command(command);
await cli.parseAsync();
