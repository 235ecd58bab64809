import type {CommandModule} from "yargs";
import {ToolCallEngine} from "../../engine/ToolCallEngine.js";
import {parseCallRequest} from "../../engine/parseCallRequest.js";
import {engineOptions, type EngineArgs, withEngineArgs} from "../engineArgs.js";
import {type ConversationArgs, conversationOf, withConversationArgs} from "../conversationArgs.js";

type PromptArgs = EngineArgs & ConversationArgs;

export const PromptCommand: CommandModule<object, PromptArgs> = {
    command: "prompt",
    describe: "Print the prompt the engine evaluates for a conversation (JSON: prompt, tokens, family, and what toolace-r added)",
    builder: (yargs) => withConversationArgs(withEngineArgs(yargs)) as never,
    handler: async (args) => {
        const request = parseCallRequest({...conversationOf(args), refine: "off"});
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
