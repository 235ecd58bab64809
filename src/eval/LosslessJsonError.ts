import {ToolaceError} from "../errors/ToolaceError.js";

/** JSON text that Python's `json.loads` would reject; `context` has `position` (0-based), `line`, `column`. */
export class LosslessJsonError extends ToolaceError {
    public constructor(message: string, details: {position: number, line: number, column: number}) {
        super("json_syntax", message, details);
    }
}
