import type {ChatMessage} from "../protocol/ChatMessage.js";
import {PYTHON_FUNCTION_HINT} from "./bfclFcTools.js";
import type {BfclEntry} from "./BfclEntry.js";
import {bfclChatMessages} from "./bfclChatMessages.js";
import type {FunctionDoc} from "./FunctionDoc.js";
import {pyJsonDumps} from "./pyJsonDumps.js";
import {PyDict, type PyValue} from "./PyValue.js";

/**
 * BFCL's default prompt-mode system prompt (`ret_fmt=python&tool_call_tag=False&func_doc_fmt=json
 * &prompt_fmt=plaintext&style=classic`) up to the function list. The missing space after
 * "functions." is BFCL's.
 */
const PROMPT_HEAD = "You are an expert in composing functions."
    + "You are given a question and a set of possible functions. Based on the question, you will need to make one or more function/tool calls to achieve the purpose. "
    + "If none of the functions can be used, point it out. If the given question lacks the parameters required by the function, also point it out."
    + "\n\nYou should only return the function calls in your response."
    + "\n\nIf you decide to invoke any of the function(s), you MUST put it in the format of "
    + "[func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)].  You SHOULD NOT include any other text in the response."
    + "\n\nAt each turn, you should try your best to complete the tasks requested by the user within the current turn. "
    + "Continue to output functions to call until you have fulfilled the user's request to the best of your ability. "
    + "Once you have no more functions to call, the system will consider the current turn complete and proceed to the next turn or task."
    + "\n\nHere is a list of functions in json format that you can invoke.\n";

/**
 * BFCL's prompt-mode system prompt for a Python entry's function docs: the fixed instructions,
 * then the docs (each description with the Python hint, everything else as loaded, keys in
 * their order) as `json.dumps(docs, indent=4)`, then a newline.
 */
export function bfclPromptSystemPrompt(functions: readonly FunctionDoc[]): string {
    const docs: PyValue[] = functions.map((doc) => {
        const description = doc.description + PYTHON_FUNCTION_HINT;
        const entries = doc.raw.entries().map(([key, value]): [PyValue, PyValue] => [key, key === "description" ? description : value]);
        if (!doc.raw.has("description")) entries.push(["description", description]);
        return PyDict.from(entries);
    });
    return `${PROMPT_HEAD}${pyJsonDumps(docs, 4)}\n`;
}

/**
 * The messages BFCL sends a prompt-mode model: the entry's messages, the system prompt first
 * (prepended, followed by a blank line, to the entry's own system message when it starts with one).
 */
export function bfclPromptMessages(entry: BfclEntry): ChatMessage[] {
    const messages = bfclChatMessages(entry);
    const system = bfclPromptSystemPrompt(entry.functions);
    const first = messages[0];
    if (first !== undefined && first.role === "system") return [{role: "system", content: `${system}\n\n${first.content}`}, ...messages.slice(1)];
    return [{role: "system", content: system}, ...messages];
}
