import type {Argv} from "yargs";
import type {EngineOptions} from "../engine/ToolCallEngine.js";
import type {ChatStyleName} from "../engine/resolveChatStyle.js";

export type EngineArgs = {model?: string, threads?: number, contexts?: number, ctx?: number, gpu: boolean, "chat-format"?: ChatStyleName, "chat-template-file"?: string, "max-string-length"?: number, grammar: boolean};

/** The flags every model-running command shares. */
export function withEngineArgs<T>(yargs: Argv<T>): Argv<T & EngineArgs> {
    return yargs
        .option("model", {type: "string", describe: "GGUF file, catalog name (see `model list`: smollm2-135m-instruct, gemma-3-270m; pulled on first use) or hf: URI (default: models/default.gguf)"})
        .option("threads", {type: "number", describe: "evaluation threads (default: 1 for models under 128 MiB, else all cores)"})
        .option("contexts", {type: "number", describe: "contexts of --threads threads each: requests on different contexts run in parallel on separate cores (evaluations answer that many items at once; default 1)"})
        .option("ctx", {type: "number", describe: "context tokens per sequence (default: the model's, at most 4096)"})
        .option("gpu", {type: "boolean", default: true, describe: "use a GPU when one is available (--no-gpu forces CPU)"})
        .option("chat-format", {choices: ["auto", "template", "template-hermes", "builtin", "chatml", "llama3", "generic"] as const,
            describe: "conversation layout: auto (default: the model's chat template and its own tool-call syntax; plain ChatML/Llama 3 templates use the built-in formats), template (the template's syntax, or fail), template-hermes (Hermes calls in the template's turns), builtin/chatml/llama3/generic (hand-written formats)"})
        .option("chat-template-file", {type: "string", describe: "Jinja chat template file to use instead of the model's tokenizer.chat_template"})
        .option("max-string-length", {type: "number", describe: "cap on generated string values, in characters (for weak or random models)"})
        .option("grammar", {type: "boolean", default: true, describe: "constrain calls with the tools' grammar (--no-grammar: free generation, parsed as written; for comparisons)"}) as Argv<T & EngineArgs>;
}

export function engineOptions(args: EngineArgs, extra: Partial<EngineOptions> = {}): EngineOptions {
    return {
        model: args.model,
        threads: args.threads,
        contexts: args.contexts,
        contextSize: args.ctx,
        gpu: args.gpu ? "auto" : false,
        chatFormat: args["chat-format"],
        ...(args["chat-template-file"] !== undefined ? {chatTemplateFile: args["chat-template-file"]} : {}),
        grammar: args["max-string-length"] != null ? {maxStringLength: args["max-string-length"]} : undefined,
        ...(args.grammar === false ? {constrained: false} : {}),
        ...extra
    };
}
