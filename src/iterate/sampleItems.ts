import type {ToolCallEngine} from "../engine/ToolCallEngine.js";
import type {CallRequest} from "../engine/CallRequest.js";
import {parseCallRequest} from "../engine/parseCallRequest.js";
import type {ToolCall} from "../protocol/ChatMessage.js";
import {fnv1a} from "../synth/fnv1a.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {itemScoring, scoreSample} from "./scoreSample.js";
import {forEachConcurrently} from "../util/forEachConcurrently.js";

/** One sampled answer (round 0, no refinement) to an item, scored. */
export interface SampleRecord {
    readonly seed: number;
    readonly tool_calls: readonly ToolCall[];
    readonly content: string | null;
    readonly correct: boolean;
    /** The decoded calls in canonical form (callSetKey): equal call sets are the same answer. */
    readonly callSet: string;
    /** The checker's error type when wrong. */
    readonly errorType?: string;
    /** Token meter of the sample: prompt positions evaluated (the cached prefix is not) and output positions. */
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly ms: number;
    /** The engine refused or failed the request (no answer, counted wrong, no tokens known). */
    readonly error?: {readonly code: string, readonly message: string};
}

/** The k samples of one item: one line of an iteration's `samples.jsonl`. */
export interface ItemSamples {
    readonly id: string;
    readonly category: string;
    /** Tokens of the rendered prompt: what each sample would evaluate if it did not share it. */
    readonly promptTokens: number;
    readonly samples: readonly SampleRecord[];
    /** How many samples are correct. */
    readonly correct: number;
}

export interface SampleItemsOptions {
    /** The model to sample: `engine.slots` items are sampled at once, each on its own sequence. */
    readonly engine: ToolCallEngine;
    readonly items: readonly SynthItem[];
    /** Samples per item. */
    readonly k: number;
    /** Sampling temperature (> 0 for distinct samples). */
    readonly temperature: number;
    /** Mixed with each item's id and the sample's index into the sample's own seed (sampleSeed). */
    readonly seed: number;
    /** Output tokens per sample (default: the engine's). */
    readonly maxTokens?: number;
    /** Ids of items already sampled (a resumed run): skipped. */
    readonly skip?: ReadonlySet<string>;
    /** Called with each item's record as soon as it is done (to append it to a file). */
    readonly onItem?: (record: ItemSamples) => void | Promise<void>;
    /** Stops before the next item when aborted. */
    readonly signal?: AbortSignal;
}

/** The seed of sample `index` of an item: distinct across the samples of an item, and a function of the base seed and the item id only. */
export function sampleSeed(seed: number, itemId: string, index: number): number {
    return (fnv1a(`${seed}\u0000${itemId}`) + index) >>> 0;
}

/**
 * Samples every item `k` times with the engine (temperature > 0, a distinct seed per sample, no
 * refinement) and scores each sample BFCL-exactly (scoreSample). The k samples of an item run back
 * to back with the same messages on the engine's context sequence, which keeps the longest cached
 * prefix: the prompt is evaluated once, by the first sample, and the others evaluate only their
 * completion (token meter: `inputTokens` ≈ prompt for the first sample, ≤ 1 for the others).
 * A request the engine refuses or fails is a wrong sample with `error`. An engine with several
 * slots (contexts or sequences) samples that many items at once; a sample's result depends only on
 * its item and seed, not on which sequence ran it. `onItem` gets each record as soon as its item is
 * done. Returns the records of the items sampled by this call, in item order.
 */
export async function sampleItems(options: SampleItemsOptions): Promise<ItemSamples[]> {
    const {engine} = options;
    const todo = options.items.filter((item) => !options.skip?.has(item.id));
    const records = new Map<string, ItemSamples>();
    await forEachConcurrently(todo, engine.slots, async (item) => {
        const record = await sampleItem(engine, item, options);
        records.set(item.id, record);
        await options.onItem?.(record);
    }, () => options.signal?.aborted === true);
    return todo.flatMap((item) => records.get(item.id) ?? []);
}

async function sampleItem(engine: ToolCallEngine, item: SynthItem, options: SampleItemsOptions): Promise<ItemSamples> {
    const scoring = itemScoring(item);
    const samples: SampleRecord[] = [];
    let request: CallRequest | undefined;
    let refused: {code: string, message: string} | undefined;
    try {
        request = parseCallRequest({messages: item.messages, tools: item.tools, refine: "off", temperature: options.temperature,
            ...(options.maxTokens === undefined ? {} : {max_tokens: options.maxTokens})});
    } catch (error) {
        refused = errorOf(error);
    }
    const promptTokens = request === undefined ? 0 : engine.promptTokens(request.messages, request.tools).length;
    for (let index = 0; index < options.k; index++) {
        const seed = sampleSeed(options.seed, item.id, index);
        if (request === undefined) {
            samples.push(failed(seed, refused!));
            continue;
        }
        try {
            const result = await engine.call({...request, sampling: {...request.sampling, seed}});
            const round = result.rounds[0]!;
            const score = scoreSample(scoring, round);
            samples.push({
                seed, tool_calls: round.tool_calls, content: round.content, correct: score.correct, callSet: score.callSet,
                ...(score.errorType === undefined ? {} : {errorType: score.errorType}),
                inputTokens: round.inputTokens, outputTokens: round.outputTokens, ms: round.ms
            });
        } catch (error) {
            samples.push(failed(seed, errorOf(error)));
        }
    }
    return {id: item.id, category: scoring.category, promptTokens, samples, correct: samples.filter((sample) => sample.correct).length};
}

function failed(seed: number, error: {code: string, message: string}): SampleRecord {
    return {seed, tool_calls: [], content: null, correct: false, callSet: "<error>", errorType: `error:${error.code}`, inputTokens: 0, outputTokens: 0, ms: 0, error};
}

function errorOf(error: unknown): {code: string, message: string} {
    const code = typeof (error as {code?: unknown}).code === "string" ? (error as {code: string}).code : "internal";
    return {code, message: error instanceof Error ? error.message : String(error)};
}
