import type {CommandModule} from "yargs";
import {EvalCheckCommand} from "./EvalCheckCommand.js";

/** The `eval` subcommands, in help order; each lives in its own `Eval*Command.ts` file. */
export const evalSubcommands: CommandModule<object, any>[] = [EvalCheckCommand];

/** `toolace-r eval <command>`: benchmark scoring (BFCL). */
export const EvalCommand: CommandModule<object, object> = {
    command: "eval <command>",
    describe: "Score tool calls the way benchmarks do (BFCL)",
    builder: (yargs) => yargs
        .command(evalSubcommands)
        .demandCommand(1, `Name an eval command: ${evalSubcommands.map((c) => String(c.command).split(" ")[0]).join(", ")}.`),
    handler: () => undefined
};
