import {readFileSync} from "node:fs";
import type {LlamaModel, Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import type {ChatFormat, ChatFormatName} from "../protocol/ChatFormat.js";
import {chatmlFormat} from "../protocol/formats/chatmlFormat.js";
import {llama3Format} from "../protocol/formats/llama3Format.js";
import {renderAssistantOutput} from "../protocol/AssistantOutput.js";
import {DEFAULT_SYSTEM_PROMPT, renderPrompt, toolDocument} from "../protocol/renderPrompt.js";
import {resolveChatFormat} from "../protocol/resolveChatFormat.js";
import {ChatTemplate} from "../template/ChatTemplate.js";
import {probeMessages, PROBE_TOOLS, PROBE_USER} from "../template/probeConversation.js";
import {TemplateChat} from "../template/TemplateChat.js";
import {TemplateError} from "../template/TemplateError.js";
import {bundledTemplateForArchitecture, bundledTemplatesDir, readBundledTemplate} from "../template/bundledTemplates.js";

/**
 * `auto`: the model's chat template (its own call syntax, else Hermes calls in its turns), a
 * hand-written format where the template is plain ChatML or Llama 3 (they render the same text
 * and also serve training), the hand-written detection without a template. `template` /
 * `template-hermes` force the template's own syntax / Hermes calls in its turns. `builtin`:
 * the hand-written format detected for the model, whatever its template (what training uses).
 */
export type ChatStyleName = "auto" | "template" | "template-hermes" | "builtin" | ChatFormatName;

export type ChatStyle = {
    /** The hand-written format: the one in use, or for a template the one training data would use. */
    format: ChatFormat,
    /** The template in use, if any. */
    chat: TemplateChat | undefined,
    /** The name reports show: the format's, or `template:FAMILY`. */
    name: string,
    reason: string
};

/** The texts of the model's end-of-generation tokens that a template writes (probed on its renderings). */
function endTokenTexts(model: LlamaModel, template: ChatTemplate): string[] {
    const texts = new Set<string>();
    for (const count of [0, 1]) {
        let text: string;
        try {
            text = template.render(probeMessages(count), PROBE_TOOLS, {addGenerationPrompt: false});
        } catch {
            continue;
        }
        for (const token of model.tokenize(text, true) as Token[])
            if (model.isEogToken(token)) texts.add(model.detokenize([token], true));
    }
    for (const text of [model.tokens.eotString, model.tokens.eosString]) if (text != null && text !== "") texts.add(text);
    return [...texts];
}

/**
 * Whether the template is plain: it knows no tools of its own, and renders a tools conversation laid
 * out the hand-written way exactly as this format does.
 */
function rendersLike(template: ChatTemplate, format: ChatFormat, bosText: string): boolean {
    try {
        if (template.render([{role: "user", content: PROBE_USER}], PROBE_TOOLS, {addGenerationPrompt: true}).includes(PROBE_TOOLS[0]!.name)) return false;
    } catch {
        return false;
    }
    const calls = renderAssistantOutput(format, {kind: "calls", calls: [{name: "probe_alpha", argumentsText: "{\"q\":\"value alpha\"}"}]});
    const system = `${DEFAULT_SYSTEM_PROMPT}\n\n${format.toolsPrompt(PROBE_TOOLS.map(toolDocument))}`;
    const messages = [{role: "system", content: system}, {role: "user", content: PROBE_USER}, {role: "assistant", content: calls}, {role: "user", content: "probe follow-up"}];
    let rendered: string;
    try {
        rendered = template.renderContext({messages, tools: null, add_generation_prompt: true});
    } catch {
        return false;
    }
    const expected = renderPrompt(format, [{role: "user", content: PROBE_USER}, {role: "assistant", content: null, tool_calls: [{id: "a1b2c3d4e", type: "function", function: {name: "probe_alpha", arguments: "{\"q\":\"value alpha\"}"}}]}, {role: "user", content: "probe follow-up"}], PROBE_TOOLS)
        .map((segment) => segment.text).join("");
    return rendered === expected || (bosText !== "" && rendered === bosText + expected);
}

/**
 * Picks how the engine lays out conversations for this model (see ChatStyleName). A template
 * that cannot render a plain conversation is an error when asked for, and otherwise reported in
 * `reason` with the hand-written fallback in use.
 */
export function resolveChatStyle(model: LlamaModel, options: {style?: ChatStyleName, templateFile?: string}): ChatStyle {
    const style = options.style ?? "auto";
    if (style === "chatml" || style === "llama3" || style === "generic") {
        const {format, reason} = resolveChatFormat(model, style);
        return {format, chat: undefined, name: format.name, reason};
    }
    const fallback = resolveChatFormat(model);
    if (style === "builtin") return {format: fallback.format, chat: undefined, name: fallback.format.name, reason: fallback.reason};
    let source: string | undefined;
    let name: string;
    if (options.templateFile !== undefined) {
        try {
            source = readFileSync(options.templateFile, "utf8");
        } catch (error) {
            throw new ToolaceError("usage", `cannot read the chat template file ${options.templateFile}: ${(error as Error).message}`, {path: options.templateFile});
        }
        name = options.templateFile;
    } else {
        const embedded = model.fileInfo.metadata.tokenizer?.chat_template;
        source = typeof embedded === "string" && embedded !== "" ? embedded : undefined;
        name = "tokenizer.chat_template";
        const bundled = source === undefined ? bundledTemplateForArchitecture(model.fileInfo.metadata.general?.architecture) : undefined;
        if (bundled !== undefined && bundledTemplatesDir() !== undefined) {
            source = readBundledTemplate(bundled).source;
            name = `${bundled} (llama.cpp's; the model has no chat template)`;
        }
    }
    if (source === undefined) {
        if (style !== "auto") throw new ToolaceError("chat_format", `chat format ${style} needs a chat template, and the model has none (give one with --chat-template-file)`);
        return {format: fallback.format, chat: undefined, name: fallback.format.name, reason: fallback.reason};
    }
    const bosText = model.tokens.bosString ?? "";
    const template = new ChatTemplate(source, name, bosText, model.tokens.eosString ?? "");
    if (style === "auto" && options.templateFile === undefined) {
        for (const format of [chatmlFormat, llama3Format])
            if (fallback.format === format && rendersLike(template, format, bosText))
                return {format, chat: undefined, name: format.name, reason: `its chat template renders the ${format === chatmlFormat ? "ChatML" : "Llama 3"} layout of the built-in format`};
    }
    try {
        const chat = TemplateChat.create(template, {endTokens: endTokenTexts(model, template), mode: style === "template-hermes" ? "hermes" : "auto"});
        return {format: fallback.format, chat, name: `template:${chat.family}`, reason: chat.mode === "native" ? chat.reason : `its template writes no tool calls toolace-r can read (${chat.reason}): Hermes calls in its turns`};
    } catch (error) {
        // A template the user gave, or asked for, must work; a model's own is replaced by a built-in format, with a warning.
        if (!(error instanceof TemplateError) || style !== "auto" || options.templateFile !== undefined) throw error;
        process.emitWarning(`${error.message}; using the ${fallback.format.name} format instead`, {code: "TOOLACE_TEMPLATE"});
        return {format: fallback.format, chat: undefined, name: fallback.format.name, reason: `${error.message}; ${fallback.reason}`};
    }
}
