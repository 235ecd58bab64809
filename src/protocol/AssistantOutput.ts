import type {ChatFormat} from "./ChatFormat.js";
import {ToolaceError} from "../errors/ToolaceError.js";
import {scanJsonEnd} from "./scanJsonEnd.js";

/** What an assistant turn holds: tool calls (arguments as exact JSON text; the id where the model writes one) or a text answer. */
export type AssistantOutput =
    | {kind: "calls", calls: {name: string, argumentsText: string, id?: string}[]}
    | {kind: "text", text: string};

export class OutputParseError extends ToolaceError {
    public constructor(message: string, text: string, position: number) {
        super("output_parse", message, {position, text: text.length > 400 ? text.slice(0, 400) + "…" : text});
    }
}

/** The JSON of one call inside its envelope: `{"name": "NAME", "arguments": ARGS}`. The grammar writes exactly this. */
export function callJsonHead(format: ChatFormat, name: string): string {
    return `{"name": ${JSON.stringify(name)}, ${JSON.stringify(format.argumentsKey)}: `;
}

/** The text of an assistant turn, without its end-of-turn token. Inverse of {@link parseAssistantOutput}. */
export function renderAssistantOutput(format: ChatFormat, output: AssistantOutput): string {
    if (output.kind === "text") return output.text;
    const {prefix, suffix, separator} = format.envelope;
    return output.calls.map((call) => prefix + callJsonHead(format, call.name) + call.argumentsText + "}" + suffix).join(separator);
}

/** Parses what the model wrote (end-of-turn token excluded) into calls or a text answer. Pure. */
export function parseAssistantOutput(format: ChatFormat, text: string): AssistantOutput {
    const {prefix, suffix, separator} = format.envelope;
    const body = text.trimEnd();
    const opensCall = prefix !== "" ? body.startsWith(prefix) : body.startsWith("{");
    if (!opensCall) return {kind: "text", text: body};

    const calls: {name: string, argumentsText: string}[] = [];
    let pos = 0;
    for (;;) {
        if (!body.startsWith(prefix, pos)) throw new OutputParseError(`expected ${JSON.stringify(prefix)} to open a tool call`, body, pos);
        pos += prefix.length;
        const end = scanJsonEnd(body, pos);
        if (end < 0) throw new OutputParseError("unterminated tool call JSON", body, pos);
        const objectText = body.slice(pos, end);
        let parsed: unknown;
        try {
            parsed = JSON.parse(objectText);
        } catch (err) {
            throw new OutputParseError(`tool call is not valid JSON: ${(err as Error).message}`, body, pos);
        }
        const record = parsed as Record<string, unknown>;
        if (typeof record?.name !== "string") throw new OutputParseError("tool call has no string \"name\"", body, pos);
        const args = record[format.argumentsKey] ?? {};
        if (typeof args !== "object" || args === null || Array.isArray(args))
            throw new OutputParseError(`tool call "${format.argumentsKey}" is not an object`, body, pos);
        const head = callJsonHead(format, record.name);
        const argumentsText = objectText.startsWith(head) && objectText.endsWith("}")
            ? objectText.slice(head.length, -1)
            : JSON.stringify(args);
        calls.push({name: record.name, argumentsText});
        pos = end;
        if (!body.startsWith(suffix, pos)) throw new OutputParseError(`expected ${JSON.stringify(suffix)} to close a tool call`, body, pos);
        pos += suffix.length;
        if (pos >= body.length) break;
        if (!body.startsWith(separator, pos)) throw new OutputParseError("unexpected text after a tool call", body, pos);
        pos += separator.length;
    }
    return {kind: "calls", calls};
}
