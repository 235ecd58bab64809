import type {ItemSamples} from "./sampleItems.js";

/**
 * Token-meter figures of k-sampling with a shared prompt. The k samples of an item share its
 * evaluated prompt, so what is evaluated is about `promptTokens + completionTokens` (the prompt
 * once per item, plus k completions), not `separateTokens` (k × (prompt + completion): every
 * sample evaluating its prompt again).
 */
export interface SharedPromptFigures {
    /** Items with at least one measured sample. */
    readonly items: number;
    /** Samples with token-meter figures (those the engine answered). */
    readonly samples: number;
    /** Σ over items of the rendered prompt's tokens, each prompt counted once. */
    readonly promptTokens: number;
    /** Σ over samples of the output positions evaluated (the token meter's output tokens). */
    readonly completionTokens: number;
    /** Σ over samples of the positions evaluated, prompt and output (the token meter's input + output tokens). */
    readonly evaluatedTokens: number;
    /** Σ over samples of (the item's prompt + the sample's completion): the cost without a shared prompt. */
    readonly separateTokens: number;
    /** Of the samples after the first of their item, the most prompt positions any evaluated (≤ 1 when the prompt is shared). */
    readonly maxRepeatInputTokens: number;
    /** 1 − evaluated / separate. */
    readonly savedFraction: number;
}

/** The figures of sampled items (errored samples, which have no token figures, are left out). */
export function sharedPromptFigures(records: readonly ItemSamples[]): SharedPromptFigures {
    let items = 0;
    let samples = 0;
    let promptTokens = 0;
    let completionTokens = 0;
    let evaluatedTokens = 0;
    let separateTokens = 0;
    let maxRepeatInputTokens = 0;
    for (const record of records) {
        const measured = record.samples.filter((sample) => sample.error === undefined);
        if (measured.length === 0) continue;
        items++;
        samples += measured.length;
        promptTokens += record.promptTokens;
        for (const [index, sample] of measured.entries()) {
            completionTokens += sample.outputTokens;
            evaluatedTokens += sample.inputTokens + sample.outputTokens;
            separateTokens += record.promptTokens + sample.outputTokens;
            if (index > 0) maxRepeatInputTokens = Math.max(maxRepeatInputTokens, sample.inputTokens);
        }
    }
    return {
        items, samples, promptTokens, completionTokens, evaluatedTokens, separateTokens, maxRepeatInputTokens,
        savedFraction: separateTokens === 0 ? 0 : Math.round((1 - evaluatedTokens / separateTokens) * 1000) / 1000
    };
}
