import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {LlamaGrammar} from "node-llama-cpp";
import {compileArgumentsGrammar} from "../../src/tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../../src/tools/GbnfRuleSet.js";
import type {GrammarOptions} from "../../src/tools/GrammarOptions.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import type {ToolDefinition} from "../../src/tools/ToolDefinition.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("compileArgumentsGrammar");

function tool(parameters: unknown, name: string = "tool"): ToolDefinition {
    return normalizeTools({type: "function", function: {name, parameters}})[0] as ToolDefinition;
}

async function grammarFor(parameters: unknown, options: GrammarOptions = {}): Promise<LlamaGrammar> {
    const rules = new GbnfRuleSet();
    return compileGrammar(rules.render(compileArgumentsGrammar(tool(parameters), options, rules)));
}

function expectTexts(grammar: LlamaGrammar, accepted: string[], rejected: string[]): void {
    for (const text of accepted) assert.ok(grammarAccepts(grammar, text), `should accept ${text}`);
    for (const text of rejected) assert.not.ok(grammarAccepts(grammar, text), `should reject ${text}`);
}

const weather = {
    type: "object",
    properties: {
        city: {type: "string"},
        unit: {type: "string", enum: ["celsius", "fahrenheit"]},
        days: {type: "integer", minimum: 1, maximum: 14},
        hours: {type: "array", items: {type: "number"}, maxItems: 3}
    },
    required: ["city", "days"]
};

t("compact JSON: required always present, optional ones optional, schema order, nothing else", async () => {
    const grammar = await grammarFor(weather);
    expectTexts(grammar, [
        `{"city":"Paris","days":3}`,
        `{"city":"Paris","unit":"celsius","days":14}`,
        `{"city":"","days":1,"hours":[]}`,
        `{"city":"Oslo","unit":"fahrenheit","days":2,"hours":[1,2.5,-3e2]}`
    ], [
        `{"city":"Paris"}`,
        `{"days":3}`,
        `{"days":3,"city":"Paris"}`,
        `{"city":"Paris","days":3,"unit":"celsius"}`,
        `{"city":"Paris","days":3,"country":"FR"}`,
        `{"city":"Paris","days":3,}`,
        `{,"city":"Paris","days":3}`,
        `{"city":"Paris","city":"Lyon","days":3}`,
        `{"city": "Paris","days":3}`,
        ` {"city":"Paris","days":3}`,
        `{"city":"Paris","days":1.5}`,
        `{"city":"Paris","days":15}`,
        `{"city":"Paris","days":0}`,
        `{"city":"Paris","unit":"kelvin","days":3}`,
        `{"city":"Paris","days":3,"hours":[1,2,3,4]}`,
        `{"city":"Paris","days":3,"hours":["1"]}`
    ]);
});

t("every subset of optional properties, and only those containing all required ones, is accepted", async () => {
    const names = ["a", "b", "c", "d"];
    for (let requiredMask = 0; requiredMask < 16; requiredMask++) {
        const required = names.filter((_, i) => requiredMask & (1 << i));
        const grammar = await grammarFor({type: "object", properties: Object.fromEntries(names.map((name) => [name, {type: "integer"}])), required});
        for (let present = 0; present < 16; present++) {
            const text = `{${names.filter((_, i) => present & (1 << i)).map((name, i) => `"${name}":${i}`).join(",")}}`;
            assert.is(grammarAccepts(grammar, text), (present & requiredMask) === requiredMask, `${text} with required ${required}`);
        }
    }
});

t("strings: JSON escapes, no raw control characters, lengths in code points, caps never below minLength", async () => {
    const free = await grammarFor({type: "object", properties: {s: {type: "string"}}, required: ["s"]});
    expectTexts(free,
        [String.raw`{"s":"a\"b\\c\/d\n\t\b\f\r"}`, String.raw`{"s":"\u00e9\uFFFF\ud7ff"}`, `{"s":"é中😀"}`, `{"s":"'single'"}`],
        [`{"s":"a"b"}`, `{"s":"line\nbreak"}`, `{"s":"tab\there"}`, String.raw`{"s":"\x41"}`, String.raw`{"s":"\ud800"}`, String.raw`{"s":"\uDFFF"}`, String.raw`{"s":"\u12"}`, `{"s":"\\"}`, `{"s":a}`]);

    const sized = await grammarFor({type: "object", properties: {s: {type: "string", minLength: 2, maxLength: 3}}, required: ["s"]});
    expectTexts(sized, [`{"s":"ab"}`, `{"s":"😀😀😀"}`, String.raw`{"s":"\n\u0041"}`], [`{"s":"a"}`, `{"s":"abcd"}`, `{"s":"😀"}`]);

    const capped = await grammarFor({type: "object", properties: {s: {type: "string"}, t: {type: "string", minLength: 5}}, required: ["s", "t"]}, {maxStringLength: 3});
    expectTexts(capped, [`{"s":"abc","t":"abcde"}`], [`{"s":"abcd","t":"abcde"}`, `{"s":"a","t":"abcdef"}`]);

    const huge = await grammarFor({type: "object", properties: {s: {type: "string", maxLength: 5000}}, required: ["s"]});
    expectTexts(huge, [`{"s":"${"x".repeat(2000)}"}`], [`{"s":"${"x".repeat(2001)}"}`]);
});

t("integers and numbers are distinct; booleans and null", async () => {
    const grammar = await grammarFor({
        type: "object",
        properties: {i: {type: "integer"}, n: {type: "number"}, b: {type: "boolean"}, z: {type: "null"}},
        required: ["i", "n", "b", "z"]
    });
    expectTexts(grammar,
        [`{"i":-12,"n":1.5,"b":true,"z":null}`, `{"i":0,"n":-2,"b":false,"z":null}`, `{"i":5,"n":6.02e23,"b":true,"z":null}`],
        [`{"i":1.5,"n":1,"b":true,"z":null}`, `{"i":1e3,"n":1,"b":true,"z":null}`, `{"i":"1","n":1,"b":true,"z":null}`,
            `{"i":1,"n":1,"b":"true","z":null}`, `{"i":1,"n":1,"b":true,"z":"null"}`, `{"i":1,"n":NaN,"b":true,"z":null}`, `{"i":01,"n":1,"b":true,"z":null}`]);
});

t("enums and const are exact JSON literals of any type; anyOf allows each alternative", async () => {
    const grammar = await grammarFor({
        type: "object",
        properties: {
            e: {enum: ["a\"b", 3, 2.5, null, true, {k: [1, "x"]}, ["p"]]},
            c: {const: "fixed"},
            u: {anyOf: [{type: "string", maxLength: 2}, {type: "null"}, {type: "array", items: {type: "boolean"}, minItems: 1}]}
        },
        required: ["e", "c", "u"]
    });
    const ok = (e: string, u: string): string => `{"e":${e},"c":"fixed","u":${u}}`;
    expectTexts(grammar,
        [ok(String.raw`"a\"b"`, `"ab"`), ok("3", "null"), ok("2.5", "[true,false]"), ok("null", `""`), ok("true", "null"), ok(`{"k":[1,"x"]}`, "null"), ok(`["p"]`, "null")],
        [ok(`"a"`, "null"), ok("4", "null"), ok("3.0", "null"), ok(`{"k":[1,"x"],"z":1}`, "null"), ok(`{ "k":[1,"x"]}`, "null"),
            ok("3", `"abc"`), ok("3", "[]"), ok("3", "false"), `{"e":3,"c":"other","u":null}`]);
});

t("arrays: items, minItems/maxItems, and the global cap (never below minItems)", async () => {
    const grammar = await grammarFor({
        type: "object",
        properties: {
            pairs: {type: "array", items: {type: "object", properties: {x: {type: "integer"}, y: {type: "integer"}}, required: ["x"]}, minItems: 1, maxItems: 2},
            many: {type: "array", items: {type: "array", items: {type: "integer", minimum: 0, maximum: 9}}},
            least: {type: "array", items: {type: "boolean"}, minItems: 4},
            none: {type: "array", maxItems: 0}
        },
        required: ["pairs"]
    }, {maxArrayItems: 3});
    expectTexts(grammar,
        [`{"pairs":[{"x":1}]}`, `{"pairs":[{"x":1,"y":2},{"x":3}],"many":[[],[0,9,5]]}`, `{"pairs":[{"x":1}],"least":[true,true,false,true]}`, `{"pairs":[{"x":1}],"none":[]}`],
        [`{"pairs":[]}`, `{"pairs":[{"y":2}]}`, `{"pairs":[{"x":1},{"x":2},{"x":3}]}`, `{"pairs":[{"x":1}],"many":[[1,2,3,4]]}`,
            `{"pairs":[{"x":1}],"many":[[10]]}`, `{"pairs":[{"x":1}],"least":[true,true,true]}`, `{"pairs":[{"x":1}],"none":[1]}`, `{"pairs":[{"x":1},]}`]);
});

t("free-form objects and any values: any JSON, compact, nested at most 3 deep", async () => {
    const grammar = await grammarFor({type: "object", properties: {meta: {type: "object"}, value: {}}, required: ["meta", "value"]});
    expectTexts(grammar,
        [`{"meta":{},"value":1}`, `{"meta":{"a":1,"b":[true,null,"x"],"c":{"d":{"e":0}}},"value":[[["deep"]]]}`, `{"meta":{"":-1.5e3},"value":"s"}`, `{"meta":{"k":{}},"value":{}}`],
        [`{"meta":[],"value":1}`, `{"meta":{"a":1,},"value":1}`, `{"meta":{a:1},"value":1}`, `{"meta":{"a":{"b":{"c":{"d":1}}}},"value":1}`,
            `{"meta":{},"value":[[[["too deep"]]]]}`, `{"meta":{"a": 1},"value":1}`, `{"meta":{},"value":undefined}`]);
    const capped = await grammarFor({type: "object", properties: {meta: {type: "object"}}, required: ["meta"]}, {maxArrayItems: 2, maxStringLength: 2});
    expectTexts(capped, [`{"meta":{"ab":[1,2],"c":"de"}}`], [`{"meta":{"a":1,"b":2,"c":3}}`, `{"meta":{"abc":1}}`, `{"meta":{"a":[1,2,3]}}`]);
});

t("tools without arguments, free-form top level, odd property names", async () => {
    expectTexts(await grammarFor({type: "object", properties: {}}), ["{}"], [`{"a":1}`, ""]);
    expectTexts(await grammarFor({type: "object", additionalProperties: true}), ["{}", `{"a":1}`], ["[]"]);
    expectTexts(await grammarFor({type: "object", properties: {"we\"ird key": {type: "boolean"}, "ключ": {type: "integer"}}, required: ["we\"ird key"]}),
        [`{"we\\"ird key":true}`, `{"we\\"ird key":false,"ключ":7}`], [`{"we"ird key":true}`, `{"ключ":7}`]);
});

t("several tools compose into one rule set, sharing identical rules", async () => {
    const rules = new GbnfRuleSet();
    const a = compileArgumentsGrammar(tool(weather, "math.weather"), {}, rules);
    const size = rules.size;
    const b = compileArgumentsGrammar(tool({type: "object", properties: {city: {type: "string"}, n: {type: "integer"}}, required: ["n"]}, "other"), {}, rules);
    // New: the arguments rule, its first/more chain rules and the unbounded integer; the string rules are shared.
    assert.is(rules.size, size + 4);
    assert.is(rules.render("x").match(/^json-string ::=/gm)?.length, 1);
    assert.is.not(a, b);
    assert.ok(/^[A-Za-z0-9-]+$/.test(a) && /^[A-Za-z0-9-]+$/.test(b));
    const grammar = await compileGrammar(rules.render(`"{\\"name\\":\\"math.weather\\",\\"arguments\\":" ${a} "}" | "{\\"name\\":\\"other\\",\\"arguments\\":" ${b} "}"`));
    expectTexts(grammar,
        [`{"name":"math.weather","arguments":{"city":"x","days":2}}`, `{"name":"other","arguments":{"n":1}}`],
        [`{"name":"other","arguments":{"city":"x","days":2}}`, `{"name":"math.weather","arguments":{"n":1}}`]);
});

t("minProperties and maxProperties beside properties are counted; maps count their members", async () => {
    const two = await grammarFor({type: "object", properties: {a: {type: "integer"}, b: {type: "integer"}, c: {type: "integer"}}, required: ["a"], minProperties: 2, maxProperties: 2});
    expectTexts(two, ['{"a":1,"b":2}', '{"a":1,"c":3}'], ['{"a":1}', '{"a":1,"b":2,"c":3}', '{"b":2,"c":3}', "{}"]);
    const atLeastOne = await grammarFor({type: "object", properties: {a: {type: "integer"}, b: {type: "integer"}}, minProperties: 1});
    expectTexts(atLeastOne, ['{"a":1}', '{"b":2}', '{"a":1,"b":2}'], ["{}"]);
    const atMostOne = await grammarFor({type: "object", properties: {a: {type: "integer"}, b: {type: "integer"}}, maxProperties: 1});
    expectTexts(atMostOne, ["{}", '{"a":1}', '{"b":2}'], ['{"a":1,"b":2}']);
    const map = await grammarFor({type: "object", properties: {m: {type: "object", additionalProperties: {type: "integer"}, propertyNames: {pattern: "^[a-z]+$"}, minProperties: 1, maxProperties: 2}}, required: ["m"]});
    expectTexts(map, ['{"m":{"a":1}}', '{"m":{"a":1,"bc":2}}'], ['{"m":{}}', '{"m":{"a":1,"b":2,"c":3}}', '{"m":{"A":1}}', '{"m":{"a":"x"}}']);
    assert.throws(() => tool({type: "object", properties: {a: {type: "integer"}}, required: ["a"], maxProperties: 0}), /"maxProperties" allows 0 properties, but 1 are required/);
});

t.run();
