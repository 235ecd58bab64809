import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * A chat template that cannot be used: it does not parse (`template_syntax`), it raised an error
 * of its own through `raise_exception` (`template_raise`), it failed while rendering
 * (`template_render`), or it went past the sandbox's time, memory or output limits (`template_limit`).
 * `template` names the template (its file or the model it came from).
 */
export class TemplateError extends ToolaceError {
    public constructor(code: "template_syntax" | "template_raise" | "template_render" | "template_limit", message: string, template: string, details: Record<string, unknown> = {}) {
        super(code, `chat template ${template}: ${message}`, {template, ...details});
    }
}
