/**
 * Chat-template coverage over every template of the llama.cpp source node-llama-cpp ships:
 *   npm run bench -- templates [--json] [--no-reference]
 *
 * For each template: whether toolace-r's renderer matches Python's Jinja (transformers' setup,
 * scripts/render-chat-template.py) on six conversations; the call syntax used (the template's own,
 * inferred, with its llama.cpp family name; or Hermes calls in the template's turns); whether it
 * takes parallel calls and renders tool results; how a refinement round goes into history
 * (`tool_calls`, or `text` where the template refuses a user turn after calls) and whether the
 * next round's prompt continues the previous one. Where it does not, the extra tokens a round
 * re-evaluates are estimated with the Qwen2 vocabulary (llama.cpp's ggml-vocab-qwen2.gguf).
 */
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {ChatTemplate} from "../src/template/ChatTemplate.js";
import {TemplateChat} from "../src/template/TemplateChat.js";
import {listBundledTemplates, readBundledTemplate} from "../src/template/bundledTemplates.js";
import {resolveVocab} from "../src/model/vocabSource.js";
import type {AssistantOutput} from "../src/protocol/AssistantOutput.js";
import {templateConversations, templateTools as tools} from "../test/helpers/templateConversations.js";
import {matchesPythonJinja} from "../test/helpers/pythonJinja.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {formatTable} from "./support/formatTable.js";
import {printBenchResult} from "./support/printBenchResult.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const reference = !args.flag("no-reference");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const vocab = await llama.loadModel({modelPath: (await resolveVocab("qwen2")).path, vocabOnly: true});

type Row = {
    template: string, matchesPython: boolean | null, mode: string, family: string, parallel: boolean | null, toolResults: boolean | null,
    refinementLayout: string | null, continues: boolean | null, extraTokens: number | null, note: string
};

function matchesPython(template: ChatTemplate): boolean | null {
    return reference ? matchesPythonJinja(template) : null;
}

const rows: Row[] = [];
for (const file of listBundledTemplates()) {
    const template = new ChatTemplate(readBundledTemplate(file).source, file, "<s>", "</s>");
    const row: Row = {template: file, matchesPython: matchesPython(template), mode: "-", family: "-", parallel: null, toolResults: null, refinementLayout: null, continues: null, extraTokens: null, note: ""};
    rows.push(row);
    let chat: TemplateChat;
    try {
        chat = TemplateChat.create(template, {endTokens: []});
    } catch (error) {
        row.note = (error as Error).message.replace(`chat template ${file}: `, "").slice(0, 90);
        continue;
    }
    row.mode = chat.mode;
    row.family = chat.family;
    row.parallel = chat.layout.maxCalls > 1;
    if (chat.mode === "hermes") row.note = chat.reason.slice(0, 90);
    try {
        const results = templateConversations.find((conversation) => conversation.name === "tool call and result")!;
        row.toolResults = chat.render(results.messages, results.tools).text.includes("temperature");
        const conversation = templateConversations[1]!;
        const prompt = chat.render(conversation.messages, tools).text;
        const output: AssistantOutput = {kind: "calls", calls: [{name: "get_weather", argumentsText: chat.layout.argsStyle === "spaced" ? "{\"city\": \"Paris\"}" : "{\"city\":\"Paris\"}", id: "a1b2c3d4e"}]};
        const text = chat.renderOutput(output);
        const next = chat.renderRefinement(conversation.messages, tools, [{output, text}]);
        const written = prompt + text;
        row.refinementLayout = next.layout;
        row.continues = next.text.startsWith(written);
        if (!row.continues) {
            let shared = 0;
            while (shared < written.length && next.text[shared] === written[shared]) shared++;
            // What the round re-evaluates beyond its own new turn: the earlier text the template rendered differently.
            row.extraTokens = vocab.tokenize(written.slice(shared), true).length;
        }
    } catch (error) {
        row.note = (error as Error).message.slice(0, 90);
    }
}

const yes = (value: boolean | null): string => value === null ? "-" : value ? "yes" : "no";
const report = formatTable(["template", "= Python", "calls", "family", "parallel", "tool results", "refinement", "continues", "re-evaluated"],
    rows.map((row) => [row.template.replace(/\.jinja$/, ""), yes(row.matchesPython), row.mode, row.family, yes(row.parallel), yes(row.toolResults),
        row.refinementLayout ?? "-", yes(row.continues), row.extraTokens === null ? "-" : `~${row.extraTokens}`]));
const summary = {
    templates: rows.length,
    matchPython: rows.filter((row) => row.matchesPython === true).length,
    ownCallSyntax: rows.filter((row) => row.mode === "native").length,
    hermesFallback: rows.filter((row) => row.mode === "hermes").length,
    unusable: rows.filter((row) => row.mode === "-").length,
    continues: rows.filter((row) => row.continues === true).length
};
printBenchResult(`${report}\n\n${JSON.stringify(summary)}`, {bench: "templates", ...summary, rows}, json);
process.exit(0);
