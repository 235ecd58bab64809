import {createHash} from "node:crypto";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {getLlama, LlamaLogLevel, type LlamaModel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {initModel} from "../../src/model/initModel.js";
import {readGguf} from "../../src/model/readGguf.js";
import {resolveChatFormat} from "../../src/protocol/resolveChatFormat.js";
import {runSynth} from "../../src/synth/runSynth.js";
import {encodeBpe} from "../../src/tokenizer/encodeBpe.js";
import {itemCorpusRuns} from "../../src/tokenizer/itemCorpusRuns.js";
import {readSynthItems} from "../../src/tokenizer/readSynthItems.js";
import {trainTokenizer} from "../../src/tokenizer/trainTokenizer.js";
import {TokenizerError} from "../../src/tokenizer/TokenizerError.js";

const t = suite("trainTokenizer");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-tokenizer-"));
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.disabled});
const corpus = path.join(dir, "synth");
runSynth({out: corpus, count: 300, seed: 5, sourcesDir: path.join(dir, "no-sources")});
const vocabPath = path.join(dir, "vocab.gguf");
const trained = await trainTokenizer({corpus, size: 1024, out: vocabPath});
const vocab: LlamaModel = await llama.loadModel({modelPath: vocabPath, vocabOnly: true});
t.after(async () => {
    await vocab.dispose();
    await rm(dir, {recursive: true, force: true});
});

t("writes a gpt2/refact vocabulary of the asked size with ChatML control tokens and the template", async () => {
    assert.is(trained.size, 1024);
    assert.is(trained.items, 240, "the train split of 300 items");
    const gguf = await readGguf(vocabPath);
    assert.is(gguf.getString("tokenizer.ggml.model"), "gpt2");
    assert.is(gguf.getString("tokenizer.ggml.pre"), "refact");
    assert.is(gguf.getStringArray("tokenizer.ggml.tokens")?.length, 1024);
    assert.is(gguf.getStringArray("tokenizer.ggml.merges")?.length, trained.merges);
    assert.ok(gguf.getString("tokenizer.chat_template")?.includes("<|im_start|>"));
    assert.is(gguf.tensors.length, 0);
    assert.is(vocab.tokens.bos, trained.specialIds["<|endoftext|>"]);
    assert.is(vocab.tokens.eos, trained.specialIds["<|im_end|>"]);
    assert.is(vocab.tokens.eot, trained.specialIds["<|im_end|>"]);
    assert.ok(vocab.isEogToken(trained.specialIds["<|im_end|>"]! as never));
});

t("control tokens are single tokens only where special text is parsed; tool-call tags always are", () => {
    for (const text of ["<|im_start|>", "<|im_end|>", "<|endoftext|>"]) {
        assert.equal([...vocab.tokenize(text, true)], [trained.specialIds[text]], text);
        assert.ok(vocab.tokenize(text, false).length > 1, `${text} typed by a user is plain text`);
        assert.is(vocab.detokenize(vocab.tokenize(text, false)), text);
    }
    for (const text of ["<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>"]) {
        assert.equal([...vocab.tokenize(text, false)], [trained.specialIds[text]], text);
        assert.is(vocab.detokenize(vocab.tokenize(text, false)), text);
    }
});

t("tokenize → detokenize gives back any text: unicode, JSON, code, whitespace, odd bytes", () => {
    const texts = [
        "Hello, world!", "naïve café — 😀🎉 中文 日本語 한국어 Ελληνικά עברית", "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Zürich\", \"days\": 3, \"x\": [1.5e-3, null, true]}}",
        "def f(x):\n\treturn x ** 2  # comment\r\n\n\n", "   leading and trailing   ", "a\u0000b\u0001c\u007f", "\uFEFF\u200Bzero width", "tabs\t\t\tand\u00a0nbsp"
    ];
    let random = 7;
    for (let n = 0; n < 20; n++) {
        let text = "";
        for (let i = 0; i < 40; i++) {
            random = (random * 1103515245 + 12345) % 2147483648;
            const code = random % 3 === 0 ? 0x20 + (random >> 8) % 0x5f : (random >> 4) % 0xd7ff + 1;
            text += String.fromCodePoint(code);
        }
        texts.push(text);
    }
    for (const text of texts) assert.is(vocab.detokenize(vocab.tokenize(text, false)), text, JSON.stringify(text));
});

t("llama.cpp tokenizes the corpus exactly like the reference encoder (same pre-tokenizer and merges), and compresses it", async () => {
    const gguf = await readGguf(vocabPath);
    const encoder = encodeBpe({tokens: gguf.getStringArray("tokenizer.ggml.tokens")!, merges: gguf.getStringArray("tokenizer.ggml.merges")!});
    let runs = 0;
    let tokens = 0;
    let bytes = 0;
    for await (const item of readSynthItems(path.join(corpus, "test.jsonl"))) {
        for (const run of itemCorpusRuns(item)) {
            const native = [...vocab.tokenize(run.text, run.special)];
            assert.equal(native, encoder.encode(run.text, run.special), JSON.stringify(run.text.slice(0, 80)));
            runs++;
            tokens += native.length;
            bytes += Buffer.byteLength(run.text);
        }
    }
    assert.ok(runs > 100);
    assert.ok(bytes / tokens > 3, `held-out items: ${(bytes / tokens).toFixed(2)} bytes per token`);
});

t("the same corpus and size give the same file; initModel builds a ChatML model on it", async () => {
    const again = path.join(dir, "again.gguf");
    await trainTokenizer({corpus, size: 1024, out: again});
    const digest = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");
    assert.is(await digest(again), await digest(vocabPath));
    const smaller = await trainTokenizer({corpus, size: 600, out: path.join(dir, "small.gguf")});
    assert.is(smaller.size, 600);

    const modelPath = path.join(dir, "model.gguf");
    const init = await initModel({arch: "llama", vocab: vocabPath, dim: 64, layers: 1, heads: 2, ffn: 128, ctx: 512, out: modelPath});
    assert.is(init.vocab.size, 1024);
    assert.is(init.hasChatTemplate, true);
    const model = await llama.loadModel({modelPath});
    try {
        assert.is(resolveChatFormat(model).format.name, "chatml");
    } finally {
        await model.dispose();
    }
});

t("a missing corpus or a too small size is a TokenizerError", async () => {
    for (const options of [{corpus: path.join(dir, "nothing"), size: 1024}, {corpus, size: 200}]) {
        try {
            await trainTokenizer({...options, out: path.join(dir, "x.gguf")});
            assert.unreachable("should throw");
        } catch (error) {
            assert.instance(error, TokenizerError);
        }
    }
});

t.run();
