import type {CommandModule} from "yargs";
import {CallCommand} from "./CallCommand.js";
import {PromptCommand} from "./PromptCommand.js";
import {AgentCommand} from "./AgentCommand.js";
import {ServeCommand} from "./ServeCommand.js";
import {ModelCommand} from "./ModelCommand.js";
import {EvalCommand} from "./EvalCommand.js";
import {SynthCommand} from "./SynthCommand.js";
import {TrainCommand} from "./TrainCommand.js";
import {TokenizerCommand} from "./TokenizerCommand.js";
import {ToolsCommand} from "./ToolsCommand.js";

/** Every top-level command of the CLI, in help order. Each lives in its own file. */
export const commands: CommandModule<object, any>[] = [CallCommand, PromptCommand, AgentCommand, ServeCommand, ModelCommand, EvalCommand, SynthCommand, TokenizerCommand, ToolsCommand, TrainCommand];
