import {suite} from "uvu";
import * as assert from "uvu/assert";
import {preTokenize} from "../../src/tokenizer/preTokenize.js";
import {splitOnSpecialTokens} from "../../src/tokenizer/splitOnSpecialTokens.js";

const t = suite("preTokenize");

t("digits are single pieces; words keep their leading space; punctuation runs stay together", () => {
    assert.equal(preTokenize("Paris 2024"), ["Paris", " ", "2", "0", "2", "4"]);
    assert.equal(preTokenize("{\"name\": \"get_x\", \"n\": 15}"), ["{\"", "name", "\":", " \"", "get", "_", "x", "\",", " \"", "n", "\":", " ", "1", "5", "}"]);
    // GPT-2's `\s+(?!\S)` leaves the last whitespace character for the next piece (llama.cpp does the same)
    assert.equal(preTokenize("it's  a\n\nb"), ["it", "'s", " ", " a", "\n", "\n", "b"]);
});

t("pieces concatenate back to the text, whatever it holds", () => {
    for (const text of ["", "  ", "\t\tx = 1;\r\n", "naïve café 😀 中文", "a\u00a0b", "   trailing   "]) assert.is(preTokenize(text).join(""), text);
});

t("splitOnSpecialTokens: longest special first, text between kept", () => {
    assert.equal(splitOnSpecialTokens("<|im_start|>user\nhi<|im_end|>\n", ["<|im_start|>", "<|im_end|>"]), [
        {text: "<|im_start|>", special: true}, {text: "user\nhi", special: false}, {text: "<|im_end|>", special: true}, {text: "\n", special: false}
    ]);
    assert.equal(splitOnSpecialTokens("<tool_call></tool_call>", ["<tool_call>", "</tool_call>"]).map((part) => part.text), ["<tool_call>", "</tool_call>"]);
    assert.equal(splitOnSpecialTokens("plain", ["<x>"]), [{text: "plain", special: false}]);
});

t.run();
