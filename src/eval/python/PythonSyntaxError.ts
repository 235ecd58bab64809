import {ToolaceError} from "../../errors/ToolaceError.js";

/**
 * Source text that Python's parser rejects (`SyntaxError`), or a construct this re-implementation
 * does not model (`code` "python_unsupported"). `context.position` is the 0-based offset.
 */
export class PythonSyntaxError extends ToolaceError {
    public constructor(message: string, position: number, options: {unsupported?: boolean} = {}) {
        super(options.unsupported === true ? "python_unsupported" : "python_syntax", message, {
            position,
            pythonError: options.unsupported === true ? "Unsupported" : "SyntaxError",
        });
    }
}
