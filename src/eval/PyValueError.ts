import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * An operation on Python values that Python itself would refuse (an unhashable dict key, an
 * unsupported operand). `context.pythonError` names the exception Python raises (`TypeError`...).
 */
export class PyValueError extends ToolaceError {
    public constructor(code: string, message: string, details: Record<string, unknown> = {}) {
        super(code, message, details);
    }
}
