import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GbnfSampler, seededRandom} from "./gbnfSample.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("gbnfSample (test helper)");

const grammar = String.raw`root ::= "<" item ("," item){0,3} ">" tail? [xyz]+ word{2} "!"*
item ::= [0-9] | "\"" [^"\\\x00-\x1F] "\"" | ("a" | "b\n") [α-γ]{1,2}
tail ::= "-" [^a-z] | "\x41\u00e9"
word ::= [A-C]{2,}
`;

t("draws only texts that llama.cpp accepts, covering every alternative", async () => {
    const llamaGrammar = await compileGrammar(grammar);
    const sampler = new GbnfSampler(grammar, seededRandom(3));
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
        const text = sampler.sample();
        assert.ok(grammarAccepts(llamaGrammar, text), `llama.cpp rejects ${JSON.stringify(text)}`);
        if (/\d/.test(text)) seen.add("digit");
        if (/"/.test(text)) seen.add("quoted");
        if (/b\n[α-γ]/.test(text)) seen.add("escape");
        if (text.includes("Aé")) seen.add("hex escapes");
        if (/>-/.test(text)) seen.add("negated class");
    }
    assert.equal([...seen].sort(), ["digit", "escape", "hex escapes", "negated class", "quoted"]);
});

t("is deterministic for a seed and reports unknown rules and syntax", () => {
    const a = new GbnfSampler(grammar, seededRandom(9));
    const b = new GbnfSampler(grammar, seededRandom(9));
    assert.equal(Array.from({length: 5}, () => a.sample()), Array.from({length: 5}, () => b.sample()));
    assert.throws(() => new GbnfSampler(`root ::= missing\n`, seededRandom(1)).sample(), /undefined rule missing/);
    assert.throws(() => new GbnfSampler(`root ::= ("a"\n`, seededRandom(1)), /expected \)/);
    assert.throws(() => new GbnfSampler(`root "a"\n`, seededRandom(1)), /not a rule/);
});

t.run();
