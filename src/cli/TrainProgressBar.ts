import type {TrainProgress} from "../train/train.js";

/** `95s` → `1m35s`, `4000s` → `1h06m`. */
function formatDuration(seconds: number): string {
    if (!Number.isFinite(seconds) || seconds < 0) return "?";
    const s = Math.round(seconds);
    if (s < 60) return `${s}s`;
    if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * Training progress on a terminal (stderr): a bar redrawn in place with step/total, epoch, loss,
 * tokens/s and ETA; validation losses and checkpoints as lines of their own. When the stream is not
 * a terminal, the bar is printed as a plain line every 5% of the run instead.
 */
export class TrainProgressBar {
    private readonly tty: boolean;
    private firstStep: {step: number, at: number} | undefined;
    private drawn = false;
    private lastPrinted = -1;
    private lastDraw = 0;

    public constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly epochs = 1) {
        this.tty = stream.isTTY === true;
    }

    public update(event: TrainProgress): void {
        const now = Date.now();
        if (event.phase === "validate") {
            this.line(`epoch ${event.epoch + 1}: validation loss ${event.loss.toFixed(4)} over ${event.tokens} tokens`);
            return;
        }
        if (event.phase === "checkpoint") {
            this.line(`checkpoint written at step ${event.step}/${event.totalSteps}`);
            return;
        }
        if (this.firstStep === undefined) this.firstStep = {step: event.step - 1, at: now - event.elapsedMs};
        const done = event.step - this.firstStep.step;
        const perStep = done > 0 ? (now - this.firstStep.at) / 1000 / done : Number.NaN;
        const eta = perStep * (event.totalSteps - event.step);
        const fraction = event.totalSteps > 0 ? event.step / event.totalSteps : 1;
        const width = 24;
        const filled = Math.round(fraction * width);
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
        const text = `train ${bar} ${event.step}/${event.totalSteps} · epoch ${event.epoch + 1}/${this.epochs} · loss ${event.loss.toFixed(4)} · `
            + `${Math.round(event.tokensPerSecond)} tok/s · ETA ${event.step === event.totalSteps ? "done" : formatDuration(eta)}`;
        if (this.tty) {
            if (now - this.lastDraw < 100 && event.step !== event.totalSteps) return;
            this.lastDraw = now;
            this.stream.write(`\r${text}\x1b[K`);
            this.drawn = true;
            return;
        }
        const every = Math.max(1, Math.floor(event.totalSteps / 20));
        const bucket = Math.floor(event.step / every);
        if (bucket !== this.lastPrinted || event.step === event.totalSteps) {
            this.lastPrinted = bucket;
            this.stream.write(`${text}\n`);
        }
    }

    /** Ends the bar's line (call before printing anything else). */
    public finish(): void {
        if (this.drawn) this.stream.write("\n");
        this.drawn = false;
    }

    private line(text: string): void {
        if (this.drawn) this.stream.write("\r\x1b[K");
        this.stream.write(`${text}\n`);
        this.drawn = false;
    }
}
