import {mkdtemp, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {chatTemplates} from "../../src/model/chatTemplates.js";
import {formatModelInspection} from "../../src/model/formatModelInspection.js";
import {GgufError} from "../../src/model/GgufError.js";
import {GgufValue} from "../../src/model/GgufValue.js";
import {initModel} from "../../src/model/initModel.js";
import {inspectModel} from "../../src/model/inspectModel.js";
import {resolveVocab} from "../../src/model/vocabSource.js";
import {writeGguf} from "../../src/model/writeGguf.js";

const t = suite("inspectModel");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-inspect-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });

t("a generated model: architecture, sizes, tokenizer, special tokens, template, file type", async () => {
    const out = path.join(dir, "m.gguf");
    const created = await initModel({arch: "llama", vocab: "qwen2", dim: 16, layers: 3, heads: 4, kvHeads: 2, ffn: 48, ctx: 512, out, template: "chatml", tieEmbeddings: true, name: "inspect-me"});
    const inspection = await inspectModel(out);
    assert.is(inspection.file, out);
    assert.is(inspection.bytes, created.bytes);
    assert.is(inspection.ggufVersion, 3);
    assert.is(inspection.architecture, "llama");
    assert.is(inspection.name, "inspect-me");
    assert.equal(inspection.fileType, {id: 0, name: "F32"});
    assert.is(inspection.params, created.params);
    assert.is(inspection.tensors, created.tensors);
    assert.equal(inspection.tensorTypes, {F32: created.tensors});
    assert.equal([inspection.layers, inspection.dim, inspection.heads, inspection.kvHeads, inspection.ffn, inspection.ctx], [3, 16, 4, 2, 48, 512]);
    assert.is(inspection.tiedEmbeddings, true);
    assert.is(inspection.tokenizer?.model, "gpt2");
    assert.is(inspection.tokenizer?.pre, "qwen2");
    assert.is(inspection.tokenizer?.vocabSize, 151936);
    assert.equal(inspection.tokenizer?.specialTokens.eos, {id: 151643, text: "<|endoftext|>"});
    assert.ok((inspection.tokenizer?.controlTokens ?? 0) > 2);
    assert.equal(inspection.chatTemplate, {lines: 1, chars: chatTemplates.chatml.template.length, head: [chatTemplates.chatml.template], named: []});

    const text = formatModelInspection(inspection);
    assert.match(text, /architecture\s+llama — inspect-me/);
    assert.match(text, /file type\s+F32 \(0\)/);
    assert.match(text, new RegExp(`parameters\\s+${created.params.toLocaleString("en-US")} in ${created.tensors} tensors \\(F32 ${created.tensors}\\)`));
    assert.match(text, /layers 3, dim 16, heads 4 \(kv 2, head size 4\), ffn 48, ctx 512/);
    assert.match(text, /tokenizer\s+gpt2 \(pre qwen2\), 151,936 tokens/);
    assert.match(text, /eos 151643 "<\|endoftext\|>"/);
    assert.match(text, /chat template 1 line, 199 chars\n  \| \{% for message in messages %\}/);
});

t("a vocab-only GGUF and a bare one; long templates are cut to their first lines", async () => {
    const vocab = await inspectModel((await resolveVocab("llama-spm")).path);
    assert.is(vocab.architecture, "llama");
    assert.is(vocab.params, 0);
    assert.is(vocab.tiedEmbeddings, null);
    assert.equal(vocab.tokenizer?.specialTokens.bos, {id: 1, text: "<s>"});
    assert.is(vocab.tokenizer?.addBos, true);
    assert.is(vocab.chatTemplate, null);
    assert.match(formatModelInspection(vocab), /chat template \(none\)/);

    const bare = path.join(dir, "bare.gguf");
    const template = Array.from({length: 12}, (_, i) => `line ${i} ${"x".repeat(i === 1 ? 300 : 3)}`).join("\n");
    await writeGguf(bare, {metadata: [
        ["tokenizer.chat_template", GgufValue.string(template)],
        ["tokenizer.chat_template.tool_use", GgufValue.string("{{ tools }}")],
        ["general.file_type", GgufValue.uint32(15)]
    ]});
    const inspection = await inspectModel(bare);
    assert.is(inspection.architecture, null);
    assert.is(inspection.tokenizer, null);
    assert.equal(inspection.fileType, {id: 15, name: "Q4_K_M"});
    assert.is(inspection.chatTemplate?.lines, 12);
    assert.is(inspection.chatTemplate?.head.length, 5);
    assert.is(inspection.chatTemplate?.head[1]?.length, 201, "cut at 200 characters plus an ellipsis");
    assert.equal(inspection.chatTemplate?.named, ["tool_use"]);
    const text = formatModelInspection(inspection);
    assert.match(text, /architecture\s+\(none\)/);
    assert.match(text, /12 lines, .*also named: tool_use/);
    assert.match(text, /… 7 more lines/);
    assert.match(text, /sizes\s+layers \?, dim \?/);
});

t("missing and non-GGUF files are GgufErrors naming the file", async () => {
    const notGguf = path.join(dir, "readme.txt");
    await writeFile(notGguf, "# readme");
    for (const [file, code] of [[path.join(dir, "none.gguf"), "gguf_not_found"], [notGguf, "gguf_not_gguf"]] as const) {
        try {
            await inspectModel(file);
            assert.unreachable();
        } catch (error) {
            assert.instance(error, GgufError);
            assert.is((error as GgufError).code, code);
            assert.match((error as Error).message, file);
        }
    }
});

t.run();
