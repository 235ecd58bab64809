import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * Training or writing a tokenizer failed. Codes:
 * - `tokenizer_invalid_options`: a size or option is invalid (`context.option` names it);
 * - `tokenizer_corpus`: the corpus cannot be read or holds no usable text (`context.corpus`).
 */
export class TokenizerError extends ToolaceError {}
