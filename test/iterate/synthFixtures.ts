/** Test helper: synthetic items from generated tools only (no ../shared needed), made once per process. */
import type {SynthItem} from "../../src/synth/SynthItem.js";
import {synthSplits} from "../../src/synth/SynthSplit.js";
import {synthesize} from "../../src/synth/synthesize.js";
import {toolPool} from "../../src/synth/toolPool.js";

let cached: SynthItem[] | undefined;

/** 400 items of every kind and split (seed 5), in split order. */
export function synthFixtures(): SynthItem[] {
    cached ??= (() => {
        const result = synthesize(toolPool({sourcesDir: "/nonexistent/toolace-sources", seed: 5}), {count: 400, seed: 5});
        return synthSplits.flatMap((split) => result.items[split]);
    })();
    return cached;
}

/** The item's expected answer as a round's `tool_calls` and `content`. */
export function goldAnswer(item: SynthItem): {tool_calls: {id: string, type: "function", function: {name: string, arguments: string}}[], content: string | null} {
    if ("text" in item.answer) return {tool_calls: [], content: item.answer.text};
    return {
        tool_calls: item.answer.calls.map((call, index) => ({id: `call_${index}`, type: "function", function: {name: call.name, arguments: JSON.stringify(call.arguments)}})),
        content: null
    };
}
