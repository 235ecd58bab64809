import {ToolaceError} from "../errors/ToolaceError.js";

/** The error body OpenAI's API answers with, and the HTTP status that goes with it. */
export type OpenAiErrorBody = {error: {message: string, type: string, param: string | null, code: string | null}};

/** An error the server answers with: an HTTP status and OpenAI's error object. */
export class OpenAiError extends Error {
    public constructor(
        public readonly status: number,
        message: string,
        public readonly type: string,
        public readonly code: string | null,
        public readonly param: string | null = null
    ) {
        super(message);
        this.name = "OpenAiError";
    }

    public get body(): OpenAiErrorBody {
        return {error: {message: this.message, type: this.type, param: this.param, code: this.code}};
    }

    /**
     * The status and error object for anything a request raised: the request's own faults are 400
     * (`invalid_request_error`, naming the field where one is known), a conversation longer than
     * the context is 400 `context_length_exceeded`, the engine's own failures are 500.
     */
    public static from(error: unknown): OpenAiError {
        if (error instanceof OpenAiError) return error;
        if (error instanceof ToolaceError) {
            const param = paramOf(error);
            switch (error.code) {
                case "bad_request":
                case "tool_schema":
                case "template_raise":
                case "template_limit":
                case "empty_prompt":
                    return new OpenAiError(400, error.message, "invalid_request_error", error.code, param);
                case "context_overflow":
                    return new OpenAiError(400, error.message, "invalid_request_error", "context_length_exceeded", "messages");
                case "output_truncated":
                    return new OpenAiError(400, `${error.message}; raise max_tokens`, "invalid_request_error", error.code, "max_tokens");
                case "aborted":
                    return new OpenAiError(499, error.message, "invalid_request_error", error.code);
                default:
                    return new OpenAiError(500, error.message, "server_error", error.code);
            }
        }
        return new OpenAiError(500, error instanceof Error ? error.message : String(error), "server_error", "internal");
    }
}

/** The request field an error names: `field` (`messages[0].role`), or a tool schema's tool and JSON path. */
function paramOf(error: ToolaceError): string | null {
    const {field, tool, path} = error.context as {field?: unknown, tool?: unknown, path?: unknown};
    if (typeof field === "string") return field === "$" ? null : field;
    if (error.code === "tool_schema") return typeof tool === "number" && typeof path === "string" ? `tools[${tool}].function${path.replace(/^\$/, "")}` : "tools";
    return null;
}
