#!/usr/bin/env node
/**
 * Part of `npm install`: makes sure Python's Jinja (jinja2) is importable, since the test suite
 * checks toolace-r's chat-template renderer against it (scripts/render-chat-template.py). The
 * models' own pulls already use Python with pip. Installs jinja2 for the user with pip when it is
 * missing; a machine without Python only gets a warning (the renderer itself needs no Python).
 * Environment: TOOLACE_PYTHON picks the interpreter (default python3).
 */
import {spawnSync} from "node:child_process";

const python = process.env.TOOLACE_PYTHON || "python3";
const importable = () => spawnSync(python, ["-c", "import jinja2"], {stdio: "ignore"}).status === 0;

if (spawnSync(python, ["--version"], {stdio: "ignore"}).error !== undefined)
    console.warn(`toolace-r: ${python} not found; the chat-template tests need Python 3 with jinja2`);
else if (!importable()) {
    console.log(`toolace-r: installing jinja2 for ${python} (the chat-template tests' reference renderer)`);
    let run = spawnSync(python, ["-m", "pip", "install", "--user", "--quiet", "jinja2"], {stdio: "inherit"});
    // pyenv and virtual environments refuse --user: install into the interpreter's own site-packages.
    if (run.status !== 0 || !importable()) run = spawnSync(python, ["-m", "pip", "install", "--quiet", "jinja2"], {stdio: "inherit"});
    if (!importable()) console.warn(`toolace-r: could not install jinja2 for ${python} (exit ${run.status}); the chat-template tests need it`);
}
