import type {AssistantOutput} from "../protocol/AssistantOutput.js";
import type {ChatMessage, ToolCall} from "../protocol/ChatMessage.js";
import {formatArguments} from "../protocol/formatArguments.js";
import {hermesToolResult, hermesToolsPrompt} from "../protocol/formats/hermesToolsPrompt.js";
import {toolDocument} from "../protocol/renderPrompt.js";
import {refinementMessages} from "../protocol/refinementProtocol.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {type CallLayout, type LayoutCall, leadingLiteral, renderLayoutCalls} from "./CallLayout.js";
import type {ChatTemplate} from "./ChatTemplate.js";
import {HERMES_LAYOUT} from "./hermesLayout.js";
import {inferCallLayout, inferTextTurn} from "./inferCallLayout.js";
import {layoutFamily} from "./layoutFamily.js";
import {parseLayoutCalls} from "./parseLayoutCalls.js";
import {PROBE_TOOLS} from "./probeConversation.js";
import {type TemplateRendering, renderTemplateSegments} from "./renderTemplateSegments.js";
import {TemplateError} from "./TemplateError.js";

/** `native`: the template's own tools prompt and call syntax; `hermes`: the template's turns, toolace-r's Hermes tools prompt and `<tool_call>` envelopes. */
export type TemplateCallMode = "native" | "hermes";

/** How a refinement round's calls went into the history the template rendered. */
export type RefinementLayout = "tool_calls" | "text";

/**
 * A conversation style driven by a model's own chat template: prompts are the template's
 * rendering; calls are written in the template's own syntax (inferred from it, see
 * inferCallLayout) or, for templates that know no tool calls, as Hermes envelopes inside the
 * template's turns. Refinement rounds re-render the conversation with the earlier rounds in it
 * (see refinementMessages); the engine keeps what the context already holds of that rendering.
 */
export class TemplateChat {
    private constructor(
        public readonly template: ChatTemplate,
        public readonly mode: TemplateCallMode,
        public readonly layout: CallLayout,
        /** What follows an assistant turn's calls or text in history: its end-of-turn token first. */
        public readonly end: string,
        /** Family name (llama.cpp's where it has one): the call syntax, or `hermes-fallback`. */
        public readonly family: string,
        /** Why this mode was chosen (the inference's failure, for the fallback). */
        public readonly reason: string,
        private readonly systemRole: boolean
    ) {}

    /**
     * Reads a template's call syntax. `endTokens` are the texts of the model's end-of-generation
     * tokens (they tell where a turn ends). Throws TemplateError when the template cannot render
     * a plain conversation at all.
     */
    public static create(template: ChatTemplate, options: {endTokens: readonly string[], mode?: TemplateCallMode | "auto"}): TemplateChat {
        const mode = options.mode ?? "auto";
        // A template that can render a plain request neither with tools nor without fails here with its own error (syntax, raise, limits).
        try {
            template.render([{role: "user", content: "probe"}], PROBE_TOOLS, {addGenerationPrompt: true});
        } catch (error) {
            if (!(error instanceof TemplateError) || error.code === "template_syntax" || error.code === "template_limit") throw error;
            template.render([{role: "user", content: "probe"}], [], {addGenerationPrompt: true});
        }
        let reason = "requested";
        if (mode !== "hermes") {
            const inferred = inferCallLayout(template, options.endTokens);
            if (inferred.ok) {
                const {layout, end} = inferred.inferred;
                return new TemplateChat(template, "native", layout, end, layoutFamily(layout), "the template's own tool-call syntax", true);
            }
            if (mode === "native") throw new TemplateError("template_render", `its tool-call syntax cannot be used: ${inferred.reason}`, template.name);
            reason = inferred.reason;
        }
        const systemRole = acceptsSystemRole(template);
        const text = inferTextTurn(template, options.endTokens, false);
        if (!text.ok) throw new TemplateError("template_render", text.reason, template.name);
        return new TemplateChat(template, "hermes", {...HERMES_LAYOUT, textOpen: text.textOpen}, text.end, "hermes-fallback", reason, systemRole);
    }

    /** The conversation as the template is given it: in `hermes` mode with the tools prompt, calls written as text and results as user turns. */
    public conversation(messages: readonly ChatMessage[], tools: readonly ToolDefinition[]): {messages: ChatMessage[], tools: readonly ToolDefinition[]} {
        if (this.mode === "native") return {messages: [...messages], tools};
        const byName = new Map(tools.map((tool) => [tool.name, tool]));
        const converted: ChatMessage[] = [];
        const push = (message: ChatMessage): void => {
            const last = converted[converted.length - 1];
            // Templates that insist on alternating roles get consecutive user turns (tool results) as one.
            if (message.role === "user" && last?.role === "user") converted[converted.length - 1] = {role: "user", content: `${last.content}\n${message.content}`};
            else converted.push(message);
        };
        const first = messages[0];
        const toolsPrompt = tools.length > 0 ? hermesToolsPrompt(tools.map(toolDocument)) : undefined;
        let pendingPrompt: string | undefined;
        const systemText = toolsPrompt === undefined ? (first?.role === "system" ? first.content : undefined)
            : first?.role === "system" ? `${first.content}\n\n${toolsPrompt}` : toolsPrompt;
        // Templates without a system role (Gemma's) get the system text at the head of the first user turn.
        if (systemText !== undefined) {
            if (this.systemRole) push({role: "system", content: systemText});
            else pendingPrompt = systemText;
        }
        for (const [index, message] of messages.entries()) {
            if (index === 0 && message.role === "system") continue;
            if (message.role === "assistant") {
                const calls = message.tool_calls ?? [];
                push({role: "assistant", content: calls.length === 0 ? message.content ?? "" : renderLayoutCalls(this.layout, calls.map((call) => ({
                    name: call.function.name,
                    argumentsText: formatArguments(byName.get(call.function.name)?.parameters, JSON.parse(call.function.arguments))
                })))});
            } else if (message.role === "tool") push({role: "user", content: hermesToolResult(message.content)});
            else if (message.role === "user" && pendingPrompt !== undefined) {
                push({role: "user", content: `${pendingPrompt}\n\n${message.content}`});
                pendingPrompt = undefined;
            } else push(message);
        }
        return {messages: converted, tools: []};
    }

    /** The prompt of a conversation, ready for the model's next turn. */
    public render(messages: readonly ChatMessage[], tools: readonly ToolDefinition[]): TemplateRendering {
        const conversation = this.conversation(messages, tools);
        return renderTemplateSegments(this.template, conversation.messages, conversation.tools, {addGenerationPrompt: true});
    }

    /**
     * The prompt of refinement round `rounds.length`: the conversation, then each earlier round and
     * the refinement request. A template that refuses tool calls followed by a user turn (Mistral's)
     * is given each earlier round as the assistant text the model wrote.
     */
    public renderRefinement(messages: readonly ChatMessage[], tools: readonly ToolDefinition[], rounds: readonly {output: AssistantOutput, text: string, findings?: readonly string[]}[]): TemplateRendering & {layout: RefinementLayout} {
        const findings = rounds.map((round) => round.findings ?? []);
        try {
            return {...this.render(refinementMessages(messages, rounds.map((round) => roundMessage(round.output)), findings), tools), layout: "tool_calls"};
        } catch (error) {
            if (!(error instanceof TemplateError) || error.code === "template_limit") throw error;
            const asText = rounds.map((round): ChatMessage => ({role: "assistant", content: round.text}));
            return {...this.render(refinementMessages(messages, asText, findings), tools), layout: "text"};
        }
    }

    /** The text of an assistant turn (end-of-turn token excluded). */
    public renderOutput(output: AssistantOutput): string {
        if (output.kind === "text") return this.layout.textOpen + output.text;
        return renderLayoutCalls(this.layout, output.calls);
    }

    /** Parses what the model wrote (end-of-turn token excluded); `tools` type arguments written one parameter at a time. */
    public parseOutput(text: string, tools: readonly ToolDefinition[] = []): AssistantOutput {
        const body = text.trimEnd();
        if (this.opensCall(body) && body.length >= leadingLiteral(this.layout.open).length) return {kind: "calls", calls: parseLayoutCalls(this.layout, body, tools)};
        return {kind: "text", text: body.startsWith(this.layout.textOpen) ? body.slice(this.layout.textOpen.length) : body};
    }

    /** Whether `text` (possibly a prefix of the output) starts like a calls turn. */
    public opensCall(text: string): boolean {
        const lead = leadingLiteral(this.layout.open);
        if (lead === "") return false;
        return text.length > 0 && (text.startsWith(lead) || lead.startsWith(text));
    }
}

/** A refinement round as the assistant message the template renders in history. */
export function roundMessage(output: AssistantOutput): ChatMessage {
    if (output.kind === "text") return {role: "assistant", content: output.text};
    const calls: ToolCall[] = output.calls.map((call: LayoutCall, index) => ({
        id: call.id ?? `call${String(index).padStart(5, "0")}`.slice(0, 9).padEnd(9, "0"),
        type: "function",
        function: {name: call.name, arguments: call.argumentsText}
    }));
    return {role: "assistant", content: null, tool_calls: calls};
}

/** Whether the template takes a system turn (Gemma 2's, among others, raise on one). */
function acceptsSystemRole(template: ChatTemplate): boolean {
    try {
        return template.render([{role: "system", content: "probe system"}, {role: "user", content: "probe"}], [], {addGenerationPrompt: true}).includes("probe system");
    } catch (error) {
        if (error instanceof TemplateError && error.code !== "template_limit") return false;
        throw error;
    }
}
