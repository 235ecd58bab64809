/**
 * Base class of every error toolace-r raises on purpose. `code` is a stable machine-readable
 * identifier (agent mode puts it in `{error:{code, message}}`), `details` carries the context
 * that produced the error (a tool name, a JSON path, token counts...).
 */
export class ToolaceError extends Error {
    public readonly code: string;
    public readonly details: Readonly<Record<string, unknown>>;

    public constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: {cause?: unknown}) {
        super(message, options);
        this.name = new.target.name;
        this.code = code;
        this.details = details;
    }

    /** The error in the shape agent mode and the CLI print. */
    public toJSON(): {code: string, message: string, details?: Record<string, unknown>} {
        return Object.keys(this.details).length === 0
            ? {code: this.code, message: this.message}
            : {code: this.code, message: this.message, details: {...this.details}};
    }
}
