import type {CommandModule} from "yargs";
import {EvalApiBankCommand} from "./EvalApiBankCommand.js";
import {EvalBfclCommand} from "./EvalBfclCommand.js";
import {EvalSynthCommand} from "./EvalSynthCommand.js";
import {EvalCheckCommand} from "./EvalCheckCommand.js";

/** The `eval` subcommands, in help order; each lives in its own `Eval*Command.ts` file. */
export const evalSubcommands: CommandModule<object, any>[] = [EvalCheckCommand, EvalBfclCommand, EvalApiBankCommand, EvalSynthCommand];

/** `toolace-r eval <command>`: benchmark scoring and evaluation runs (BFCL, API-Bank). */
export const EvalCommand: CommandModule<object, object> = {
    command: "eval <command>",
    describe: "Score tool calls the way benchmarks do (BFCL, API-Bank)",
    builder: (yargs) => yargs
        .command(evalSubcommands)
        .demandCommand(1, `Name an eval command: ${evalSubcommands.map((c) => String(c.command).split(" ")[0]).join(", ")}.`),
    handler: () => undefined
};
