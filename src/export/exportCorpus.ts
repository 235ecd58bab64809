import {existsSync} from "node:fs";
import {mkdir, readFile} from "node:fs/promises";
import path from "node:path";
import {writeFileAtomic} from "../train/checkpoint.js";
import {TrainError} from "../train/TrainError.js";
import {llamaFactoryDatasetInfo} from "./llamaFactoryDatasetInfo.js";
import {readExportConversations} from "./readExportConversations.js";
import {toOpenAIJsonl} from "./toOpenAIJsonl.js";
import {toShareGpt} from "./toShareGpt.js";

export type ExportFormat = "openai" | "sharegpt";

export const exportFormats: readonly ExportFormat[] = ["openai", "sharegpt"];

export interface ExportCorpusOptions {
    /** JSON Lines of `{messages, tools}` conversations or synthetic items. */
    readonly data: string;
    /** Output folder (created). */
    readonly out: string;
    /** Dataset name: file names and the LLaMA-Factory entry (default `toolace_r`). */
    readonly name?: string;
    /** Formats to write (default both). */
    readonly formats?: readonly ExportFormat[];
    /** OpenAI: `weight: 0` on every assistant turn but the last (default true). */
    readonly lossOnLast?: boolean;
}

export interface ExportCorpusResult {
    readonly conversations: number;
    /** Files written, by what they are. */
    readonly files: {readonly openai?: string, readonly sharegpt?: string, readonly datasetInfo?: string};
}

/**
 * Exports a training corpus for other training engines: `NAME.openai.jsonl` (OpenAI chat
 * fine-tuning, see toOpenAIJsonl), `NAME.sharegpt.json` (ShareGPT with tools, see toShareGpt) and
 * its entry in `dataset_info.json` for LLaMA-Factory (merged into the folder's file when there is
 * one). Every line is validated first; nothing is written when one is bad. Files are written
 * atomically. Throws TrainError (`train_corpus_invalid` naming FILE:LINE, `train_invalid_options`).
 */
export async function exportCorpus(options: ExportCorpusOptions): Promise<ExportCorpusResult> {
    const name = options.name ?? "toolace_r";
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
        throw new TrainError("train_invalid_options", `name: a dataset name is letters, digits, _, . and -, got ${JSON.stringify(name)}`, {option: "name"});
    }
    const formats = options.formats ?? exportFormats;
    for (const format of formats) {
        if (!exportFormats.includes(format)) throw new TrainError("train_invalid_options", `format must be one of ${exportFormats.join(", ")}, got ${JSON.stringify(format)}`, {option: "format"});
    }
    const conversations = await readExportConversations(options.data);
    const sharegpt = formats.includes("sharegpt") ? conversations.map((conversation, index) => {
        try {
            return toShareGpt(conversation);
        } catch (error) {
            if (!(error instanceof TrainError)) throw error;
            throw new TrainError("train_corpus_invalid", `${options.data}: conversation ${index + 1}: ${error.message}`, {file: options.data, conversation: index + 1, ...error.context}, {cause: error});
        }
    }) : undefined;
    const infoFile = path.join(options.out, "dataset_info.json");
    let info: Record<string, unknown> = {};
    if (sharegpt !== undefined && existsSync(infoFile)) {
        try {
            const parsed: unknown = JSON.parse(await readFile(infoFile, "utf8"));
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not a JSON object");
            info = parsed as Record<string, unknown>;
        } catch (error) {
            throw new TrainError("train_io", `${infoFile} exists but is not a JSON object (${(error as Error).message}); move it away or export to another folder`,
                {file: infoFile}, {cause: error});
        }
    }
    await mkdir(options.out, {recursive: true});
    const files: {openai?: string, sharegpt?: string, datasetInfo?: string} = {};
    if (formats.includes("openai")) {
        files.openai = path.join(options.out, `${name}.openai.jsonl`);
        await writeFileAtomic(files.openai, toOpenAIJsonl(conversations, {lossOnLast: options.lossOnLast ?? true}));
    }
    if (sharegpt !== undefined) {
        const fileName = `${name}.sharegpt.json`;
        files.sharegpt = path.join(options.out, fileName);
        await writeFileAtomic(files.sharegpt, `[\n${sharegpt.map((example) => JSON.stringify(example)).join(",\n")}\n]\n`);
        files.datasetInfo = infoFile;
        await writeFileAtomic(infoFile, `${JSON.stringify({...info, ...llamaFactoryDatasetInfo(name, fileName)}, null, 2)}\n`);
    }
    return {conversations: conversations.length, files};
}
