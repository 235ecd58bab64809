import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * Errors of the trainer. Codes: `train_addon_missing`, `train_addon_load_failed`,
 * `train_addon_attach_failed` (the native addon), `train_invalid_options`, `train_invalid_sample`,
 * `train_sample_too_long`, `train_no_samples`, `train_model_unsupported`,
 * `train_checkpoint_mismatch`, `train_checkpoint_invalid`, `train_native` (llama.cpp failed a step,
 * a load or a save), `train_io`.
 */
export class TrainError extends ToolaceError {}

/** Training stopped through its AbortSignal; `context.checkpoint` is the folder to resume from. */
export class TrainCancelledError extends TrainError {
    public constructor(message: string, details: {checkpoint: string, step: number, totalSteps: number}) {
        super("train_cancelled", message, details);
    }
}
