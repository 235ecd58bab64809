/**
 * Base class of every error toolace-r raises on purpose. `code` is a stable machine-readable
 * identifier (agent mode puts it in `{error:{code, message}}`), `context` carries what produced
 * the error (a tool name, a JSON path, token counts...).
 */
export class ToolaceError extends Error {
    public readonly code: string;
    /** What produced the error (a tool name, a JSON path, token counts…). Named `context`, not `details`: test runners read `details` as text. */
    public readonly context: Readonly<Record<string, unknown>>;

    public constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: {cause?: unknown}) {
        super(message, options);
        this.name = new.target.name;
        this.code = code;
        this.context = details;
    }

    /** The error in the shape agent mode and the CLI print. */
    public toJSON(): {code: string, message: string, details?: Record<string, unknown>} {
        return Object.keys(this.context).length === 0
            ? {code: this.code, message: this.message}
            : {code: this.code, message: this.message, details: {...this.context}};
    }
}
