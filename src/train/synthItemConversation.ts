import type {SynthItem} from "../synth/SynthItem.js";

/** A synthetic item as an OpenAI-style training conversation, the shape `renderTrainingSample` takes. */
export interface SynthConversation {
    messages: unknown[];
    tools: SynthItem["tools"];
}

/**
 * The training conversation of a synthetic item: its messages followed by the expected assistant
 * turn (tool calls with their arguments as JSON text, or the text answer).
 */
export function synthItemConversation(item: SynthItem): SynthConversation {
    const answer = "calls" in item.answer
        ? {
            role: "assistant",
            content: null,
            tool_calls: item.answer.calls.map((call, index) => ({
                id: `call_${index}`, type: "function", function: {name: call.name, arguments: JSON.stringify(call.arguments)}
            }))
        }
        : {role: "assistant", content: item.answer.text};
    return {messages: [...item.messages, answer], tools: item.tools};
}
