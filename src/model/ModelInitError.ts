import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * `initModel` cannot build the requested model. Codes:
 * - `model_invalid_options`: a size or option is invalid (`details.option` names it);
 * - `model_vocab_unusable`: the vocabulary file has no tokenizer, or lacks the tokens the chosen
 *   chat template needs (`details.missingTokens`).
 */
export class ModelInitError extends ToolaceError {}
