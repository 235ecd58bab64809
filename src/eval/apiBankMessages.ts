import type {ChatMessage} from "../protocol/ChatMessage.js";
import type {ApiBankItem} from "./ApiBankItem.js";
import {pyJsonDumps} from "./pyJsonDumps.js";

/** The system message: API-Bank's instruction without its text-format part (the tools carry the APIs). */
const INSTRUCTION = "Generate an API request based on the previous dialogue context.";
/** The line that closes every API-Bank input. */
const CLOSING = "Generate API Request:";

/**
 * An API-Bank item as chat messages: a system message (the instruction and its "The current year
 * is ..." note), the user and AI turns, and each earlier API call as an assistant tool call
 * followed by a tool message with the result. When the dialogue ends with an AI turn, the input's
 * closing line "Generate API Request:" follows as a user message (a request must end with the
 * user or a tool result).
 */
export function apiBankMessages(item: ApiBankItem): ChatMessage[] {
    const messages: ChatMessage[] = [{role: "system", content: item.dateNote === undefined ? INSTRUCTION : `${INSTRUCTION}\n${item.dateNote}`}];
    item.dialogue.forEach((turn, index) => {
        if (turn.role === "api") {
            const id = `call_${index}`;
            messages.push({role: "assistant", content: null, tool_calls: [{id, type: "function", function: {name: turn.call.name, arguments: pyJsonDumps(turn.call.args)}}]});
            messages.push({role: "tool", content: turn.result, tool_call_id: id, name: turn.call.name});
        } else {
            messages.push(turn.role === "user" ? {role: "user", content: turn.text} : {role: "assistant", content: turn.text});
        }
    });
    const last = messages[messages.length - 1];
    if (last === undefined || (last.role !== "user" && last.role !== "tool")) messages.push({role: "user", content: CLOSING});
    return messages;
}
