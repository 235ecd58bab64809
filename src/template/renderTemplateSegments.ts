import type {ChatMessage} from "../protocol/ChatMessage.js";
import {type Segment, content, control} from "../protocol/Segment.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import type {ChatTemplate, TemplateRenderOptions} from "./ChatTemplate.js";

export type TemplateRendering = {
    /** The template's rendering of the conversation. */
    text: string,
    /**
     * The rendering as segments: the template's own text is control text (special tokens parsed),
     * every string the conversation brought in (message contents, tool descriptions, argument
     * values) is content (never parsed as special tokens).
     */
    segments: Segment[],
    /** False when the template transformed those strings beyond recognition: `segments` is then the whole text as control text. */
    segmented: boolean,
    /** The strings the conversation brought in (what a caller must check when `segmented` is false). */
    userStrings: string[]
};

const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKER = /\uE000(\d+)\uE001/;

/**
 * Renders a conversation with a chat template and tells the template's text from the
 * conversation's: the conversation is rendered a second time with each string it brings in
 * replaced by a marker, and the markers' places are matched against the real rendering (a string
 * may appear as written, JSON-escaped, or trimmed).
 */
export function renderTemplateSegments(template: ChatTemplate, messages: readonly ChatMessage[], tools: readonly ToolDefinition[], options: TemplateRenderOptions): TemplateRendering {
    const text = template.render(messages, tools, options);
    const strings: string[] = [];
    const mark = (value: string): string => {
        if (value === "") return value;
        strings.push(value);
        return `${OPEN}${strings.length - 1}${CLOSE}`;
    };
    const markedMessages = messages.map((message) => markMessage(message, mark));
    const markedTools = tools.map((tool) => ({...tool, description: mark(tool.description), parameters: markDescriptions(tool.parameters, mark) as ToolDefinition["parameters"]}));
    const whole: TemplateRendering = {text, segments: [control(text)], segmented: false, userStrings: strings};
    if (strings.some((value) => value.includes(OPEN) || value.includes(CLOSE))) return whole;
    let marked: string;
    try {
        marked = template.render(markedMessages, markedTools, options);
    } catch {
        return whole;
    }
    const pieces = marked.split(MARKER);
    const segments: Segment[] = [];
    let pos = 0;
    for (const [index, piece] of pieces.entries()) {
        if (index % 2 === 0) {
            if (!text.startsWith(piece, pos)) return whole;
            segments.push(control(piece));
            pos += piece.length;
            continue;
        }
        const value = strings[Number(piece)]!;
        const escaped = JSON.stringify(value).slice(1, -1);
        const form = [value, escaped, value.trim(), JSON.stringify(value.trim()).slice(1, -1)].find((candidate) => text.startsWith(candidate, pos));
        if (form === undefined) return whole;
        segments.push(content(form));
        pos += form.length;
    }
    if (pos !== text.length) return whole;
    return {text, segments: segments.filter((segment) => segment.text !== ""), segmented: true, userStrings: strings};
}

function markMessage(message: ChatMessage, mark: (value: string) => string): ChatMessage {
    if (message.role !== "assistant") return {...message, content: mark(message.content)};
    const calls = message.tool_calls?.map((call) => {
        let args: unknown;
        try {
            args = JSON.parse(call.function.arguments);
        } catch {
            return call;
        }
        return {...call, function: {...call.function, arguments: JSON.stringify(markValues(args, mark))}};
    });
    return {...message, content: message.content == null ? null : mark(message.content), ...(calls !== undefined ? {tool_calls: calls} : {})};
}

function markValues(value: unknown, mark: (value: string) => string): unknown {
    if (typeof value === "string") return mark(value);
    if (Array.isArray(value)) return value.map((item) => markValues(item, mark));
    if (typeof value === "object" && value !== null)
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, markValues(item, mark)]));
    return value;
}

/** A schema with every `description` string marked (names, types and enums stay: templates branch on them). */
function markDescriptions(schema: unknown, mark: (value: string) => string): unknown {
    if (Array.isArray(schema)) return schema.map((item) => markDescriptions(item, mark));
    if (typeof schema !== "object" || schema === null) return schema;
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key,
        key === "description" && typeof value === "string" ? mark(value) : markDescriptions(value, mark)]));
}
