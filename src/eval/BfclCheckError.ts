import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A check that cannot be run as asked: a category this checker does not support
 * (`bfcl_unsupported_category`: Java and JavaScript) or an AST category without ground truth
 * (`bfcl_missing_ground_truth`).
 */
export class BfclCheckError extends ToolaceError {
    public constructor(code: "bfcl_unsupported_category" | "bfcl_missing_ground_truth", message: string, details: Record<string, unknown> = {}) {
        super(code, message, details);
    }
}
