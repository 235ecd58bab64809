/**
 * Copy-curriculum samples: random-token sequences whose only learnable part is a copy, mixed into
 * the default model's training so that it learns to copy (induction and key lookup) instead of
 * memorising the tool names and values of its training items.
 *
 * Why: a tool call copies names and values from the tools block and the request. A model trained
 * only on tool calls can lower its loss by memorising the training tools' names (each recurs in
 * many items) and frequent values; on unseen tools it then writes a memorised name, and it even
 * fails to repeat a name it wrote in the call before. In these samples the tokens are drawn at
 * random, so nothing can be memorised and copying is the only way to predict them.
 *
 * Two kinds, alternating:
 * - `repeat`: segments of 4–24 random tokens, each followed by itself again; the loss is on the
 *   repetition (but its first token, which nothing announces);
 * - `lookup`: pairs `key SEP value END` (keys of 1–3 tokens, values of 1–8), then queries of some
 *   keys in another order, `key SEP` → the loss is on that key's value and END.
 */
import {SeededRandom} from "../model/SeededRandom.js";
import type {TrainSample} from "./trainData.js";
import {TrainError} from "./TrainError.js";

export interface CopyCurriculumOptions {
    /** Samples to make. */
    count: number;
    /** Tokens drawn for keys, values and segments (the vocabulary's normal tokens). */
    tokens: readonly number[];
    /** Begin-of-sequence token, first of every sample. */
    bos: number;
    /** Token between a key and its value (e.g. ":"), and after a value (e.g. a newline). */
    separator: number;
    end: number;
    /** Tokens per sample, BOS included (a window of maxLength - 1 positions holds it). */
    maxLength: number;
    seed: number;
}

function between(random: SeededRandom, min: number, max: number): number {
    return min + (random.nextUint32() % (max - min + 1));
}

function draw(random: SeededRandom, tokens: readonly number[], count: number): number[] {
    return Array.from({length: count}, () => tokens[random.nextUint32() % tokens.length]!);
}

function repeatSample(random: SeededRandom, options: CopyCurriculumOptions): TrainSample {
    const tokens = [options.bos];
    const trainMask = [false];
    for (;;) {
        const segment = draw(random, options.tokens, between(random, 4, 24));
        if (tokens.length + 2 * segment.length > options.maxLength) break;
        for (const token of segment) { tokens.push(token); trainMask.push(false); }
        segment.forEach((token, i) => { tokens.push(token); trainMask.push(i > 0); });
    }
    return {tokens, trainMask};
}

function lookupSample(random: SeededRandom, options: CopyCurriculumOptions): TrainSample {
    const pairs: {key: number[], value: number[]}[] = [];
    const keys = new Set<string>();
    // The dictionary takes about half the sample, the queries the rest.
    let dictionaryLength = 1;
    while (dictionaryLength < options.maxLength / 2) {
        const key = draw(random, options.tokens, between(random, 1, 3));
        if (keys.has(key.join())) continue;
        const value = draw(random, options.tokens, between(random, 1, 8));
        keys.add(key.join());
        pairs.push({key, value});
        dictionaryLength += key.length + value.length + 2;
    }
    const tokens = [options.bos];
    const trainMask = [false];
    const push = (list: readonly number[], train: boolean): void => {
        for (const token of list) { tokens.push(token); trainMask.push(train); }
    };
    for (const pair of pairs) push([...pair.key, options.separator, ...pair.value, options.end], false);
    for (;;) {
        const pair = pairs[random.nextUint32() % pairs.length]!;
        if (tokens.length + pair.key.length + pair.value.length + 2 > options.maxLength) break;
        push([...pair.key, options.separator], false);
        push([...pair.value, options.end], true);
    }
    return {tokens, trainMask};
}

/** `count` copy-curriculum samples (see the module comment), the same for the same options. */
export function copyCurriculumSamples(options: CopyCurriculumOptions): TrainSample[] {
    if (!Number.isSafeInteger(options.count) || options.count < 0) {
        throw new TrainError("train_invalid_options", `copy curriculum: count must be a non-negative integer, got ${options.count}`, {option: "count"});
    }
    if (options.tokens.length < 16) {
        throw new TrainError("train_invalid_options", `copy curriculum: needs at least 16 tokens to draw from, got ${options.tokens.length}`, {option: "tokens"});
    }
    if (!Number.isSafeInteger(options.maxLength) || options.maxLength < 64) {
        throw new TrainError("train_invalid_options", `copy curriculum: maxLength must be an integer >= 64, got ${options.maxLength}`, {option: "maxLength"});
    }
    return Array.from({length: options.count}, (_, index) => {
        const random = SeededRandom.forKey(options.seed, `copy-${index}`);
        return index % 2 === 0 ? repeatSample(random, options) : lookupSample(random, options);
    });
}
