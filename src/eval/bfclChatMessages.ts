import type {ChatMessage} from "../protocol/ChatMessage.js";
import {BfclDataError} from "./BfclDataError.js";
import type {BfclEntry} from "./BfclEntry.js";

/**
 * The chat messages of a single-turn BFCL entry, as BFCL's single-turn runners send them: the
 * first turn of `question` with its system, user and assistant messages kept in order. Throws
 * {@link BfclDataError} (`bfcl_bad_entry`) for an entry without messages or with another role.
 */
export function bfclChatMessages(entry: BfclEntry): ChatMessage[] {
    const turn = entry.turns[0] ?? [];
    if (turn.length === 0) throw new BfclDataError("bfcl_bad_entry", `${entry.id} has no question messages`, {id: entry.id});
    return turn.map((message, index): ChatMessage => {
        switch (message.role) {
            case "system":
            case "user":
            case "assistant":
                return {role: message.role, content: message.content};
            default:
                throw new BfclDataError("bfcl_bad_entry", `${entry.id}: message ${index} has the role ${JSON.stringify(message.role)} (expected system, user or assistant)`,
                    {id: entry.id, path: `$.question[0][${index}].role`});
        }
    });
}
