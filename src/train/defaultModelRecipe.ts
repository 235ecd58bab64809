import type {SelectionRule} from "../iterate/selectItems.js";
import type {LossOn} from "./parseTrainingConversation.js";

/**
 * The recipe of the embedded default model (models/default.gguf): data, tokenizer, shape and
 * training schedule. Changing anything here starts a new run (the pipeline refuses to resume a
 * work folder made with another recipe). Why these values: models/README.md.
 */
export interface DefaultModelRecipe {
    synth: {count: number, seed: number};
    tokenizer: {size: number};
    model: {dim: number, layers: number, heads: number, ffn: number, ctx: number, seed: number, ropeFreqBase: number, induction: boolean};
    train: {
        windows: readonly number[];
        /** Passes over the data, each on freshly synthesised items (same tools, same split). */
        passes: number;
        epochs: number;
        learningRate: number;
        minLearningRate: number;
        warmupSteps: number;
        /**
         * Absent: one learning-rate curve over all passes. Present (one per pass): every pass runs its
         * own linear decay from its peak to `minLearningRate · peak / learningRate`, warmup on pass 0
         * only (phaseLearningRate), so a pass added later leaves the earlier passes' outputs valid.
         */
        passPeaks?: readonly number[];
        weightDecay: number;
        lossOn: LossOn;
        seed: number;
        /**
         * Copy-curriculum samples (copyCurriculumSamples) mixed into the passes from `fromPass` on:
         * `share` of a pass's item count, `length` tokens each (they go to the window that holds them).
         */
        copyCurriculum?: {fromPass: number, share: number, length: number};
    };
    /**
     * ToolACE-R's refinement stages after SFT, run in order (trainIterate, model-aware selection with
     * the self-refinement corpus unless a stage leaves it out); each starts from the best model of the
     * one before (the first from the SFT output). Absent or empty: the SFT output is shipped.
     */
    refine?: readonly RefineStage[];
}

/**
 * One refinement stage: `synth` of `pool.count` fresh items from `pool.firstIndex` (same tools and
 * split), the first `poolLimit` train items sampled `k` times, `iterations` at most (fewer when the
 * model-aware selection stops growing), constant `learningRate`; the best model on the first
 * `devLimit` dev items (adaptive refinement, then round 0) is the stage's output.
 */
export interface RefineStage {
    pool: {count: number, firstIndex: number};
    poolLimit: number;
    k: number;
    iterations: number;
    learningRate: number;
    devLimit: number;
    maxStringLength: number;
    maxTokens: number;
    seed: number;
    /** Train the self-refinement conversations besides the selected items' SFT ones (absent: true). */
    refinementCorpus?: boolean;
    /** Which sampled items are trained (trainIterate's selection rule; absent: model-aware). */
    select?: SelectionRule;
    /** Cosine decay from `learningRate` to this within each iteration (absent: constant rate). */
    minLearningRate?: number;
    /** Length windows in training (trainIterate's lengthWindows; absent: one window). */
    lengthWindows?: boolean;
}

export const defaultModelRecipe: DefaultModelRecipe = {
    /** `toolace-r synth` data: items in all splits (~80/10/10 by tool) and seed. */
    synth: {count: 16000, seed: 20250401},
    /** Our byte-level BPE vocabulary, special tokens included. */
    tokenizer: {size: 4096},
    /**
     * `induction`: an induction circuit (copying) is planted into the random init
     * (`plantInductionCircuit`); RoPE base 1e7 leaves half of each head's pairs rotating slowly
     * enough to match by content over the whole context.
     */
    model: {dim: 256, layers: 6, heads: 4, ffn: 768, ctx: 2048, seed: 1, ropeFreqBase: 1e7, induction: true},
    train: {
        /**
         * Context windows of the length buckets, trained in this order (a short-first curriculum);
         * each sample goes to the smallest window it fits, so padding is at most one bucket step.
         * Samples longer than the last window are dropped.
         */
        windows: [512, 768, 1024],
        /**
         * Two passes, each its own learning-rate curve (`passPeaks`): pass 0 (12,767 steps, 1e-3 → 1e-4)
         * is the first shipped run unchanged; pass 1 trains fresh items of the same tools from 5e-4
         * down to 5e-5. Without the planted circuit, three passes were planned because pass 0 alone
         * (3.9 h on one core) left values uncopied.
         */
        passes: 2,
        passPeaks: [1e-3, 5e-4],
        epochs: 1,
        learningRate: 1e-3,
        minLearningRate: 1e-4,
        warmupSteps: 200,
        weightDecay: 0.01,
        /** Loss on the target assistant turn (calls or text, and its end-of-turn token) only. */
        lossOn: "last",
        seed: 7
        // No copyCurriculum: mixed into pass 2 (one copy sample per two items), 4,100 steps left its
        // copy loss at the uniform ln(4089) and raised the held-out answer loss from 2.40 to 2.53
        // (`npm run bench -- copy`); see models/README.md.
    },
    /**
     * Two refinement stages on the same 4,000-item pool (fresh items, same tools and split), each
     * item sampled 4 times. Stage 1 samples its first 600 train items: in the shipped run iteration 1
     * (about 20 minutes on this machine) taught text answers to irrelevant requests and refinement
     * that stops instead of rewriting good calls; iteration 2's selection did not grow (121 items after
     * 128), so the stage stopped there. Stage 2 grows the pool to 2,000 items, where the model-aware
     * selection of the stronger model has room to grow again, and trains the selected items without
     * the self-refinement conversations: at this scale that arm was the best on dev (28.5% round 0,
     * 27.0% adaptive, against 26.0% / 27.0% with them; models/README.md, ablation in README.md).
     * One iteration: with the self-refinement conversations, iteration 2's selection shrank (439 → 372)
     * and the stage stopped; the shipped arm was run for one iteration.
     */
    refine: [
        {pool: {count: 4000, firstIndex: 48000}, poolLimit: 600, k: 4, iterations: 3, learningRate: 1e-4, devLimit: 200, maxStringLength: 64, maxTokens: 384, seed: 0},
        {pool: {count: 4000, firstIndex: 48000}, poolLimit: 2000, k: 4, iterations: 1, learningRate: 1e-4, devLimit: 200, maxStringLength: 64, maxTokens: 384, seed: 1, refinementCorpus: false}
    ]
};
