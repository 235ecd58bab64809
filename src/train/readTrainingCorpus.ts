import {readFile} from "node:fs/promises";
import type {LlamaModel} from "node-llama-cpp";
import type {ChatFormat} from "../protocol/ChatFormat.js";
import type {LossOn} from "./parseTrainingConversation.js";
import {renderTrainingSample} from "./renderTrainingSample.js";
import type {TrainSample} from "./trainData.js";
import {TrainError} from "./TrainError.js";

export interface TrainingCorpus {
    samples: TrainSample[];
    /** 1-based line number of each sample in the file. */
    lines: number[];
    /** Tokens of the longest sample. */
    longest: number;
}

export interface ReadTrainingCorpusOptions {
    lossOn?: LossOn;
    /** When given, every sample must fit a context of this many positions (tokens - 1 <= contextSize). */
    contextSize?: number;
}

/**
 * Reads a JSON Lines corpus of `{messages, tools}` conversations (blank lines allowed) and renders
 * every line with renderTrainingSample. The whole file is checked before anything is returned; the
 * first bad line throws TrainError `train_corpus_invalid` whose message starts with `FILE:LINE:` and
 * whose context holds `file`, `line` (1-based) and, for a bad field, `field`.
 */
export async function readTrainingCorpus(file: string, model: LlamaModel, format: ChatFormat, options: ReadTrainingCorpusOptions = {}): Promise<TrainingCorpus> {
    let text: string;
    try {
        text = await readFile(file, "utf8");
    } catch (error) {
        throw new TrainError("train_io", `cannot read the corpus ${file}: ${(error as Error).message}`, {file}, {cause: error});
    }
    const samples: TrainSample[] = [];
    const lines: number[] = [];
    let longest = 0;
    const rows = text.split("\n");
    for (const [index, row] of rows.entries()) {
        const line = index + 1;
        if (row.trim() === "") continue;
        const fail = (message: string, extra: Record<string, unknown> = {}, cause?: unknown): never => {
            throw new TrainError("train_corpus_invalid", `${file}:${line}: ${message}`, {file, line, ...extra}, cause === undefined ? undefined : {cause});
        };
        let raw: unknown;
        try {
            raw = JSON.parse(row);
        } catch (error) {
            fail(`not valid JSON (${(error as Error).message})`, {}, error);
        }
        let sample: TrainSample;
        try {
            sample = renderTrainingSample(model, format, raw, {lossOn: options.lossOn});
        } catch (error) {
            if (!(error instanceof TrainError)) throw error;
            return fail(error.message, {field: error.context.field}, error);
        }
        if (options.contextSize !== undefined && sample.tokens.length - 1 > options.contextSize) {
            fail(`the conversation has ${sample.tokens.length} tokens; a context of ${options.contextSize} positions holds at most ${options.contextSize + 1}`,
                {tokens: sample.tokens.length, contextSize: options.contextSize});
        }
        longest = Math.max(longest, sample.tokens.length);
        samples.push(sample);
        lines.push(line);
    }
    if (samples.length === 0) throw new TrainError("train_corpus_invalid", `${file}: the corpus has no conversation`, {file});
    return {samples, lines, longest};
}
