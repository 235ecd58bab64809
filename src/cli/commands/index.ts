import type {CommandModule} from "yargs";

/** Every top-level command of the CLI, in help order. Each lives in its own file. */
export const commands: CommandModule<object, any>[] = [];
