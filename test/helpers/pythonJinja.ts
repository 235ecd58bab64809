import {spawnSync} from "node:child_process";
import path from "node:path";
import {fileURLToPath} from "node:url";

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
