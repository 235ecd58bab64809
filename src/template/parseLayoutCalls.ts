import {OutputParseError} from "../protocol/AssistantOutput.js";
import {scanJsonEnd} from "../protocol/scanJsonEnd.js";
import {type CallLayout, type LayoutCall, type LayoutText, leadingLiteral} from "./CallLayout.js";
import {parseKeyedArgs} from "./keyedArgs.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";

const ID_CHAR = /[A-Za-z0-9]/;
const NAME_CHAR = /[A-Za-z0-9_.\-:]/;

/**
 * Parses a calls turn written in `layout` (end-of-turn token excluded) into its calls, ids
 * included where the layout has them; arguments written one parameter at a time are typed by the
 * `tools`' schemas. Pure; throws OutputParseError naming the position.
 */
export function parseLayoutCalls(layout: CallLayout, text: string, tools: readonly ToolDefinition[] = []): LayoutCall[] {
    const calls: LayoutCall[] = [];
    const ids = new Map<number, string>();
    let pos = 0;

    /** Matches a piece at `pos`; returns the position after it, or -1. Records ids. */
    const match = (piece: LayoutText, previous: number, at: number, record: boolean): number => {
        for (const part of piece) {
            if (typeof part === "string") {
                if (!text.startsWith(part, at)) return -1;
                at += part.length;
            } else if ("index" in part) {
                const expected = String(previous + part.index);
                if (!text.startsWith(expected, at)) return -1;
                at += expected.length;
            } else {
                const id = text.slice(at, at + part.length);
                if (id.length !== part.length || ![...id].every((c) => ID_CHAR.test(c))) return -1;
                if (record) ids.set(part.id === "previous" ? previous : previous + 1, id);
                at += part.length;
            }
        }
        return at;
    };
    const expect = (piece: LayoutText, previous: number, what: string): void => {
        const next = match(piece, previous, pos, true);
        if (next < 0) throw new OutputParseError(`expected ${what} of the template's tool-call layout`, text, pos);
        pos = next;
    };

    expect(layout.open, -1, "the opening");
    const nameEnd = leadingLiteral(layout.mid);
    for (let index = 0; ; index++) {
        const start = pos;
        if (nameEnd !== "") {
            const end = text.indexOf(nameEnd, pos);
            if (end < 0) throw new OutputParseError("a tool call's name is not followed by its arguments", text, pos);
            pos = end;
        } else
            while (pos < text.length && NAME_CHAR.test(text[pos]!)) pos++;
        const name = text.slice(start, pos);
        if (name === "") throw new OutputParseError("a tool call has no name", text, start);
        expect(layout.mid, index, "the text between a call's name and its arguments");
        if (layout.keyed !== undefined) {
            const args = parseKeyedArgs(layout.keyed, text, pos, tools.find((tool) => tool.name === name)?.parameters);
            calls.push({name, argumentsText: args.argumentsText});
            pos = args.end;
        } else {
            if (text[pos] !== "{") throw new OutputParseError("a tool call's arguments are not a JSON object", text, pos);
            const argsEnd = scanJsonEnd(text, pos);
            if (argsEnd < 0) throw new OutputParseError("unterminated tool call arguments", text, pos);
            calls.push({name, argumentsText: text.slice(pos, argsEnd)});
            pos = argsEnd;
        }
        const closed = match(layout.close, index, pos, false);
        if (closed === text.length || (closed >= 0 && text.slice(closed).trim() === "")) {
            match(layout.close, index, pos, true);
            break;
        }
        if (calls.length >= layout.maxCalls) throw new OutputParseError(`expected the end of the calls (this template takes at most ${layout.maxCalls})`, text, pos);
        expect(layout.between, index, "the text between two calls");
    }
    return calls.map((call, index) => ids.has(index) ? {...call, id: ids.get(index)!} : call);
}
