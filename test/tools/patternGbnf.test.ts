import {getLlama, LlamaLogLevel, type LlamaModel} from "node-llama-cpp";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {GrammarSampler} from "../../src/engine/GrammarSampler.js";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {formatPatterns} from "../../src/tools/formatPatterns.js";
import {formatChecks} from "../../src/tools/formatChecks.js";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import {patternGbnf} from "../../src/tools/patternGbnf.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("patternGbnf");
let model: LlamaModel;
let sampler: GrammarSampler;

t.before(async () => {
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    model = await llama.loadModel({modelPath: DEFAULT_MODEL_PATH, vocabOnly: true});
    sampler = GrammarSampler.create(model);
});
t.after(async () => {
    await model?.dispose();
});

function grammarOf(pattern: string, ignoreCase = false): string {
    const rules = new GbnfRuleSet();
    const result = patternGbnf(pattern, "value", rules, {ignoreCase});
    if ("unsupported" in result) throw new Error(`${pattern}: ${result.unsupported}`);
    return rules.render(result.rule);
}

// Each pattern with strings it matches whole and strings it does not (JSON texts: escapes included).
const cases: [string, string[], string[]][] = [
    ["^[A-Z]{3}-[0-9]{2,4}$", ["ABC-12", "XYZ-1234"], ["abc-12", "ABC-1", "ABC-12345", "AB-12"]],
    ["^\\d{5}(?:-\\d{4})?$", ["12345", "12345-6789"], ["1234", "12345-", "123456"]],
    ["^(foo|bar|)$", ["", "foo", "bar"], ["fo", "foobar"]],
    ["^[^\"\\\\]+$", ["a b", "ü€😀"], ["a\\\"b", "a\\\\b"]],
    ["^a\"b\\\\c\\n$", ["a\\\"b\\\\c\\n"], ["a\"b", "a\\\"b\\\\c"]],
    ["^\\w+\\s\\S?$", ["ab_1 ", "x\\tz"], ["a-b ", "ab"]],
    ["^(?<year>[0-9]{4})-(?:0[1-9]|1[0-2])$", ["2024-01", "1999-12"], ["2024-13", "24-01"]],
    ["^.{2}$", ["ab", "é😀"], ["a", "abc", "a\\nb"]],
    ["^[a-c-]+$", ["a-b-c", "---"], ["d"]],
    ["[\\w-.]+", ["a.b-c"], ["a b"]]
];

t("matches what the pattern matches and nothing else (llama.cpp's grammar engine as judge)", async () => {
    for (const [pattern, good, bad] of cases) {
        const grammar = await compileGrammar(grammarOf(pattern));
        for (const text of good) assert.ok(grammarAccepts(grammar, `"${text}"`), `${pattern} should accept "${text}"`);
        for (const text of bad) assert.not.ok(grammarAccepts(grammar, `"${text}"`), `${pattern} should refuse "${text}"`);
    }
});

t("every string drawn from a pattern's grammar matches the pattern", () => {
    for (const [pattern] of cases) {
        const regExp = (() => {
            try {
                return new RegExp(pattern, "u");
            } catch {
                return new RegExp(pattern);
            }
        })();
        const whole = new RegExp(`^(?:${regExp.source})$`, regExp.flags);
        for (const text of sampler.sample(model.llama, grammarOf(pattern), 40, {seed: 7})) {
            const value = JSON.parse(text) as string;
            assert.ok(whole.test(value), `${pattern}: ${text}`);
        }
    }
});

t("every string drawn from a format's grammar passes ajv-formats' full check, and common values are accepted", async () => {
    const examples: Record<string, string[]> = {
        "date": ["2024-02-29", "2023-12-31"], "time": ["23:59:59Z", "08:00:00.5+02:00"], "date-time": ["2024-02-29T12:00:00Z"],
        "duration": ["P1D", "PT1H30M", "P2W", "P1Y2M3DT4H5M6S"], "uuid": ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"],
        "email": ["jane.doe+tag@example.co.uk"], "hostname": ["api.example.com", "localhost"], "ipv4": ["192.168.0.1", "0.0.0.0"],
        "ipv6": ["::1", "2001:db8::8a2e:370:7334", "::ffff:192.168.0.1", "fe80:0:0:0:0:0:0:1"], "uri": ["https://example.com/a/b?q=1", "ftp://files.example.org:21/x"]
    };
    const refused: Record<string, string[]> = {"date": ["2023-02-29", "2024-13-01", "24-01-01"], "time": ["24:00:00Z", "12:00:00"], "ipv4": ["256.0.0.1", "01.2.3.4"], "uuid": ["123e4567e89b12d3a456426614174000"]};
    for (const [format, {pattern, ignoreCase}] of Object.entries(formatPatterns)) {
        // ajv-formats checks no IDN/IRI formats: those draw from the grammars of their ASCII forms, checked as such.
        const check = formatChecks[format] ?? formatChecks[format.replace(/^idn-/, "").replace(/^iri/, "uri")]!;
        for (const text of sampler.sample(model.llama, grammarOf(pattern, ignoreCase), 40, {seed: 11}))
            assert.ok(check(JSON.parse(text) as string), `${format}: ${text}`);
        const grammar = await compileGrammar(grammarOf(pattern, ignoreCase));
        for (const value of examples[format] ?? []) assert.ok(grammarAccepts(grammar, JSON.stringify(value)), `${format} should accept ${value}`);
        for (const value of refused[format] ?? []) assert.not.ok(grammarAccepts(grammar, JSON.stringify(value)), `${format} should refuse ${value}`);
    }
});

t("what a grammar cannot express is unsupported, with the reason; unanchored patterns are narrowed", () => {
    const unsupported: [string, RegExp][] = [
        ["(?=a)b", /lookarounds/], ["(?<!a)b", /lookarounds/], ["^(a)\\1$", /backreferences/], ["\\bword\\b", /word boundaries/],
        ["^\\p{L}+$", /property escapes/], ["a^b", /anchor/], ["^a{1,5000}$", /more than 2000/], ["[", /not a valid regular expression/],
        ["^[^\\s\\S]$", /matches no character/]
    ];
    for (const [pattern, reason] of unsupported) {
        const result = patternGbnf(pattern, "value", new GbnfRuleSet());
        assert.ok("unsupported" in result, pattern);
        assert.match((result as {unsupported: string}).unsupported, reason, pattern);
    }
    const narrowed = patternGbnf("[0-9]{3}", "value", new GbnfRuleSet());
    assert.equal("narrowed" in narrowed && narrowed.narrowed, true);
    const anchored = patternGbnf("^[0-9]{3}$", "value", new GbnfRuleSet());
    assert.equal("narrowed" in anchored && anchored.narrowed, false);
});

t.run();
