import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A prompt-mode reply that BFCL's decoder cannot turn into calls. `context.pythonError` is the
 * exception BFCL's Python code raises there (`SyntaxError`, `AssertionError`, `TypeError`,
 * `AttributeError`, `Exception`...), or `Unsupported` for the few valid forms this decoder does
 * not model; `context.position` points into the cleaned reply when known.
 */
export class PromptDecodeError extends ToolaceError {
    public constructor(message: string, details: {pythonError: string, position?: number, text: string}, options?: {cause?: unknown}) {
        super("bfcl_decode", message, details, options);
    }
}
