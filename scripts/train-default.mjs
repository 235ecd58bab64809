#!/usr/bin/env node
// npm run train:default -- [--hours H] [--threads N] [--work DIR] [--eval-items N] [--out FILE]
// Trains (or continues training) the embedded default model; see src/train/trainDefaultModel.ts.
// Re-run the same command to resume: every stage is skipped when its output exists, training resumes
// from its last checkpoint. Ctrl-C / SIGTERM pause with a checkpoint and ship the latest weights.
import os from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {fileURLToPath} from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const {values} = parseArgs({options: {
    hours: {type: "string"}, threads: {type: "string", default: "1"}, work: {type: "string"},
    "eval-items": {type: "string", default: "200"}, out: {type: "string"}, sources: {type: "string"}
}});
const {trainDefaultModel} = await import(path.join(root, "dist/src/train/trainDefaultModel.js"));
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => {
    process.stderr.write(`${signal}: pausing after the running step (checkpoint, ship, evaluate)\n`);
    controller.abort();
});
const stamp = () => new Date().toISOString().replace("T", " ").slice(0, 19);
const result = await trainDefaultModel({
    workDir: values.work ?? path.join(os.homedir(), ".cache", "toolace-r", "default-model"),
    modelOut: values.out ?? path.join(root, "models", "default.gguf"),
    hours: values.hours === undefined ? undefined : Number(values.hours),
    threads: Number(values.threads),
    evalItems: Number(values["eval-items"]),
    sourcesDir: values.sources ?? process.env.TOOLACE_SOURCES ?? path.resolve(root, "../shared/data/train"),
    signal: controller.signal,
    log: (line) => process.stdout.write(`[${stamp()}] ${line}\n`)
});
process.stdout.write(`${JSON.stringify({state: result.state, step: result.step, totalSteps: result.totalSteps, shipped: result.shipped,
    accuracy: result.evaluation?.accuracy}, null, 2)}\n`);
process.exit(0);
