import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * The synthesiser cannot do what it was asked: bad options (count, seed), a malformed built-in
 * tool spec, or an output directory it cannot write. `code` is `synth`; `details` says where.
 */
export class SynthError extends ToolaceError {
    public constructor(message: string, details: Record<string, unknown> = {}, options?: {cause?: unknown}) {
        super("synth", message, details, options);
    }
}
