import {suite} from "uvu";
import * as assert from "uvu/assert";
import {byteLevel} from "../../src/tokenizer/byteLevel.js";
import {trainBpe} from "../../src/tokenizer/trainBpe.js";
import {TokenizerError} from "../../src/tokenizer/TokenizerError.js";

const t = suite("trainBpe");

const words = (entries: [string, number][]) => new Map(entries.map(([word, count]) => [byteLevel.encode(word), count]));

t("merges the most frequent pair first and builds on earlier merges", () => {
    const vocabulary = trainBpe(words([["abc", 5], ["abd", 4], ["xy", 1]]), {size: 258});
    assert.equal(vocabulary.merges, ["a b", "ab c"]);
    assert.is(vocabulary.tokens.length, 258);
    assert.is(vocabulary.tokens[256], "ab");
    assert.is(vocabulary.tokens[257], "abc");
    // the bytes come first, in byte order, in byte-level form
    assert.is(vocabulary.tokens[32], "Ġ");
    assert.is(vocabulary.tokens[10], "Ċ");
    assert.is(vocabulary.tokens[65], "A");
});

t("counts overlapping pairs once per merge (aaaa → aa aa) and stops below minFrequency", () => {
    const vocabulary = trainBpe(words([["aaaa", 3], ["bc", 1]]), {size: 300});
    assert.equal(vocabulary.merges, ["a a", "aa aa"]);
    const withOnes = trainBpe(words([["aaaa", 3], ["bc", 1]]), {size: 300, minFrequency: 1});
    assert.equal(withOnes.merges, ["a a", "aa aa", "b c"]);
});

t("byte-level words: spaces, newlines and multi-byte characters become single bytes", () => {
    const vocabulary = trainBpe(words([[" é", 4], [" é\n", 2]]), {size: 259});
    // " é" is the bytes 20 C3 A9; both pairs are seen 6 times, the tie goes to the lower ids (space first)
    assert.equal(vocabulary.merges, ["Ġ Ã", "ĠÃ ©", "ĠÃ© Ċ"]);
    assert.is(new TextDecoder().decode(byteLevel.decode(vocabulary.tokens[257]!)), " é");
    assert.is(new TextDecoder().decode(byteLevel.decode(vocabulary.tokens[258]!)), " é\n");
});

t("the same counts in any insertion order give the same vocabulary", () => {
    const entries: [string, number][] = [["hello", 3], [" world", 3], ["help", 2], [" word", 2], ["{\"", 7], ["\":", 7], ["lo", 3]];
    const a = trainBpe(words(entries), {size: 280});
    const b = trainBpe(words([...entries].reverse()), {size: 280});
    assert.equal(a, b);
    assert.ok(a.merges.length > 5);
});

t("rejects sizes below the 256 bytes", () => {
    assert.throws(() => trainBpe(new Map(), {size: 100}), (error: unknown) => error instanceof TokenizerError && error.code === "tokenizer_invalid_options");
});

t.run();
