import type {Token} from "node-llama-cpp";

/**
 * How far ahead of every allowed rival a draft token's logit v must be for a batch to decide it
 * (see verifyDraft and greedyChoice): `margin + relativeMargin × |v|`.
 */
export type DecisionMargins = {margin: number, relativeMargin: number};

/**
 * The margins used before a context is calibrated. Logits of a position evaluated in a batch can
 * differ from those of one-token steps. With this project's local llama.cpp build (its
 * flash-attention patch) they do not on the CPU, with 1 or 2 threads and batches of any size
 * (Q8_0 weights); stock llama.cpp differs by up to 0.21 in batches of 64 tokens or more, and by
 * up to 0.15 (12% of the logit) with 2 threads, where it splits the attention of one token across
 * threads; F32 weights take another matrix product in batches (about 1e-7); GPU kernels differ
 * too. Two logits can move apart by about twice that.
 */
export const UNCALIBRATED_MARGINS: DecisionMargins = {margin: 0.05, relativeMargin: 0.04};
/** Positions compared before the measured margins replace UNCALIBRATED_MARGINS. */
export const CALIBRATION_POSITIONS = 192;
/** Calibrated margins are this many times the largest difference measured (two logits moving apart, then twice that). */
export const MARGIN_SAFETY = 4;
/** Once calibrated, every this-many-th check is measured again, so that differences that appear later (a fragmented cache) widen the margins. */
export const REMEASURE_EVERY = 32;

/**
 * Decision margins for draft checks in one context (one model, thread count and backend),
 * measured instead of assumed. Until CALIBRATION_POSITIONS positions have been compared, checks use
 * UNCALIBRATED_MARGINS and verifyDraft re-evaluates the positions it batched one token at a time
 * (what plain decoding computes), reporting both logits here. From then on the margins are
 * MARGIN_SAFETY times the largest absolute and relative differences seen (relative to max(1, |v|)).
 * Where batches reproduced one-token logits bit for bit, the margins are zero (`exact`): greedy
 * decoding's choice is then read from a batch as it is from a one-token step, ties included.
 * After calibration every REMEASURE_EVERY-th check is measured too.
 *
 * What the margins cannot cover is a difference that never shows in the positions measured. In
 * llama.cpp, one-token and batched evaluations on one CPU thread compute the same bits as long as
 * the sequence's cache cells keep their layout; a cache shared by several sequences, filled and
 * erased in turn, can change the order in which attention sums (0.2 of a logit on the default
 * model), which moves plain decoding by as much: it is not reproducible across such layouts either.
 */
export class DraftMargins {
    private positions = 0;
    /** A position could not be compared: the conservative margins stay for good. */
    private unusable = false;
    private maxAbsolute = 0;
    private maxRelative = 0;
    private checks = 0;
    private readonly needed: number;
    private readonly remeasureEvery: number;

    public constructor(options: {positions?: number, remeasureEvery?: number} = {}) {
        this.needed = Math.max(1, options.positions ?? CALIBRATION_POSITIONS);
        this.remeasureEvery = Math.max(1, options.remeasureEvery ?? REMEASURE_EVERY);
    }

    /** Called once per draft check: whether this check should measure its positions (always until calibrated). */
    public measureNextCheck(): boolean {
        if (!this.calibrated) return !this.unusable && Number.isFinite(this.needed);
        this.checks++;
        return this.checks % this.remeasureEvery === 0;
    }

    /** Whether the margins are measured (enough positions compared). */
    public get calibrated(): boolean {
        return !this.unusable && this.positions >= this.needed;
    }

    /** Positions compared so far. */
    public get comparedPositions(): number {
        return this.positions;
    }

    /** The largest differences measured so far (absolute, and relative to max(1, |v|)). */
    public get largestDifference(): {absolute: number, relative: number} {
        return {absolute: this.maxAbsolute, relative: this.maxRelative};
    }

    public current(): DecisionMargins {
        if (!this.calibrated) return UNCALIBRATED_MARGINS;
        return {margin: MARGIN_SAFETY * this.maxAbsolute, relativeMargin: MARGIN_SAFETY * this.maxRelative};
    }

    /** Whether every position compared gave bit-identical logits in a batch and in one-token steps (then the margins are zero). */
    public get exact(): boolean {
        return this.calibrated && this.maxAbsolute === 0;
    }

    /**
     * Compares the ranked logits of one position computed in a batch with those of a one-token step,
     * over the tokens both list. A position whose excerpts share no token, or a logit that is not a
     * finite number on one side only, cannot be compared with confidence: it keeps the context
     * uncalibrated for good (the conservative margins stay).
     */
    public observe(batched: ReadonlyMap<Token, number>, oneToken: ReadonlyMap<Token, number>): void {
        let shared = 0;
        for (const [token, value] of oneToken) {
            const other = batched.get(token);
            if (other === undefined) continue;
            shared++;
            if (Number.isFinite(value) !== Number.isFinite(other)) return this.giveUp();
            if (!Number.isFinite(value)) continue;
            const difference = Math.abs(value - other);
            this.maxAbsolute = Math.max(this.maxAbsolute, difference);
            this.maxRelative = Math.max(this.maxRelative, difference / Math.max(1, Math.abs(value)));
        }
        if (shared === 0) return this.giveUp();
        this.positions++;
    }

    private giveUp(): void {
        this.unusable = true;
    }
}
