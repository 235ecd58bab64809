import {spawnSync} from "node:child_process";
import path from "node:path";
import {fileURLToPath} from "node:url";
import type {ChatTemplate} from "../../src/template/ChatTemplate.js";
import {templateMessages, templateTools} from "../../src/template/templateMessages.js";
import {templateConversations} from "./templateConversations.js";

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../scripts/render-chat-template.py");

/**
 * Renders a chat template with Python's Jinja set up as transformers sets it up
 * (scripts/render-chat-template.py): the reference toolace-r's renderer is checked against. Needs
 * python3 with jinja2 (the install sees to it where Python is present).
 */
export function renderWithPythonJinja(template: string, contexts: readonly Record<string, unknown>[]): ({text: string} | {error: string})[] {
    const run = spawnSync("python3", [script], {input: JSON.stringify({template, contexts}), maxBuffer: 64 * 1024 * 1024});
    if (run.error !== undefined) throw new Error(`python3 is needed for the reference renderings: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`the reference renderer failed (python3 with jinja2 is needed: python3 -m pip install jinja2): ${run.stderr.toString().slice(0, 500)}`);
    return JSON.parse(run.stdout.toString()) as ({text: string} | {error: string})[];
}

const NOW = "2026-03-05T10:07:09";

/**
 * Whether toolace-r renders a template exactly as Python's Jinja does on every conversation of
 * templateConversations (variables as the engine passes them, `strftime_now` at a fixed time). Both
 * refusing a conversation counts as agreement (templates that require alternating roles, say).
 */
export function matchesPythonJinja(template: ChatTemplate): boolean {
    const contexts = templateConversations.map((conversation) => ({
        bos_token: "<s>", eos_token: "</s>",
        messages: templateMessages(conversation.messages, false),
        tools: conversation.tools.length > 0 ? templateTools(conversation.tools) : null,
        documents: null,
        add_generation_prompt: true
    }));
    const reference = renderWithPythonJinja(template.source, contexts.map((context) => ({...context, now: NOW})));
    return contexts.every((context, index) => {
        const expected = reference[index]!;
        let actual: string | undefined;
        try {
            actual = template.renderContext(context, {now: new Date(NOW)});
        } catch {
            actual = undefined;
        }
        return actual === undefined ? "error" in expected : "text" in expected && expected.text === actual;
    });
}
