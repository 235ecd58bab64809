import {readdirSync, readFileSync} from "node:fs";
import {ChatTemplate} from "./dist/src/template/ChatTemplate.js";
import {TemplateChat} from "./dist/src/template/TemplateChat.js";
import {templateConversations, templateTools} from "./dist/test/helpers/templateConversations.js";
const dir = "node_modules/node-llama-cpp/llama/llama.cpp/models/templates";
for (const file of readdirSync(dir).filter((f) => f.endsWith(".jinja"))) {
  const t = new ChatTemplate(readFileSync(`${dir}/${file}`, "utf8"), file, "<s>", "</s>");
  let chat; try { chat = TemplateChat.create(t, {endTokens: []}); } catch (e) { console.log(file.padEnd(48), "FAIL", e.message.slice(0, 100)); continue; }
  const conv = templateConversations[1];
  let res;
  try {
    const p = chat.render(conv.messages, conv.tools);
    const out = {kind: "calls", calls: [{name: "get_weather", argumentsText: chat.layout.argsStyle === "spaced" ? '{"city": "Paris"}' : '{"city":"Paris"}', id: "a1b2c3d4e"}]};
    const text = chat.renderOutput(out);
    const r = chat.renderRefinement(conv.messages, conv.tools, [{output: out, text}]);
    const written = p.text + text;
    let k = 0; while (k < r.text.length && k < written.length && r.text[k] === written[k]) k++;
    res = `${chat.mode} ${chat.family} layout=${r.layout} continuation=${r.text.startsWith(written) ? "yes" : "NO at " + k + "/" + written.length + " " + JSON.stringify(r.text.slice(k, k + 30)) + " vs " + JSON.stringify(written.slice(k, k+30))} seg=${p.segmented}`;
  } catch (e) { res = `${chat.mode} ${chat.family} ERR ${e.message.slice(0, 120)}`; }
  console.log(file.padEnd(48), res);
}
process.exit(0);
