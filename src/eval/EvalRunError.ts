import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * An evaluation run that cannot start or go on: an unsupported or unknown category
 * (`eval_unsupported_category`), an output folder holding a run made with other settings
 * (`eval_config_mismatch`), an unreadable `items.jsonl` (`eval_bad_items_file`), bad options
 * (`eval_bad_option`). `context` names the category, file or setting.
 */
export class EvalRunError extends ToolaceError {
    public constructor(code: "eval_unsupported_category" | "eval_config_mismatch" | "eval_bad_items_file" | "eval_bad_option", message: string,
        details: Record<string, unknown> = {}, options?: {cause?: unknown}) {
        super(code, message, details, options);
    }
}
