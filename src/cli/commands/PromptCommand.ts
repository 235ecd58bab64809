import type {CommandModule} from "yargs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {parseCallRequest} from "../../engine/parseCallRequest.js";
import {engineOptions, type EngineArgs, withEngineArgs} from "../engineArgs.js";
import {readJsonFile} from "../readJsonFile.js";

type PromptArgs = EngineArgs & {tools: string, query?: string, messages?: string, system?: string};

export const PromptCommand: CommandModule<object, PromptArgs> = {
    command: "prompt",
    describe: "Print the prompt the engine evaluates for a conversation (JSON: prompt, tokens, family, and what toolace-r added)",
    builder: (yargs) => withEngineArgs(yargs)
        .option("tools", {type: "string", demandOption: true, describe: "JSON file of tools: OpenAI `tools` or BFCL function docs"})
        .option("query", {type: "string", describe: "the user's request"})
        .option("messages", {type: "string", describe: "JSON file of OpenAI-style messages, assistant tool calls and tool results included (instead of --query)"})
        .option("system", {type: "string", describe: "system prompt (with --query)"})
        .conflicts("query", "messages")
        .check((args) => {
            if (args.query == null && args.messages == null) throw new Error("give --query TEXT or --messages FILE");
            return true;
        }) as never,
    handler: async (args) => {
        const messages = args.messages != null
            ? readJsonFile(args.messages, "messages")
            : [...(args.system != null ? [{role: "system", content: args.system}] : []), {role: "user", content: args.query}];
        const request = parseCallRequest({messages, tools: readJsonFile(args.tools, "tools"), refine: "off"});
        const engine = await ToolCallEngine.load(engineOptions(args, {contextSize: 256}));
        try {
            const prompt = engine.renderPromptText(request.messages, request.tools);
            process.stdout.write(JSON.stringify({
                prompt: prompt.text, tokens: prompt.tokens.length, family: engine.formatName, reason: engine.formatReason, added: prompt.added
            }, null, 2) + "\n");
        } finally {
            await engine.dispose();
        }
    }
};
