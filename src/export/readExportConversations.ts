import {readFile} from "node:fs/promises";
import type {ChatMessage} from "../protocol/ChatMessage.js";
import {chatmlFormat} from "../protocol/formats/chatmlFormat.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {parseTrainingConversation} from "../train/parseTrainingConversation.js";
import {synthItemConversation} from "../train/synthItemConversation.js";
import {TrainError} from "../train/TrainError.js";
import type {SynthItem} from "../synth/SynthItem.js";

/** A validated training conversation to export: the last message is the assistant target, earlier assistant messages are context (previous rounds). */
export interface ExportConversation {
    readonly messages: readonly ChatMessage[];
    /** The tools in toolace-r's normalised form (name, description, JSON Schema parameters). */
    readonly tools: readonly ToolDefinition[];
}

function isSynthItem(value: unknown): value is SynthItem {
    return typeof value === "object" && value !== null && "answer" in value && "ground_truth" in value && "messages" in value;
}

/**
 * Validates one conversation for export, as `train sft` reads it (parseTrainingConversation: the
 * request parser's rules, a final assistant target that calls listed tools with valid arguments).
 * A synthetic item (`toolace-r synth` output, with `answer`) becomes its SFT conversation.
 * Throws TrainError `train_invalid_sample` naming the field.
 */
export function parseExportConversation(raw: unknown): ExportConversation {
    const conversation = isSynthItem(raw) ? synthItemConversation(raw) : raw;
    return parseTrainingConversation(conversation, chatmlFormat, "last");
}

/**
 * Reads a JSON Lines file of `{messages, tools}` conversations (a `train iterate` corpus.jsonl or
 * any `train sft` corpus) or of synthetic items, checking every line. The first bad line throws
 * TrainError `train_corpus_invalid` whose message starts with `FILE:LINE:`.
 */
export async function readExportConversations(file: string): Promise<ExportConversation[]> {
    let text: string;
    try {
        text = await readFile(file, "utf8");
    } catch (error) {
        throw new TrainError("train_io", `cannot read the corpus ${file}: ${(error as Error).message}`, {file}, {cause: error});
    }
    const conversations: ExportConversation[] = [];
    for (const [index, row] of text.split("\n").entries()) {
        if (row.trim() === "") continue;
        const line = index + 1;
        try {
            conversations.push(parseExportConversation(JSON.parse(row)));
        } catch (error) {
            const field = error instanceof TrainError ? error.context.field : undefined;
            const problem = error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message;
            throw new TrainError("train_corpus_invalid", `${file}:${line}: ${problem}`, {file, line, ...(field === undefined ? {} : {field})}, {cause: error});
        }
    }
    if (conversations.length === 0) throw new TrainError("train_corpus_invalid", `${file}: the corpus has no conversation`, {file});
    return conversations;
}
