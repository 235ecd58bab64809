import type {Segment} from "./Segment.js";

export type ChatFormatName = "chatml" | "llama3" | "generic";
export type Role = "system" | "user" | "assistant" | "tool";

/**
 * How one chat template lays out turns and tool calls. Every layout decision of toolace-r lives in
 * an implementation of this interface; the prompt renderer, the call grammar, the output parser,
 * the refinement protocol and the training data all go through it.
 */
export interface ChatFormat {
    readonly name: ChatFormatName;
    /** Segments of a whole non-assistant turn (system, user, tool result). */
    turn(role: Exclude<Role, "assistant">, text: string): Segment[];
    /** Segments that open an assistant turn; the model writes right after them. */
    assistantStart(): Segment[];
    /** The end-of-turn token text the model emits to finish an assistant turn (an end-of-generation token). */
    readonly assistantEnd: string;
    /** Control text between the end-of-turn token and the next turn. */
    readonly afterAssistantEnd: string;
    /** The tool-call envelope: calls are written as prefix + call JSON + suffix, joined by separator. */
    readonly envelope: {prefix: string, suffix: string, separator: string};
    /** Key of the arguments object in a call JSON (`arguments` in ChatML/Hermes, `parameters` in Llama 3.1). */
    readonly argumentsKey: string;
    /** A text answer may not start with this character (it would be ambiguous with a call). */
    readonly textMustNotStartWith: string;
    /** The system-prompt text that presents the tools (one JSON document per tool) and the call syntax. */
    toolsPrompt(toolDocuments: readonly string[]): string;
}
