import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {nameWords} from "./nameWords.js";

/** Words that say little about what a tool is about (verbs every tool uses, filler). */
const stopWords = new Set([
    "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "as", "is", "are", "be",
    "it", "its", "this", "that", "these", "those", "given", "specified", "specific", "based", "using", "use", "via", "per",
    "get", "gets", "fetch", "retrieve", "find", "search", "look", "lookup", "list", "create", "make", "calculate", "compute",
    "check", "return", "returns", "provide", "provides", "show", "set", "update", "add", "remove", "delete", "query", "api",
    "tool", "function", "information", "info", "data", "detail", "details", "new", "user", "name", "number", "value", "type",
    "all", "any", "some", "one", "two", "about", "such", "e", "g", "eg", "etc", "optional", "required", "default", "which",
    "will", "can", "if", "not", "their", "your", "my", "more", "most", "other", "current", "result", "results", "request"
]);

function stem(word: string): string {
    if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
    if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
    return word;
}

/**
 * The content words of a tool (name and description, stemmed, without stop words): what the
 * synthesiser compares to pick similar distractors and clearly unrelated tools.
 */
export function toolTokens(definition: ToolDefinition): Set<string> {
    const words = [...nameWords(definition.name), ...nameWords(definition.description)];
    return new Set(words.filter((word) => word.length > 1 && !/^\d+$/.test(word) && !stopWords.has(word)).map(stem).filter((word) => !stopWords.has(word)));
}
