/**
 * The chat-template sandbox's worker thread: compiles and renders templates with
 * @huggingface/jinja, set up as transformers' apply_chat_template sets up Jinja. It sees only the
 * variables it is given; the main thread bounds its time and memory (see templateSandbox).
 */
import {type MessagePort, workerData} from "node:worker_threads";
import {Environment, Interpreter, Template} from "@huggingface/jinja";
import {strftime} from "./strftime.js";
import {applyJinjaPythonCompat} from "./jinjaPythonCompat.js";

export type RenderJob = {source: string, context: Record<string, unknown>, now: number, maxOutputChars: number};
export type RenderReply = {ok: true, text: string} | {ok: false, code: "template_syntax" | "template_raise" | "template_render" | "template_limit", message: string};

class TemplateRaise extends Error {}

const {port, signal} = workerData as {port: MessagePort, signal: Int32Array};
applyJinjaPythonCompat();
const compiled = new Map<string, Template | Error>();
const MAX_COMPILED = 16;

function compile(source: string): Template | Error {
    let template = compiled.get(source);
    if (template === undefined) {
        try {
            template = new Template(source);
        } catch (error) {
            template = error instanceof Error ? error : new Error(String(error));
        }
        compiled.set(source, template);
        if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    }
    return template;
}

/** Python's `range` as Jinja templates call it. */
function range(...args: number[]): number[] {
    const [start, stop, step] = args.length === 1 ? [0, args[0]!, 1] : [args[0]!, args[1]!, args[2] ?? 1];
    if (step === 0) throw new Error("range() arg 3 must not be zero");
    const values: number[] = [];
    for (let value = start; step > 0 ? value < stop : value > stop; value += step) values.push(value);
    return values;
}

/** Template.render with transformers' globals (the library's own would clash with them). */
function run(template: Template, job: RenderJob): string {
    const env = new Environment();
    const globals: Record<string, unknown> = {
        true: true, false: false, none: null, True: true, False: false, None: null,
        range,
        raise_exception: (message: unknown) => {
            throw new TemplateRaise(String(message));
        },
        strftime_now: (format: unknown) => strftime(new Date(job.now), String(format)),
        ...job.context
    };
    for (const [name, value] of Object.entries(globals)) env.set(name, value);
    return String(new Interpreter(env).run(template.parsed).value);
}

function render(job: RenderJob): RenderReply {
    const template = compile(job.source);
    if (template instanceof Error) return {ok: false, code: "template_syntax", message: template.message};
    try {
        const text = run(template, job);
        if (text.length > job.maxOutputChars)
            return {ok: false, code: "template_limit", message: `the rendering is ${text.length} characters, over the limit of ${job.maxOutputChars}`};
        return {ok: true, text};
    } catch (error) {
        if (error instanceof TemplateRaise) return {ok: false, code: "template_raise", message: error.message};
        return {ok: false, code: "template_render", message: error instanceof Error ? error.message : String(error)};
    }
}

port.on("message", (job: RenderJob) => {
    port.postMessage(render(job));
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
});
