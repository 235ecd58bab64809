import type {Argv} from "yargs";
import {readJsonFile} from "./readJsonFile.js";

export type ConversationArgs = {tools?: string, mcp?: string[], query?: string, messages?: string, system?: string};

/** The flags that give a command one conversation: its tools, and a query (with a system prompt) or a messages file. */
export function withConversationArgs<T>(yargs: Argv<T>): Argv<T & ConversationArgs> {
    return yargs
        .option("tools", {type: "string", describe: "JSON file of tools: OpenAI `tools` or BFCL function docs (may be left out with --mcp)"})
        .option("query", {type: "string", describe: "the user's request"})
        .option("messages", {type: "string", describe: "JSON file of OpenAI-style messages, assistant tool calls and tool results included (instead of --query)"})
        .option("system", {type: "string", describe: "system prompt (with --query)"})
        .conflicts("query", "messages")
        .check((args) => {
            if (args.query == null && args.messages == null) throw new Error("give --query TEXT or --messages FILE");
            if (args.tools == null && (args as {mcp?: unknown[]}).mcp == null) throw new Error("give --tools FILE or --mcp \"COMMAND ARGS\"");
            return true;
        }) as Argv<T & ConversationArgs>;
}

/** The conversation the flags give (raw: the engine validates it). */
export function conversationOf(args: ConversationArgs): {messages: unknown, tools: unknown} {
    const messages = args.messages != null
        ? readJsonFile(args.messages, "messages")
        : [...(args.system != null ? [{role: "system", content: args.system}] : []), {role: "user", content: args.query}];
    return {messages, tools: args.tools == null ? [] : readJsonFile(args.tools, "tools")};
}
