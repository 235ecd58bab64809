import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("GbnfRuleSet");

t("names are llama.cpp-valid, unique, and never root", () => {
    const rules = new GbnfRuleSet();
    assert.is(rules.add("math.factorial args", `"a"`), "math-factorial-args");
    assert.is(rules.add("math.factorial args", `"b"`), "math-factorial-args-2");
    assert.is(rules.add("math-factorial-args-2", `"c"`), "math-factorial-args-2-2");
    assert.is(rules.add("root", `"d"`), "root-2");
    assert.is(rules.add("__", `"e"`), "rule");
    assert.is(rules.add("ünïcode_名前", `"f"`), "n-code");
    assert.is(rules.size, 6);
    assert.ok([...rules.render("x").matchAll(/^([^ ]+) ::=/gm)].every((m) => /^[A-Za-z0-9-]+$/.test(m[1] as string)));
});

t("identical bodies are added once and share a name", () => {
    const rules = new GbnfRuleSet();
    const a = rules.add("first", `"x" | "y"`);
    assert.is(rules.add("second", `"x" | "y"`), a);
    assert.is(rules.size, 1);
    assert.is(rules.get(a), `"x" | "y"`);
    assert.is(rules.get("second"), undefined);
    assert.throws(() => rules.add("empty", "  "), /must not be empty/);
});

t("renders a grammar llama.cpp parses, root first", async () => {
    const rules = new GbnfRuleSet();
    const digit = rules.add("digit", "[0-9]");
    const pair = rules.add("pair", `${digit} "-" ${digit}`);
    const text = rules.render(`${pair} | "none"`);
    assert.is(text, `root ::= pair | "none"\ndigit ::= [0-9]\npair ::= digit "-" digit\n`);
    const grammar = await compileGrammar(text);
    assert.ok(grammarAccepts(grammar, "1-2"));
    assert.ok(grammarAccepts(grammar, "none"));
    assert.not.ok(grammarAccepts(grammar, "1-"));
    assert.not.ok(grammarAccepts(grammar, "1-23"));
});

t("the llama.cpp check can fail: broken grammars are rejected", async () => {
    for (const broken of [`root ::= missing-rule\n`, `root ::= "open\n`, `root ::= [a-\n`, `root ::= x{2001}\nx ::= "a"\n`])
        await compileGrammar(broken).then(() => assert.unreachable(`accepted ${broken}`), (error: Error) => assert.match(error.message, /llama.cpp rejected the grammar/));
});

t.run();
