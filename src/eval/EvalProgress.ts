/** Where progress goes: a writable stream (stderr), TTY or not. */
export interface ProgressStream {
    write(text: string): unknown;
    readonly isTTY?: boolean;
    readonly columns?: number;
}

export interface EvalProgressOptions {
    /** Printed before the bar (`bfcl`, `api-bank`). */
    readonly label: string;
    /** Off a TTY: the least time between two lines (default 5000 ms). */
    readonly intervalMs?: number;
    /** Clock, for tests. */
    readonly now?: () => number;
}

const BAR_WIDTH = 24;

/**
 * A progress bar for an evaluation run: items done of total, accuracy so far and the ETA (from
 * the items evaluated in this session, so resumed items do not distort it). On a TTY the line is
 * redrawn in place after every item; otherwise a line is written at most once per `intervalMs`,
 * plus one when the run finishes.
 */
export class EvalProgress {
    private total = 0;
    private done = 0;
    private correct = 0;
    private sessionDone = 0;
    private startedAt = 0;
    private lastLineAt = Number.NEGATIVE_INFINITY;
    private readonly intervalMs: number;
    private readonly now: () => number;

    public constructor(private readonly stream: ProgressStream, private readonly options: EvalProgressOptions) {
        this.intervalMs = options.intervalMs ?? 5000;
        this.now = options.now ?? (() => Date.now());
    }

    /** Starts the bar; `done` items (`correct` of them right) were already evaluated by an earlier run. */
    public start(total: number, done = 0, correct = 0): void {
        this.total = total;
        this.done = done;
        this.correct = correct;
        this.sessionDone = 0;
        this.startedAt = this.now();
        this.draw(true);
    }

    /** One more item evaluated. */
    public tick(correct: boolean): void {
        this.done++;
        this.sessionDone++;
        if (correct) this.correct++;
        this.draw(false);
    }

    /** Ends the bar (a final line; on a TTY it ends the redrawn line). */
    public finish(): void {
        if (this.stream.isTTY === true) {
            this.stream.write(`\r${this.line()}\x1b[K\n`);
        } else {
            this.stream.write(`${this.line()}\n`);
        }
    }

    /** The text of the bar now. */
    public line(): string {
        const fraction = this.total === 0 ? 1 : this.done / this.total;
        const filled = Math.round(fraction * BAR_WIDTH);
        const bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        const accuracy = this.done === 0 ? "-" : `${(100 * this.correct / this.done).toFixed(1)}%`;
        const elapsed = this.now() - this.startedAt;
        const perItem = this.sessionDone === 0 ? undefined : elapsed / this.sessionDone;
        const remaining = this.total - this.done;
        const eta = remaining === 0 ? "0s" : perItem === undefined ? "?" : formatDuration(perItem * remaining);
        const rate = perItem === undefined ? "" : ` ${(perItem / 1000).toFixed(2)}s/item`;
        return `${this.options.label} [${bar}] ${this.done}/${this.total} acc ${accuracy}${rate} ETA ${eta}`;
    }

    private draw(first: boolean): void {
        if (this.stream.isTTY === true) {
            this.stream.write(`\r${this.line()}\x1b[K`);
            return;
        }
        const at = this.now();
        if (!first && at - this.lastLineAt < this.intervalMs) return;
        this.lastLineAt = at;
        this.stream.write(`${this.line()}\n`);
    }
}

/** `45s`, `3m07s`, `2h05m`. */
export function formatDuration(ms: number): string {
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds < 60) return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
    return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
