import type {ApiBankCall} from "./ApiBankItem.js";
import {decodePromptCalls} from "./decodePromptCalls.js";
import {PyDict, type PyValue} from "./PyValue.js";
import {ToolaceError} from "../errors/ToolaceError.js";
import {tryPythonLiteral} from "./tryPythonLiteral.js";

/** API-Bank's call pattern (`api_call_extraction.py`): `[Name(...)]`, greedy to the last `)]`. */
const CALL = /\[(\w+)\((.*)\)\]/s;
/** Where a keyword argument starts, for calls that are not valid Python. */
const KEYWORD = /(?:^|,)\s*([A-Za-z_]\w*)\s*=(?!=)/g;

/**
 * Reads the first `[Name(key=value, ...)]` in a text (`API-Request: [...]`, a history line, a
 * model reply), or undefined when there is none. Arguments are read as Python (`'x'` a string,
 * `5` an int, lists and dicts as values). API-Bank's data also has calls that are not valid
 * Python, with quotes inside quoted values (`health_data='[{'name': 'x'}]'`); those are split at
 * each `, key=` and a value in matching quotes is taken as the text between them.
 */
export function parseApiBankCall(text: string): ApiBankCall | undefined {
    const match = CALL.exec(text);
    if (match === null) return undefined;
    const name = match[1] as string;
    const argsText = match[2] as string;
    const callText = `[${name}(${argsText})]`;
    try {
        const calls = decodePromptCalls(callText);
        const call = calls[0];
        if (calls.length === 1 && call !== undefined && call.name === name) return {name, args: call.args, text: callText};
    } catch (error) {
        if (!(error instanceof ToolaceError)) throw error;
    }
    return {name, args: splitKeywords(argsText), text: callText};
}

function splitKeywords(argsText: string): PyDict {
    const starts = [...argsText.matchAll(KEYWORD)];
    const entries: [PyValue, PyValue][] = starts.map((start, i) => {
        const valueStart = (start.index ?? 0) + start[0].length;
        const valueEnd = starts[i + 1]?.index ?? argsText.length;
        return [start[1] as string, readValue(argsText.slice(valueStart, valueEnd).trim())];
    });
    return PyDict.from(entries);
}

function readValue(text: string): PyValue {
    const quote = text[0];
    if ((quote === "'" || quote === "\"") && text.length >= 2 && text.endsWith(quote)) return text.slice(1, -1);
    const literal = tryPythonLiteral(text);
    return literal === undefined ? text : literal;
}
