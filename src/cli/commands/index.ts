import type {CommandModule} from "yargs";
import {CallCommand} from "./CallCommand.js";
import {AgentCommand} from "./AgentCommand.js";

/** Every top-level command of the CLI, in help order. Each lives in its own file. */
export const commands: CommandModule<object, any>[] = [CallCommand, AgentCommand];
