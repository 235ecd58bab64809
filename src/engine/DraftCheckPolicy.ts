/**
 * Whether the next refinement round of an engine should check its draft (see verifyDraft). A check
 * pays off only when it decides the whole round (the round confirms the previous call, with every
 * token clear of near ties); otherwise its batches are wasted and the round is decoded as usual.
 * Models that hesitate between tokens (the small default model, random test models) rarely give
 * whole rounds, so checks stay on only while at least `minShare` of the last `window` checks
 * decided their round, after a `warmup` of checks; while off, every `retryEvery`-th round checks
 * again, so that a workload that starts to confirm turns them back on.
 */
export class DraftCheckPolicy {
    private readonly outcomes: boolean[] = [];
    private skipped = 0;
    private readonly warmup: number;
    private readonly minShare: number;
    private readonly window: number;
    private readonly retryEvery: number;

    public constructor(options: {warmup?: number, minShare?: number, window?: number, retryEvery?: number} = {}) {
        this.warmup = options.warmup ?? 4;
        this.minShare = options.minShare ?? 0.25;
        this.window = Math.max(1, options.window ?? 32);
        this.retryEvery = Math.max(1, options.retryEvery ?? 16);
    }

    /** Whether the next round should check its draft (call once per round that has a draft). */
    public shouldCheck(): boolean {
        if (this.outcomes.length < this.warmup || this.share() >= this.minShare) return true;
        this.skipped++;
        if (this.skipped < this.retryEvery) return false;
        this.skipped = 0;
        return true;
    }

    /** Records whether a check decided its whole round. */
    public record(decidedWholeRound: boolean): void {
        this.outcomes.push(decidedWholeRound);
        if (this.outcomes.length > this.window) this.outcomes.shift();
    }

    /** The share of the recorded checks (at most `window`) that decided their whole round. */
    public share(): number {
        return this.outcomes.length === 0 ? 0 : this.outcomes.filter(Boolean).length / this.outcomes.length;
    }
}
