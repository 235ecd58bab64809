import {closeSync, openSync, writeSync} from "node:fs";
import type {TrainProgress} from "./train.js";
import {TrainError} from "./TrainError.js";

/**
 * One line of a training log. A training step writes step, epoch, loss, lr, tokens (its trainable
 * tokens) and tokensPerSecond (context positions per second of the run's training steps so far); the
 * step that ends an epoch also carries that epoch's validation loss. A validation with no step of
 * this run before it (right after resuming) writes only step, epoch and valLoss.
 */
export interface TrainingLogLine {
    step: number;
    epoch: number;
    loss?: number;
    lr?: number;
    tokens?: number;
    tokensPerSecond?: number;
    valLoss?: number;
}

/** A JSON Lines file of training progress, written line by line as the steps finish. */
export class TrainingLog {
    private pending: TrainingLogLine | undefined;

    private constructor(public readonly file: string, private fd: number | undefined) {}

    /** Opens `file`, truncating it, or appending with `append` (a resumed run). Throws TrainError `train_io`. */
    public static open(file: string, options: {append: boolean}): TrainingLog {
        try {
            return new TrainingLog(file, openSync(file, options.append ? "a" : "w"));
        } catch (error) {
            throw new TrainError("train_io", `cannot open the log ${file}: ${(error as Error).message}`, {file}, {cause: error});
        }
    }

    /** Records a progress event of train(); a step's line is written once it is known whether a validation follows. */
    public record(event: TrainProgress): void {
        if (event.phase === "train") {
            this.flush();
            this.pending = {
                step: event.step, epoch: event.epoch, loss: event.loss, lr: event.learningRate, tokens: event.tokens,
                tokensPerSecond: Math.round(event.tokensPerSecond * 10) / 10
            };
        } else if (event.phase === "validate") {
            const line = this.pending?.step === event.step ? this.pending : {step: event.step, epoch: event.epoch};
            this.pending = undefined;
            this.write({...line, valLoss: event.loss});
        } else {
            this.flush();
        }
    }

    /** Writes the line still held back, if any. */
    public flush(): void {
        if (this.pending === undefined) return;
        const line = this.pending;
        this.pending = undefined;
        this.write(line);
    }

    /** Flushes and closes the file. */
    public close(): void {
        this.flush();
        if (this.fd !== undefined) closeSync(this.fd);
        this.fd = undefined;
    }

    private write(line: TrainingLogLine): void {
        if (this.fd === undefined) throw new TrainError("train_io", `the log ${this.file} is closed`, {file: this.file});
        try {
            writeSync(this.fd, `${JSON.stringify(line)}\n`);
        } catch (error) {
            throw new TrainError("train_io", `cannot write the log ${this.file}: ${(error as Error).message}`, {file: this.file}, {cause: error});
        }
    }
}
