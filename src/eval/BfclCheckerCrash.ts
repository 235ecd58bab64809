import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A point where BFCL's Python checker would raise instead of returning a verdict (a schema type
 * it has no mapping for, a ground-truth function missing from the docs, a value shape its
 * helpers index wrongly). {@link checkCalls} turns it into an invalid result with error type
 * `checker_crash:<PythonError>`; BFCL itself would abort the whole evaluation.
 */
export class BfclCheckerCrash extends ToolaceError {
    public constructor(pythonError: string, message: string) {
        super("bfcl_checker_crash", message, {pythonError});
    }

    public get pythonError(): string {
        return String(this.context.pythonError);
    }
}
