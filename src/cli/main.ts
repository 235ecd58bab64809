#!/usr/bin/env node
import {exitWithLauncher, relaunchWithThreadPool} from "./relaunchWithThreadPool.js";
import {threadPoolSizeFor} from "./threadPoolSizeFor.js";

/** Commands that decode with a model: they run with a libuv pool sized to their decodes (threadPoolSizeFor). */
const DECODING_COMMANDS = new Set(["call", "agent", "eval", "serve", "train iterate"]);

const argv = process.argv.slice(2);
const decodes = DECODING_COMMANDS.has(argv[0] ?? "") || DECODING_COMMANDS.has(argv.slice(0, 2).join(" "));
exitWithLauncher();
if (!decodes || !await relaunchWithThreadPool(threadPoolSizeFor(argv))) {
    const {runCliApp} = await import("./runCliApp.js");
    await runCliApp(argv);
}
