/**
 * Supervised fine-tuning on a tool-calling corpus: JSON Lines of `{messages, tools}` conversations,
 * rendered in the model's chat format exactly as the inference path lays them out
 * (renderTrainingSample), then full fine-tuning with train(). What `toolace-r train sft` runs.
 */
import os from "node:os";
import path from "node:path";
import {getLlama, type Llama, LlamaLogLevel, type LlamaModel} from "node-llama-cpp";
import type {ChatFormatName} from "../protocol/ChatFormat.js";
import {resolveChatFormat} from "../protocol/resolveChatFormat.js";
import {readCheckpointState} from "./checkpoint.js";
import type {LossOn} from "./parseTrainingConversation.js";
import {readTrainingCorpus} from "./readTrainingCorpus.js";
import {train, type TrainOptions, type TrainProgress, type TrainResult} from "./train.js";
import {TrainError} from "./TrainError.js";
import {countByWindow, windowsUpTo} from "./trainData.js";
import {TrainingLog} from "./TrainingLog.js";

export interface TrainSftOptions {
    /** JSON Lines corpus of `{messages, tools}` conversations; the last message of each is the target. */
    data: string;
    /** F32 GGUF model to start from. */
    model: string;
    out: string;
    epochs: number;
    learningRate: number;
    /** Cosine decay from learningRate to this over the run; without it the rate is constant. */
    minLearningRate?: number;
    /** Positions per step, a multiple of 256; default the smallest one that holds the longest conversation. */
    contextSize?: number;
    /** Positions per physical batch; default contextSize. */
    batchSize?: number;
    /** Length windows: each conversation trains in the smallest multiple of 256 that holds it (see TrainOptions.windows). */
    lengthWindows?: boolean;
    /** Default: every core. */
    threads?: number;
    validationSplit: number;
    seed: number;
    checkpointEvery: number;
    /** Default `${out}.checkpoint`. */
    checkpointDir?: string;
    /** JSON Lines log of every step (see TrainingLog). */
    log?: string;
    /** Continue the run whose checkpoint is in checkpointDir (there must be one); without it there must be none. */
    resume: boolean;
    lossOn?: LossOn;
    chatFormat?: ChatFormatName;
    signal?: AbortSignal;
    onProgress?: (progress: TrainProgress) => void;
    /** Called once the corpus is read and checked, before training starts. */
    onPrepared?: (prepared: PreparedSft) => void;
    /** See TrainOptions.onFrozenTensors. */
    onFrozenTensors?: TrainOptions["onFrozenTensors"];
    llama?: Llama;
}

export interface PreparedSft {
    samples: number;
    contextSize: number;
    /** Conversations per length window (context size → count, empty windows included); one entry without length windows. */
    windows: Record<string, number>;
    batchSize: number;
    threads: number;
    chatFormat: ChatFormatName;
    checkpointDir: string;
    /** Step the run resumes from, when it does. */
    resumeFrom?: number;
}

export interface TrainSftResult extends TrainResult, PreparedSft {
    log?: string;
}

async function loadVocabulary(llama: Llama, file: string): Promise<LlamaModel> {
    try {
        return await llama.loadModel({modelPath: file, vocabOnly: true});
    } catch (error) {
        throw new TrainError("train_model_unsupported", `cannot load the model ${file}: ${(error as Error).message}`, {model: file}, {cause: error});
    }
}

/**
 * Reads and checks the whole corpus (a bad line throws `train_corpus_invalid` naming it, before
 * anything is written), checks the checkpoint folder against `resume`, then trains. Rejects with
 * TrainCancelledError when `signal` aborts (a checkpoint is written first).
 */
export async function trainSft(options: TrainSftOptions): Promise<TrainSftResult> {
    const llama = options.llama ?? await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const vocabulary = await loadVocabulary(llama, options.model);
    let prepared: PreparedSft;
    let samples: Awaited<ReturnType<typeof readTrainingCorpus>>["samples"];
    let windows: number[];
    try {
        const {format} = resolveChatFormat(vocabulary, options.chatFormat);
        const corpus = await readTrainingCorpus(options.data, vocabulary, format, {lossOn: options.lossOn, contextSize: options.contextSize});
        samples = corpus.samples;
        const contextSize = options.contextSize ?? 256 * Math.max(1, Math.ceil((corpus.longest - 1) / 256));
        const checkpointDir = path.resolve(options.checkpointDir ?? `${path.resolve(options.out)}.checkpoint`);
        const state = await readCheckpointState(checkpointDir);
        if (options.resume && state === undefined) {
            throw new TrainError("train_no_checkpoint", `there is no checkpoint to resume from in ${checkpointDir}`, {checkpoint: checkpointDir});
        }
        if (!options.resume && state !== undefined) {
            throw new TrainError("train_checkpoint_exists",
                `${checkpointDir} holds the checkpoint of an earlier run (step ${state.step} of ${state.totalSteps}): resume it with --resume, or remove the folder`,
                {checkpoint: checkpointDir});
        }
        windows = options.lengthWindows === true ? windowsUpTo(contextSize) : [contextSize];
        prepared = {
            samples: samples.length, contextSize, windows: countByWindow(samples, windows), batchSize: options.batchSize ?? contextSize, threads: options.threads ?? os.availableParallelism(),
            chatFormat: format.name, checkpointDir, ...(state !== undefined ? {resumeFrom: state.step} : {})
        };
    } finally {
        await vocabulary.dispose();
    }
    options.onPrepared?.(prepared);
    const log = options.log === undefined ? undefined : TrainingLog.open(options.log, {append: options.resume});
    try {
        const result = await train({
            model: options.model, out: options.out, samples, epochs: options.epochs, learningRate: options.learningRate,
            lrSchedule: options.minLearningRate === undefined ? {type: "constant"} : {type: "cosine", minLearningRate: options.minLearningRate},
            contextSize: prepared.contextSize, batchSize: prepared.batchSize,
            windows, threads: prepared.threads, validationSplit: options.validationSplit,
            seed: options.seed, checkpointEvery: options.checkpointEvery, checkpointDir: prepared.checkpointDir, resume: options.resume, llama,
            ...(options.signal !== undefined ? {signal: options.signal} : {}),
            ...(options.onFrozenTensors !== undefined ? {onFrozenTensors: options.onFrozenTensors} : {}),
            onProgress: (progress) => {
                log?.record(progress);
                options.onProgress?.(progress);
            }
        });
        return {...prepared, ...result, ...(options.log !== undefined ? {log: path.resolve(options.log)} : {})};
    } finally {
        log?.close();
    }
}
