import {suite} from "uvu";
import * as assert from "uvu/assert";
import {gbnfLiteral} from "../../src/tools/gbnfLiteral.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("gbnfLiteral");

t("escapes quotes, backslashes and control characters; keeps other characters", () => {
    assert.is(gbnfLiteral(`say "hi"\\`), String.raw`"say \"hi\"\\"`);
    assert.is(gbnfLiteral("a\nb\tc\rd\x01\x7f"), String.raw`"a\nb\tc\rd\x01\x7F"`);
    assert.is(gbnfLiteral("é中😀"), `"é中😀"`);
});

t("llama.cpp matches each literal exactly", async () => {
    const texts = [`{"unit":"°C"}`, `a\\"b`, "tab\there\nnewline", "[brackets] (parens) | bar # hash", "😀 emoji", "\x01\x1f", JSON.stringify("quote \" and \\ backslash")];
    for (const text of texts) {
        const grammar = await compileGrammar(`root ::= ${gbnfLiteral(text)}\n`);
        assert.ok(grammarAccepts(grammar, text), `accepts ${JSON.stringify(text)}`);
        assert.not.ok(grammarAccepts(grammar, text + "x"), `rejects a longer text for ${JSON.stringify(text)}`);
        assert.not.ok(grammarAccepts(grammar, text.slice(1)), `rejects a shorter text for ${JSON.stringify(text)}`);
    }
});

t.run();
