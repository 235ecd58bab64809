import path from "node:path";
import type {ParamHint} from "./ParamHint.js";
import {readJsonFile} from "./readJsonFile.js";
import type {SourceRead} from "./SourceRead.js";

/** ToolAlpaca's public API catalogue, relative to the sources directory. */
export const toolAlpacaCatalogFile = "toolalpaca/public_apis.json";

/** The value kind a catalogue API's query most likely takes, by category. */
const queryKinds: Readonly<Record<string, readonly [string, string]>> = {
    "Animals": ["breed", "an animal breed"], "Anime": ["movie", "a title"], "Books": ["book", "a book title"],
    "Business": ["company", "a company name"], "Calendar": ["country", "a country"], "Cryptocurrency": ["crypto", "a coin symbol"],
    "Currency Exchange": ["currency", "a currency code"], "Dictionaries": ["word", "a word"], "Entertainment": ["movie", "a title"],
    "Environment": ["city", "a city"], "Finance": ["ticker", "a ticker symbol"], "Food & Drink": ["dish", "a dish or ingredient"],
    "Games & Comics": ["video_game", "a game title"], "Geocoding": ["address", "an address"], "Health": ["symptom", "a health topic"],
    "Jobs": ["job_title", "a job title"], "Music": ["artist", "an artist"], "News": ["topic", "a news topic"],
    "Science & Math": ["topic", "a topic"], "Sports & Fitness": ["team", "a team"], "Transportation": ["city", "a city"],
    "Vehicle": ["vehicle", "a vehicle"], "Weather": ["city", "a city"], "Video": ["movie", "a title"], "Shopping": ["product", "a product"],
    "Social": ["username", "a username"], "Open Data": ["dataset", "a dataset name"], "Government": ["topic", "a topic"],
    "Development": ["repo", "a repository"], "Cloud Storage & File Sharing": ["filename", "a file name"], "Email": ["email", "an e-mail address"],
    "Security": ["domain", "a domain"], "Phone": ["phone", "a phone number"], "Photography": ["keyword", "search terms"],
    "Art & Design": ["topic", "a topic"], "Machine Learning": ["phrase", "a text"], "Programming": ["keyword", "search terms"],
    "Personality": ["word", "a word"], "Text Analysis": ["phrase", "a text"], "Tracking": ["tracking_number", "a tracking number"]
};

/** A tool name from an API's display name: `Open Library` → `open_library_search`. */
function toolName(api: string): string {
    const base = api.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 50);
    return `${base === "" ? "api" : base}_search`;
}

/**
 * Tool candidates from ToolAlpaca's public API catalogue: the catalogue lists APIs (name,
 * description, category) without functions, so each API becomes one search tool `NAME_search`
 * with a required `query` (its value kind chosen by category) and an optional `limit`.
 */
export function readToolAlpacaCatalog(sourcesDir: string): SourceRead {
    const data = readJsonFile(path.join(sourcesDir, toolAlpacaCatalogFile));
    const read: SourceRead = {files: [], candidates: [], problems: []};
    if (data === undefined) return read;
    read.files.push(toolAlpacaCatalogFile);
    const entries = (data as {entries?: unknown}).entries ?? data;
    if (!Array.isArray(entries)) {
        read.problems.push("no entries");
        return read;
    }
    for (const entry of entries as Array<Record<string, unknown>>) {
        const api = entry.API;
        const description = entry.Description;
        if (typeof api !== "string" || typeof description !== "string" || api.trim() === "") {
            read.problems.push("entry without API name or description");
            continue;
        }
        const category = typeof entry.Category === "string" ? entry.Category : "misc";
        const [kind, noun] = queryKinds[category] ?? ["keyword", "search terms"];
        const hints: {[param: string]: ParamHint} = {query: {kind, mention: "for {}"}, limit: {mention: "and return at most {} results", min: 3, max: 25}};
        read.candidates.push({
            source: "toolalpaca-catalog",
            name: toolName(api),
            description: `${description.replace(/\.$/, "")}. Searches the ${api} API (${category}).`,
            parameters: {
                type: "object",
                properties: {
                    query: {type: "string", description: `What to look up in ${api}: ${noun}.`},
                    limit: {type: "integer", description: "Most results to return.", minimum: 1, maximum: 50, default: 10}
                },
                required: ["query"]
            },
            domain: `toolalpaca:${category}`,
            action: `search ${api}`,
            hints
        });
    }
    return read;
}
