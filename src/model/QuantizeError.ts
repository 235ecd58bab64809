import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * `quantizeModel` failed. Codes: `quantize_invalid_options` (`context.option` names it),
 * `quantize_input` (the input is missing or not a GGUF model), `quantize_failed` (llama.cpp's
 * quantizer failed; its message is included), `quantize_unavailable` (the native addon is not built),
 * `quantize_io` (the output could not be checked or moved into place).
 */
export class QuantizeError extends ToolaceError {}
