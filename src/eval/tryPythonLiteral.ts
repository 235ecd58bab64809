import {ToolaceError} from "../errors/ToolaceError.js";
import {evaluatePythonExpression} from "./python/evaluatePythonExpression.js";
import {parsePythonExpression} from "./python/parsePythonExpression.js";
import type {PyValue} from "./PyValue.js";

/** The value of a Python literal expression (`{'a': [1, 2.0]}`, `'text'`, `None`...), or undefined when the text is not one. */
export function tryPythonLiteral(text: string): PyValue | undefined {
    try {
        return evaluatePythonExpression(parsePythonExpression(text.trim()));
    } catch (error) {
        if (error instanceof ToolaceError) return undefined;
        throw error;
    }
}
