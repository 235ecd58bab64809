import type {ChatMessage} from "../protocol/ChatMessage.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {TemplateError} from "./TemplateError.js";
import {type SandboxLimits, renderInSandbox} from "./templateSandbox.js";
import {templateMessages, templateTools} from "./templateMessages.js";

export type TemplateRenderOptions = {
    /** Open the assistant turn the model writes next (`add_generation_prompt`). */
    addGenerationPrompt: boolean,
    /** What `strftime_now` reads (default: now). */
    now?: Date,
    limits?: Partial<SandboxLimits>
};

/**
 * A model's Jinja chat template (`tokenizer.chat_template`, or a file the user gives), rendered as
 * transformers' `apply_chat_template` renders it: `messages` in OpenAI form with the arguments of
 * history tool calls as objects, `tools` as OpenAI tool objects, `add_generation_prompt`,
 * `bos_token`, `eos_token`, `raise_exception`, `strftime_now` and `tojson`. A template is
 * untrusted input: it runs in a sandbox (see renderInSandbox) that sees only those variables.
 */
export class ChatTemplate {
    public constructor(
        public readonly source: string,
        /** Where the template came from (a file path, or the model's name), for errors. */
        public readonly name: string,
        public readonly bosToken: string,
        public readonly eosToken: string
    ) {}

    /** Renders raw template variables; throws TemplateError. */
    public renderContext(context: Record<string, unknown>, options: {now?: Date, limits?: Partial<SandboxLimits>} = {}): string {
        const reply = renderInSandbox(this.source, {bos_token: this.bosToken, eos_token: this.eosToken, ...context}, options);
        if (!reply.ok) throw new TemplateError(reply.code, reply.message, this.name);
        return reply.text;
    }

    /**
     * Renders a conversation. An assistant turn of tool calls without text gets an empty string as
     * its content, unless the template writes calls only when the content is null (DeepSeek R1's):
     * probed once per template.
     */
    public render(messages: readonly ChatMessage[], tools: readonly ToolDefinition[], options: TemplateRenderOptions): string {
        const needsChoice = messages.some((message) => message.role === "assistant" && message.content == null);
        const nullContent = needsChoice && this.callsNeedNullContent();
        return this.renderContext({
            messages: templateMessages(messages, nullContent),
            tools: tools.length > 0 ? templateTools(tools) : null,
            add_generation_prompt: options.addGenerationPrompt
        }, options);
    }

    private nullContent: boolean | undefined;

    private callsNeedNullContent(): boolean {
        if (this.nullContent === undefined) {
            const probe = (nullContent: boolean): string => {
                try {
                    return this.renderContext({messages: templateMessages(NULL_PROBE, nullContent), tools: null, add_generation_prompt: false});
                } catch (error) {
                    if (error instanceof TemplateError && error.code !== "template_limit") return "";
                    throw error;
                }
            };
            this.nullContent = !probe(false).includes(NULL_PROBE_NAME) && probe(true).includes(NULL_PROBE_NAME);
        }
        return this.nullContent;
    }
}

const NULL_PROBE_NAME = "probe_content_choice";
const NULL_PROBE: ChatMessage[] = [
    {role: "user", content: "probe"},
    {role: "assistant", content: null, tool_calls: [{id: "a1b2c3d4e", type: "function", function: {name: NULL_PROBE_NAME, arguments: "{}"}}]}
];
