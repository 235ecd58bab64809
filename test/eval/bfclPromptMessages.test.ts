import {readFileSync} from "node:fs";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {loadBfclCategory} from "../../src/eval/bfclData.js";
import type {BfclEntry} from "../../src/eval/BfclEntry.js";
import {bfclPromptMessages, bfclPromptSystemPrompt} from "../../src/eval/bfclPromptMessages.js";
import {parseFunctionDoc} from "../../src/eval/FunctionDoc.js";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import {PyDict} from "../../src/eval/PyValue.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("bfclPromptMessages");
const fn = parseFunctionDoc(parseLosslessJson(`{"name": "café.order", "description": "Orders à la carte.", "parameters": {"type": "dict", "properties": {"size": {"type": "float", "description": "Size.", "default": 0.5}}, "required": []}}`));
const entry = (messages: {role: string, content: string}[]): BfclEntry => ({id: "x_0", category: "simple_python", turns: [messages], functions: [fn], raw: PyDict.empty});

t("lists the docs as json.dumps(indent=4) with the Python hint, types and floats as loaded, non-ASCII escaped", () => {
    const prompt = bfclPromptSystemPrompt([fn]);
    assert.ok(prompt.startsWith("You are an expert in composing functions.You are given a question"));
    assert.ok(prompt.endsWith([
        "Here is a list of functions in json format that you can invoke.",
        "[", "    {",
        "        \"name\": \"caf\\u00e9.order\",",
        "        \"description\": \"Orders \\u00e0 la carte. Note that the provided function is in Python 3 syntax.\",",
        "        \"parameters\": {",
        "            \"type\": \"dict\",",
        "            \"properties\": {",
        "                \"size\": {",
        "                    \"type\": \"float\",",
        "                    \"description\": \"Size.\",",
        "                    \"default\": 0.5",
        "                }",
        "            },",
        "            \"required\": []",
        "        }",
        "    }", "]", ""
    ].join("\n")), prompt);
});

t("puts the system prompt first, or before the entry's own system message after a blank line", () => {
    const plain = bfclPromptMessages(entry([{role: "user", content: "q"}]));
    assert.equal(plain.map((m) => m.role), ["system", "user"]);
    const withSystem = bfclPromptMessages(entry([{role: "system", content: "Be brief."}, {role: "user", content: "q"}]));
    assert.equal(withSystem.map((m) => m.role), ["system", "user"]);
    assert.is(withSystem[0]!.content, `${bfclPromptSystemPrompt([fn])}\n\nBe brief.`);
});

const dataDir = sharedBfclData("bfclPromptMessages (shared data)");
withShared(t, dataDir, "the shared BFCL data")("reproduces BFCL's prompt-mode messages for simple_python_0 exactly", () => {
    const example = JSON.parse(readFileSync(path.join(dataDir as string, "example_prompt_messages_simple_python_0.json"), "utf8")) as unknown;
    const first = loadBfclCategory(dataDir as string, "simple_python")[0]!;
    assert.is(JSON.stringify(bfclPromptMessages(first)), JSON.stringify(example));
});

t.run();
