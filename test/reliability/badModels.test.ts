/**
 * Bad-input catalogue, model files: a missing, non-GGUF or truncated model makes the CLI exit
 * non-zero with the file named and what is wrong with it; a model without a chat template falls
 * back to the generic format and works.
 */
import {mkdtemp, open, rm, writeFile, mkdir} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {suite} from "uvu";
import {runCli} from "../helpers/runCli.js";
import * as assert from "uvu/assert";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {readGguf} from "../../src/model/readGguf.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {validateArguments} from "../../src/tools/validateArguments.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("reliability: bad model files");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-bad-models-"));
const model = await createTestModel("spm-tiny");
const tools = [{type: "function", function: {name: "get_weather", description: "Weather for a city", parameters: {
    type: "object", properties: {city: {type: "string"}, days: {type: "integer", minimum: 1, maximum: 14}}, required: ["city"]}}}];
const toolsFile = path.join(dir, "tools.json");
await writeFile(toolsFile, JSON.stringify(tools));


const call = (modelPath: string) => runCli(["call", "--model", modelPath, "--tools", toolsFile, "--query", "weather in Paris?", "--tool-choice", "required", "--refine", "off", "--max-string-length", "8", "--max-tokens", "1000"]);

/** The first `bytes` bytes of the test model. */
async function truncatedCopy(bytes: number, name: string): Promise<string> {
    const file = path.join(dir, name);
    const handle = await open(model, "r");
    try {
        const head = Buffer.alloc(bytes);
        await handle.read(head, 0, bytes, 0);
        await writeFile(file, head);
    } finally {
        await handle.close();
    }
    return file;
}

t("a missing model file: exit 1, the file named", async () => {
    const missing = path.join(dir, "nowhere", "model.gguf");
    for (const command of [["call", "--tools", toolsFile, "--query", "x"], ["agent"]]) {
        const {code, stderr} = await runCli([...command, "--model", missing]);
        assert.is(code, 1, stderr);
        assert.is(stderr.trim(), `toolace-r: model file ${missing} does not exist [model_missing]`);
    }
});

t("a file that is not a GGUF (or not a file): exit 1, the file named and why", async () => {
    const text = path.join(dir, "notes.gguf");
    await writeFile(text, "just some text, not a model\n");
    const notGguf = await call(text);
    assert.is(notGguf.code, 1);
    assert.is(notGguf.stderr.trim(), `toolace-r: model file ${text} is not a GGUF file (it does not start with the GGUF magic) [model_invalid]`);
    const folder = path.join(dir, "folder.gguf");
    await mkdir(folder);
    const notFile = await call(folder);
    assert.is(notFile.code, 1);
    assert.match(notFile.stderr, `toolace-r: model path ${folder} is not a file [model_invalid]`);
});

t("a truncated GGUF: exit 1, the file named, and where the data ends", async () => {
    const header = await truncatedCopy(100, "header-cut.gguf");
    const headerRun = await call(header);
    assert.is(headerRun.code, 1);
    assert.match(headerRun.stderr, `toolace-r: llama.cpp could not load ${header}: truncated GGUF file: `);
    assert.match(headerRun.stderr, /but the file has only 100 bytes \[model_load\]/);

    const data = await truncatedCopy(3_000_000, "data-cut.gguf");
    const dataRun = await call(data);
    assert.is(dataRun.code, 1);
    assert.match(dataRun.stderr, new RegExp(`toolace-r: llama\\.cpp could not load ${data.replace(/[.\\/]/g, "\\$&")}: truncated GGUF file: the data of tensor "[\\w.]+" ends at byte \\d+, but the file has only 3000000 bytes \\[model_load\\]`));
});

t("a model without a chat template: the generic format, and calls that validate", async () => {
    const gguf = await readGguf(model);
    assert.is(gguf.metadata.get("tokenizer.chat_template"), undefined, "the test model has no chat template");
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const engine = await ToolCallEngine.load({model, llama, contextSize: 1024});
    try {
        assert.is(engine.format.name, "generic");
        assert.is(engine.formatReason, "no chat template");
    } finally {
        await engine.dispose();
    }
    const {code, stdout, stderr} = await call(model);
    assert.is(code, 0, stderr);
    const result = JSON.parse(stdout) as {tool_calls: {function: {name: string, arguments: string}}[]};
    assert.ok(result.tool_calls.length > 0);
    const [tool] = normalizeTools(tools);
    for (const toolCall of result.tool_calls) {
        assert.is(toolCall.function.name, "get_weather");
        assert.equal(validateArguments(tool!, JSON.parse(toolCall.function.arguments)), {valid: true});
    }
});

t.after(async () => {
    await rm(dir, {recursive: true, force: true});
});

t.run();
