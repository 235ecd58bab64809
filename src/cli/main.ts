#!/usr/bin/env node
import {exitWithLauncher, relaunchWithThreadPool} from "./relaunchWithThreadPool.js";
import {threadPoolSizeFor} from "./threadPoolSizeFor.js";

/** Commands that decode with a model: they run with a libuv pool sized to their decodes (threadPoolSizeFor). */
const DECODING_COMMANDS = new Set(["call", "agent", "eval", "serve"]);

const argv = process.argv.slice(2);
exitWithLauncher();
if (!DECODING_COMMANDS.has(argv[0] ?? "") || !await relaunchWithThreadPool(threadPoolSizeFor(argv))) {
    const {runCliApp} = await import("./runCliApp.js");
    await runCliApp(argv);
}
