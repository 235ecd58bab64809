import {ToolaceError} from "../errors/ToolaceError.js";

/** A source tool's schema uses something the synthesiser cannot map to JSON Schema (an unknown type name). */
export class LooseSchemaError extends ToolaceError {
    public constructor(problem: string) {
        super("loose_schema", problem, {problem});
    }
}
