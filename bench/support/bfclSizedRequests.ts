import {readFileSync} from "node:fs";
import path from "node:path";
import {PACKAGE_ROOT} from "../../src/engine/resolveModelPath.js";

/** Tools of examples/travel-tools.json that make a BFCL-sized request: about 600 tokens of tool definitions. */
const TOOL_NAMES = ["search_flights", "book_hotel", "convert_currency"];
const QUERIES = [
    "Business class from CDG to JFK on 2026-12-20 for 2 adults, nonstop only.",
    "Find a hotel in Rome for 3 nights from 2026-05-01 for two guests.",
    "How much is 250 EUR in USD?",
    "Cheapest economy flight from LHR to SFO on 2026-07-01, one adult and one child.",
    "Book a room in Tokyo from 2026-10-10 to 2026-10-14, breakfast included.",
    "Convert 1200 JPY to GBP please."
];

export type BenchRequest = {messages: {role: string, content: string}[], tools: unknown[]};

/**
 * `count` requests over three travel tools (search_flights, book_hotel, convert_currency: BFCL's
 * "multiple" category has 2-4 functions of this size). With `distinctSystem`, each request starts
 * with its own system message, so that no request reuses another's prompt from the KV cache.
 */
export function bfclSizedRequests(count: number, options: {distinctSystem: boolean}): BenchRequest[] {
    const all = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "examples", "travel-tools.json"), "utf8")) as {function: {name: string}}[];
    const tools = all.filter((tool) => TOOL_NAMES.includes(tool.function.name));
    return Array.from({length: count}, (_, index) => ({
        tools,
        messages: [
            ...(options.distinctSystem ? [{role: "system", content: `Travel desk, request ${index + 1}. Use the tools.`}] : []),
            {role: "user", content: QUERIES[index % QUERIES.length]!}
        ]
    }));
}
