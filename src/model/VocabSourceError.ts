import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A vocabulary could not be resolved. Codes:
 * - `vocab_not_found`: a path was given and no file is there;
 * - `vocab_unknown`: a name was given that the llama.cpp bundle has no `models/ggml-vocab-NAME.gguf` for
 *   (`details.available` lists the names it has);
 * - `vocab_bundle_missing`: node-llama-cpp's `llama/gitRelease.bundle` is not installed;
 * - `git_missing`: git, needed to read the bundle, is not on PATH;
 * - `vocab_git_failed`: a git command failed (its stderr is in `details.stderr`).
 */
export class VocabSourceError extends ToolaceError {}
