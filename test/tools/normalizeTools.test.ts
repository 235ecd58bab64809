import type {ArraySchema, ObjectSchema} from "../../src/tools/JsonSchema.js";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {ToolSchemaError} from "../../src/tools/ToolSchemaError.js";
import {sharedPath, withShared} from "../helpers/sharedData.js";

const t = suite("normalizeTools");

function openAi(parameters: unknown, name: string = "get_weather"): unknown {
    return [{type: "function", function: {name, description: "Weather for a city.", parameters}}];
}

function params(properties: Record<string, unknown>, required: string[] = []): unknown {
    return {type: "object", properties, required};
}

function expectError(input: unknown, message: string): ToolSchemaError {
    try {
        normalizeTools(input);
    } catch (error) {
        assert.instance(error, ToolSchemaError);
        const schemaError = error as ToolSchemaError;
        assert.is(schemaError.code, "tool_schema");
        assert.is(schemaError.message, message);
        return schemaError;
    }
    assert.unreachable(`expected ToolSchemaError: ${message}`);
    throw new Error("unreachable");
}

t("normalises an OpenAI tool: types, required, annotations, property order", () => {
    const [tool] = normalizeTools(openAi({
        type: "object",
        properties: {
            city: {type: "string", description: "City name", minLength: 1, maxLength: 80, examples: ["Paris"]},
            days: {type: "integer", minimum: 1, exclusiveMaximum: 15, default: 3},
            unit: {type: "string", enum: ["celsius", "fahrenheit"], title: "Unit"},
            when: {type: "string", format: "date"},
            ratio: {type: "number", minimum: 0, maximum: 1},
            flag: {type: "boolean"},
            nothing: {type: "null"},
            tags: {type: "array", items: {type: "string"}, minItems: 1, maxItems: 5}
        },
        required: ["city", "city"]
    }));
    const {relaxed, originalParameters, ...normalized} = tool!;
    assert.is(relaxed, undefined, "a date format is enforced by the grammar, not relaxed");
    assert.type(originalParameters, "object", "calls are still checked against the original schema");
    assert.equal(normalized, {
        name: "get_weather",
        description: "Weather for a city.",
        parameters: {
            type: "object",
            properties: {
                city: {type: "string", description: "City name", minLength: 1, maxLength: 80},
                days: {type: "integer", default: 3, minimum: 1, maximum: 14},
                unit: {enum: ["celsius", "fahrenheit"], type: "string", title: "Unit"},
                when: {type: "string", format: "date"},
                ratio: {type: "number", minimum: 0, maximum: 1},
                flag: {type: "boolean"},
                nothing: {type: "null"},
                tags: {type: "array", items: {type: "string"}, minItems: 1, maxItems: 5}
            },
            required: ["city"],
            additionalProperties: false
        }
    });
    assert.equal(Object.keys(tool?.parameters.properties ?? {}), ["city", "days", "unit", "when", "ratio", "flag", "nothing", "tags"]);
});

t("anyOf from oneOf, allOf of one, and type arrays; const becomes a one-value enum", () => {
    const [tool] = normalizeTools(openAi(params({
        a: {oneOf: [{type: "string"}, {type: "integer"}]},
        b: {type: ["string", "null"], maxLength: 3, description: "b"},
        c: {const: "fixed"},
        d: {allOf: [{type: "boolean"}], description: "d"},
        e: {anyOf: [{anyOf: [{type: "string"}, {type: "null"}]}, {type: "null"}]},
        f: {type: ["integer", "string"], enum: [1, "x", 2.5]}
    })));
    assert.equal(tool?.parameters.properties, {
        a: {anyOf: [{type: "string"}, {type: "integer"}]},
        b: {anyOf: [{type: "string", maxLength: 3}, {type: "null"}], description: "b"},
        c: {enum: ["fixed"]},
        d: {type: "boolean", description: "d"},
        e: {anyOf: [{type: "string"}, {type: "null"}]},
        f: {enum: [1, "x"]}
    });
});

t("integer and number bounds: exclusive forms (numeric and draft-04 boolean) become tight bounds", () => {
    const [tool] = normalizeTools(openAi(params({
        i: {type: "integer", exclusiveMinimum: 0.5, maximum: 9.7},
        j: {type: "integer", minimum: 3, exclusiveMinimum: true},
        n: {type: "number", minimum: 0, exclusiveMinimum: 0, maximum: 10, exclusiveMaximum: 12},
        m: {type: "number", maximum: 5, exclusiveMaximum: true}
    })));
    assert.equal(tool?.parameters.properties, {
        i: {type: "integer", minimum: 1, maximum: 9},
        j: {type: "integer", minimum: 4},
        n: {type: "number", exclusiveMinimum: 0, maximum: 10},
        m: {type: "number", exclusiveMaximum: 5}
    });
});

t("local $ref to $defs and definitions are inlined, with sibling annotations", () => {
    const [tool] = normalizeTools(openAi({
        type: "object",
        $defs: {Unit: {type: "string", enum: ["c", "f"]}, Point: {type: "object", properties: {x: {$ref: "#/definitions/Coord"}}, required: ["x"]}},
        definitions: {Coord: {type: "number"}},
        properties: {
            unit: {$ref: "#/$defs/Unit", description: "unit"},
            points: {type: "array", items: {$ref: "#/$defs/Point"}},
            again: {$ref: "#/$defs/Unit"}
        }
    }));
    assert.equal(tool?.parameters.properties, {
        unit: {enum: ["c", "f"], type: "string", description: "unit"},
        points: {type: "array", items: {type: "object", properties: {x: {type: "number"}}, required: ["x"], additionalProperties: false}},
        again: {enum: ["c", "f"], type: "string"}
    });
});

t("objects: top level without properties takes no arguments; nested ones without properties are free-form", () => {
    const [none, free, missing] = normalizeTools([
        {type: "function", function: {name: "now", parameters: {type: "object", properties: {}}}},
        {type: "function", function: {name: "anything", parameters: {type: "object", additionalProperties: true}}},
        {type: "function", function: {name: "bare"}}
    ]);
    const closedEmpty = {type: "object", properties: {}, required: [], additionalProperties: false};
    assert.equal(none?.parameters, closedEmpty);
    assert.equal(missing?.parameters, closedEmpty);
    assert.equal(missing?.description, "");
    assert.equal(free?.parameters, {type: "object", properties: {}, required: [], additionalProperties: true});

    const [nested] = normalizeTools(openAi(params({
        meta: {type: "object"},
        empty: {type: "object", properties: {}},
        closed: {type: "object", additionalProperties: false},
        guessed: {properties: {a: {type: "string"}}},
        counted: {maxItems: 2}
    })));
    assert.equal(nested?.parameters.properties, {
        meta: {type: "object", properties: {}, required: [], additionalProperties: true},
        empty: {type: "object", properties: {}, required: [], additionalProperties: true},
        closed: closedEmpty,
        guessed: {type: "object", properties: {a: {type: "string"}}, required: [], additionalProperties: false},
        counted: {type: "array", items: {}, maxItems: 2}
    });
});

t("required names missing from properties become properties of any value (unless additionalProperties is false)", () => {
    const [tool] = normalizeTools(openAi({type: "object", properties: {a: {type: "string"}}, required: ["a", "b"]}));
    assert.equal(tool?.parameters, {type: "object", properties: {a: {type: "string"}, b: {}}, required: ["a", "b"], additionalProperties: false});
});

t("keywords of another type are inapplicable and dropped; untyped schemas mean any value", () => {
    const [tool] = normalizeTools(openAi(params({
        n: {type: "integer", minItems: 5, maxLength: 2, properties: {}},
        free: {description: "anything"},
        yes: true
    })));
    assert.equal(tool?.parameters.properties, {n: {type: "integer"}, free: {description: "anything"}, yes: {}});
});

t("accepts a single object, the flat OpenAI format, and keeps names with dots", () => {
    const [flat] = normalizeTools({type: "function", name: "a.b-c_d", parameters: params({x: {type: "string"}}, ["x"])});
    assert.is(flat?.name, "a.b-c_d");
    assert.equal(flat?.parameters.required, ["x"]);
    assert.is(normalizeTools([]).length, 0);
});

t("BFCL docs: Python/Java type names, missing type is a string, any is any JSON value", () => {
    const [tool] = normalizeTools({
        name: "math.stats",
        description: "Stats.",
        parameters: {
            type: "dict",
            properties: {
                values: {type: "array", items: {type: "float"}, description: "Values."},
                pair: {type: "tuple", items: {type: "integer"}},
                names: {type: "list", items: {description: "no type"}},
                options: {type: "dict", properties: {round: {type: "int"}, label: {type: "str"}, exact: {type: "bool"}}, required: ["round"]},
                blob: {type: "any"},
                note: {description: "untyped"},
                empty: {type: ""},
                javaList: {type: "ArrayList", items: {type: "String"}},
                javaMap: {type: "HashMap"},
                count: {type: "long"},
                big: {type: "double", optional: true, default: 1.5},
                flag: {type: "Boolean"},
                letter: {type: "char"}
            },
            required: ["values"]
        }
    });
    const p = tool?.parameters.properties;
    assert.equal(p, {
        values: {type: "array", description: "Values.", items: {type: "number"}},
        pair: {type: "array", items: {type: "integer"}},
        names: {type: "array", items: {type: "string", description: "no type"}},
        options: {type: "object", properties: {round: {type: "integer"}, label: {type: "string"}, exact: {type: "boolean"}}, required: ["round"], additionalProperties: false},
        blob: {},
        note: {type: "string", description: "untyped"},
        empty: {type: "string"},
        javaList: {type: "array", items: {type: "string"}},
        javaMap: {type: "object", properties: {}, required: [], additionalProperties: true},
        count: {type: "integer"},
        big: {type: "number", default: 1.5},
        flag: {type: "boolean"},
        letter: {type: "string"}
    });
});

t("an OpenAI-wrapped tool with BFCL's \"dict\" parameters is read the BFCL way", () => {
    const [tool] = normalizeTools({type: "function", function: {name: "f", parameters: {type: "dict", properties: {n: {type: "int"}, s: {description: "untyped"}}}}});
    assert.equal(tool?.parameters.properties, {n: {type: "integer"}, s: {type: "string", description: "untyped"}});
    expectError({type: "function", function: {name: "f", parameters: {type: "object", properties: {n: {type: "int"}}}}},
        `tool "f": unsupported type "int" at $.parameters.properties.n`);
});

t("BFCL docs: listed enum values win over a mismatching type; an array's enum lists its items", () => {
    const [tool] = normalizeTools({
        name: "find", description: "", parameters: {
            type: "dict", properties: {
                is_unisex: {type: "boolean", enum: ["True", "False", "dontcare"]},
                intents: {type: "array", items: {type: "string"}, enum: ["Weather", "News"]},
                level: {type: "integer", enum: [1, 2, 3]}
            }, required: []
        }
    });
    assert.equal(tool?.parameters.properties, {
        is_unisex: {enum: ["True", "False", "dontcare"]},
        intents: {type: "array", items: {enum: ["Weather", "News"], type: "string"}},
        level: {enum: [1, 2, 3], type: "integer"}
    });
    // The same schema in an OpenAI tool follows JSON Schema: enum values must also match the type.
    expectError(openAi(params({is_unisex: {type: "boolean", enum: ["True", "dontcare"]}})),
        `tool "get_weather": no value of "enum"/"const" matches the rest of the schema at $.parameters.properties.is_unisex`);
});

t("BFCL docs: a dict with required keys and no properties lists those keys", () => {
    const [tool] = normalizeTools({name: "f", description: "", parameters: {type: "dict", properties: {
        population: {type: "dict", description: "people", required: ["adults", "children"]}
    }, required: ["population"]}});
    assert.equal(tool?.parameters.properties.population, {
        type: "object", description: "people", properties: {adults: {}, children: {}}, required: ["adults", "children"], additionalProperties: false
    });
});

const bfclDirectory = sharedPath(path.join("data", "bfcl"), "normalizeTools (real BFCL docs)");
withShared(t, bfclDirectory, "the shared BFCL data")("normalises a real BFCL doc (simple_python_0) and a real OpenAI conversion of BFCL docs", () => {
    const questions = path.join(bfclDirectory!, "BFCL_v4_simple_python.json");
    const first = JSON.parse(readFileSync(questions, "utf8").split("\n")[0] as string) as {function: unknown[]};
    const [tool] = normalizeTools(first.function);
    assert.equal(tool, {
        name: "calculate_triangle_area",
        description: "Calculate the area of a triangle given its base and height.",
        parameters: {
            type: "object",
            properties: {
                base: {type: "integer", description: "The base of the triangle."},
                height: {type: "integer", description: "The height of the triangle."},
                unit: {type: "string", description: "The unit of measure (defaults to 'units' if not specified)"}
            },
            required: ["base", "height"],
            additionalProperties: false
        }
    });

    const example = JSON.parse(readFileSync(path.join(bfclDirectory!, "example_fc_tools_multiple_5.json"), "utf8")) as {original_function: unknown[], openai_tools: unknown[]};
    const fromBfcl = normalizeTools(example.original_function);
    const fromOpenAi = normalizeTools(example.openai_tools);
    assert.equal(fromOpenAi.map((tool) => tool.name), ["weather_get_by_city_date", "weather_get_forecast_by_coordinates", "weather_get_by_coordinates_date"]);
    assert.equal(fromBfcl.map((tool) => tool.name), ["weather.get_by_city_date", "weather.get_forecast_by_coordinates", "weather.get_by_coordinates_date"]);
    assert.equal(fromBfcl.map((tool) => tool.parameters), fromOpenAi.map((tool) => tool.parameters));
});

t("assertions no grammar here enforces are relaxed and listed; unknown keywords and annotations are ignored", () => {
    const [tool] = normalizeTools(openAi(params({city: {type: "string", pattern: "^(?=[A-Z])", example: "Paris", "x-kubernetes-list-type": "atomic", readonly: true, self: {a: 1}, id: "c"}})));
    assert.equal(tool!.parameters.properties.city, {type: "string"});
    assert.equal(tool!.relaxed, [{path: "$.parameters.properties.city", keyword: "pattern", action: "ignored"}], "a lookahead is beyond a grammar");
    assert.ok(tool!.originalParameters !== undefined);
    const cases: [string, unknown][] = [
        ["patternProperties", {type: "object", patternProperties: {"^x(?=y)": {type: "string"}}}],
        ["not", {not: {type: "string"}}],
        ["if", {if: {type: "string"}, then: {minLength: 1}}],
        ["dependentRequired", {type: "object", dependentRequired: {a: ["b"]}}],
        ["propertyNames", {type: "object", properties: {abcd: {}}, propertyNames: {maxLength: 3}}],
        ["uniqueItems", {type: "array", uniqueItems: true}],
        ["contains", {type: "array", contains: {type: "string"}}],
        ["additionalItems", {type: "array", additionalItems: false}],
        ["multipleOf", {type: "integer", multipleOf: 5}],
        ["format", {type: "string", format: "uri-template"}],
        ["format", {type: "string", pattern: "^[a-z]+$", format: "date-time"}],
        ["pattern", {type: "string", pattern: "[0-9]{3}"}],
        ["maxLength", {type: "string", pattern: "^[0-9]+$", maxLength: 4}]
    ];
    for (const [keyword, schema] of cases) {
        const [relaxed] = normalizeTools(openAi(params({x: {type: "array", items: schema}})));
        assert.ok(relaxed!.relaxed?.some((entry) => entry.keyword === keyword && entry.path === "$.parameters.properties.x.items"), `${keyword}: ${JSON.stringify(relaxed!.relaxed)}`);
    }
    const [plain] = normalizeTools(openAi(params({x: {type: "string", title: "X", example: "y", optional: true, format: "my-own-format", $comment: "c"}})));
    assert.is(plain!.relaxed, undefined, "annotations and unknown formats relax nothing");
    assert.is(plain!.originalParameters, undefined);
});

t("OpenAPI's nullable adds null; decimal bounds of up to six fraction digits are kept, longer ones widened to integers", () => {
    const [tool] = normalizeTools(openAi(params({x: {type: "string", nullable: true}, y: {type: "number", minimum: 0.5, exclusiveMaximum: 2.5}, z: {type: "number", minimum: 0.1234567, exclusiveMaximum: 2.5}})));
    assert.equal(tool!.parameters.properties.x, {anyOf: [{type: "string"}, {type: "null"}]});
    assert.equal(tool!.parameters.properties.y, {type: "number", minimum: 0.5, exclusiveMaximum: 2.5});
    assert.equal(tool!.parameters.properties.z, {type: "number", minimum: 0, exclusiveMaximum: 2.5});
    assert.equal(tool!.relaxed, [{path: "$.parameters.properties.z", keyword: "minimum", action: "widened"}]);
});

t("additionalProperties other than false next to properties closes the object (narrowed, listed)", () => {
    for (const additional of [{type: "string"}, true]) {
        const [tool] = normalizeTools(openAi({type: "object", properties: {a: {type: "string"}}, additionalProperties: additional}));
        assert.is(tool!.parameters.additionalProperties, false);
        assert.equal(tool!.relaxed, [{path: "$.parameters", keyword: "additionalProperties", action: "narrowed"}]);
    }
    const [map] = normalizeTools(openAi(params({m: {type: "object", additionalProperties: {type: "integer"}}})));
    assert.equal(map!.parameters.properties.m, {type: "object", properties: {}, required: [], additionalProperties: {type: "integer"}}, "a map keeps its values' schema");
    assert.is(map!.relaxed, undefined);
    expectError(openAi({type: "object", properties: {}, required: ["a"], additionalProperties: false}),
        `tool "get_weather": required property "a" is not in "properties" at $.parameters`);
});

t("$ref: recursion is unrolled a bounded number of times; endless, non-local and unresolvable ones are rejected; its siblings apply with it (allOf)", () => {
    const [tree] = normalizeTools(openAi({
        type: "object",
        $defs: {node: {type: "object", properties: {name: {type: "string"}, children: {type: "array", items: {$ref: "#/$defs/node"}}}, required: ["name"]}},
        properties: {root: {$ref: "#/$defs/node"}}, required: ["root"]
    }, "tree"));
    let depth = 0;
    for (let node = tree!.parameters.properties.root as ObjectSchema; ; depth++) {
        const children = node.properties.children as ArraySchema;
        if (children.maxItems === 0) break;
        node = children.items as ObjectSchema;
    }
    assert.is(depth, 2, "the node is unrolled three times; the innermost has no children");
    assert.equal(tree!.relaxed, [{path: "$.parameters.$defs.node", keyword: "$ref", action: "narrowed"}]);
    expectError(openAi({type: "object", $defs: {list: {type: "object", properties: {next: {$ref: "#/$defs/list"}}, required: ["next"]}}, properties: {x: {$ref: "#/$defs/list"}}, required: ["x"]}),
        `tool "get_weather": a $ref recurses without end: no finite value satisfies the schema (recursion is unrolled 3 times) at $.parameters`);
    const [alias] = normalizeTools(openAi({type: "object", $defs: {a: {$ref: "#/$defs/b"}, b: {$ref: "#/$defs/a"}}, properties: {x: {$ref: "#/$defs/a"}, y: {type: "string"}}}));
    assert.equal(Object.keys(alias!.parameters.properties), ["y"], "an optional property no finite value satisfies is left out");
    const [rooted] = normalizeTools(openAi({type: "object", properties: {name: {type: "string"}, child: {$ref: "#"}, same: {$ref: "#/properties/name"}}, required: ["name"]}));
    assert.equal((rooted!.parameters.properties.child as ObjectSchema).properties.same, {type: "string"}, "\"#\" and any JSON Pointer inside the schema resolve");
    expectError(openAi(params({x: {$ref: "#anchor"}})),
        `tool "get_weather": unsupported $ref "#anchor" (only references inside the tool's schema, "#" or "#/…" JSON Pointers, are supported) at $.parameters.properties.x`);
    expectError(openAi(params({x: {$ref: "#/$defs/missing"}})),
        `tool "get_weather": $ref "#/$defs/missing" does not resolve at $.parameters.properties.x`);
    const [tool] = normalizeTools(openAi({type: "object", $defs: {s: {type: "string"}}, properties: {x: {$ref: "#/$defs/s", maxLength: 3}}}));
    assert.equal(tool!.parameters.properties.x, {type: "string", maxLength: 3});
    assert.is(tool!.relaxed, undefined);
});

t("combinators: allOf merges objects, strings, numbers and enums, otherwise relaxes; anyOf next to a type is distributed; empty lists are rejected", () => {
    const [merged] = normalizeTools(openAi(params({x: {allOf: [
        {type: "object", properties: {a: {type: "string"}}, required: ["a"]},
        {type: "object", properties: {b: {type: "integer"}}, required: ["b"], description: "both"}
    ]}})));
    assert.equal(merged!.parameters.properties.x, {type: "object", description: "both", properties: {a: {type: "string"}, b: {type: "integer"}}, required: ["a", "b"], additionalProperties: false});
    assert.is(merged!.relaxed, undefined);
    const [closed] = normalizeTools(openAi(params({x: {allOf: [
        {type: "object", properties: {a: {type: "string"}, b: {type: "integer"}}, required: ["a"]},
        {type: "object", properties: {a: {}}, additionalProperties: false}
    ]}})));
    assert.equal(closed!.parameters.properties.x, {type: "object", properties: {a: {type: "string"}}, required: ["a"], additionalProperties: false}, "a closed part keeps only its own properties");
    expectError(openAi(params({x: {allOf: [{type: "object", properties: {a: {type: "string"}}, required: ["a"]}, {type: "object", additionalProperties: false}]}})),
        `tool "get_weather": "allOf" requires the property "a", which a part's "additionalProperties": false excludes: no value satisfies it at $.parameters.properties.x`);
    const [strings] = normalizeTools(openAi(params({x: {allOf: [{type: "string", minLength: 1}, {maxLength: 2}]}})));
    assert.equal(strings!.parameters.properties.x, {type: "string", minLength: 1, maxLength: 2});
    assert.is(strings!.relaxed, undefined);
    const [numbers] = normalizeTools(openAi(params({x: {allOf: [{type: "number", exclusiveMinimum: 0}, {type: "integer", maximum: 9}]}})));
    assert.equal(numbers!.parameters.properties.x, {type: "integer", minimum: 1, maximum: 9});
    const [enums] = normalizeTools(openAi(params({x: {allOf: [{enum: ["a", "bb", 3]}, {type: "string", maxLength: 1}]}})));
    assert.equal(enums!.parameters.properties.x, {enum: ["a"]});
    const [mixed] = normalizeTools(openAi(params({x: {allOf: [{type: "string"}, {type: "array"}]}})));
    assert.equal(mixed!.parameters.properties.x, {type: "string"});
    assert.equal(mixed!.relaxed, [{path: "$.parameters.properties.x", keyword: "allOf", action: "ignored"}]);
    const [beside] = normalizeTools(openAi(params({x: {type: "string", anyOf: [{maxLength: 2}, {minLength: 5}]}})));
    assert.equal(beside!.parameters.properties.x, {anyOf: [{type: "string", maxLength: 2}, {type: "string", minLength: 5}]});
    assert.is(beside!.relaxed, undefined);
    const [required] = normalizeTools(openAi(params({x: {type: "object", properties: {a: {type: "string"}, b: {type: "integer"}}, oneOf: [{required: ["a"]}, {required: ["b"]}]}})));
    assert.equal(required!.parameters.properties.x, {anyOf: [
        {type: "object", properties: {a: {type: "string"}, b: {type: "integer"}}, required: ["a"], additionalProperties: false},
        {type: "object", properties: {a: {type: "string"}, b: {type: "integer"}}, required: ["b"], additionalProperties: false}
    ]});
    const oneOf = (schema: unknown): unknown => normalizeTools(openAi(params({x: schema})))[0]!.relaxed;
    assert.is(oneOf({oneOf: [{type: "string"}, {type: "integer"}]}), undefined, "alternatives of different types: exactly one holds");
    assert.is(oneOf({oneOf: [{type: "object", properties: {kind: {const: "a"}}, required: ["kind"]}, {type: "object", properties: {kind: {const: "b"}, n: {type: "integer"}}, required: ["kind"]}]}), undefined, "a required discriminator");
    assert.equal(oneOf({oneOf: [{type: "integer"}, {type: "number"}]}), [{path: "$.parameters.properties.x", keyword: "oneOf", action: "widened"}], "overlapping alternatives: exclusivity is checked, not enforced");
    assert.equal(oneOf({oneOf: [{type: "object", properties: {a: {type: "string"}}, required: ["a"]}, {type: "object", properties: {b: {type: "string"}}}]}), [{path: "$.parameters.properties.x", keyword: "oneOf", action: "widened"}]);
    const [top] = normalizeTools(openAi({type: "object", properties: {a: {type: "string"}}, anyOf: [{required: ["a"]}]}));
    assert.equal(top!.relaxed, [{path: "$.parameters", keyword: "anyOf", action: "ignored"}], "the parameters stay one object: alternatives there are checked");
    expectError(openAi(params({x: {oneOf: []}})),
        `tool "get_weather": "oneOf" must be a non-empty array of schemas at $.parameters.properties.x`);
    expectError(openAi(params({x: {anyOf: [{type: "string"}, {type: "float"}]}})),
        `tool "get_weather": unsupported type "float" at $.parameters.properties.x.anyOf[1]`);
});

t("types, enums and bounds that are malformed or unsatisfiable are rejected", () => {
    const at = (problem: string, where: string = ".properties.x"): string => `tool "get_weather": ${problem} at $.parameters${where}`;
    const reject = (schema: unknown, problem: string): void => {
        expectError(openAi(params({x: schema})), at(problem));
    };
    reject({type: "float"}, `unsupported type "float"`);
    reject({type: 3}, `"type" must be a type name or a non-empty array of type names`);
    reject({enum: []}, `"enum" must be a non-empty array`);
    reject({enum: ["a"], const: "b"}, `"const" is not among the "enum" values`);
    reject({type: "integer", minimum: 5, maximum: 4}, `the integer range [5, 4] is empty`);
    reject({type: "integer", exclusiveMinimum: 4, exclusiveMaximum: 5}, `the integer range [5, 4] is empty`);
    reject({type: "integer", exclusiveMinimum: true}, `"exclusiveMinimum": true needs "minimum"`);
    reject({type: "integer", minimum: "1"}, `"minimum" must be a number`);
    reject({type: "integer", minimum: 1e16}, `bounds beyond ±999999999999999 are not supported`);
    reject({type: "number", minimum: 1, exclusiveMaximum: 1}, `the number range is empty`);
    reject({type: "string", minLength: 4, maxLength: 3}, `"minLength" is greater than "maxLength"`);
    reject({type: "string", minLength: -1}, `"minLength" must be a non-negative integer`);
    reject({type: "array", minItems: 2001}, `"minItems" above 2000 is not supported`);
    const [several] = normalizeTools(openAi(params({x: {minLength: 1, minItems: 1}})));
    assert.equal(several!.parameters.properties.x, {anyOf: [{type: "string", minLength: 1}, {type: "array", items: {}, minItems: 1}]}, "keywords of several types without \"type\": any of those types");
    const [external] = normalizeTools(openAi(params({x: {$ref: "other.json#/a"}})));
    assert.equal([external!.parameters.properties.x, external!.relaxed], [{}, [{path: "$.parameters.properties.x", keyword: "$ref", action: "ignored"}]], "a reference to another document: any value, listed");
    reject({type: "object", properties: []}, `"properties" must be an object`);
    reject({type: "object", required: "a"}, `"required" must be an array of strings`);
    reject({type: "string", description: 5}, `"description" must be a string`);
    reject(false, `the schema false accepts no value`);
    reject("string", `a schema must be an object`);
});

t("tool names, descriptions and parameters are validated", () => {
    const fn = (name: unknown, extra: Record<string, unknown> = {}): unknown => ({type: "function", function: {name, ...extra}});
    expectError([fn("")], `tool #0: the tool name must be a non-empty string at $.name`);
    expectError([fn("ok"), fn(7)], `tool #1: the tool name must be a non-empty string at $.name`);
    expectError([fn("a".repeat(257))], `tool "${"a".repeat(257)}": the tool name must be at most 256 characters of A-Z, a-z, 0-9, _, . and - at $.name`);
    expectError([fn("get weather")], `tool "get weather": the tool name must be at most 256 characters of A-Z, a-z, 0-9, _, . and - at $.name`);
    assert.is(normalizeTools([fn("a".repeat(100))])[0]?.name.length, 100, "names longer than OpenAI's 64 are fine");
    expectError([fn("twice"), {name: "twice", description: "", parameters: {type: "dict", properties: {}}}], `tool "twice": duplicate tool name at $.name`);
    expectError([fn("d", {description: 1})], `tool "d": "description" must be a string at $.description`);
    expectError([fn("p", {parameters: {type: "string"}})], `tool "p": parameters must be an object schema at $.parameters`);
    expectError([fn("p", {parameters: {anyOf: [{type: "object"}, {type: "null"}]}})], `tool "p": parameters must be an object schema at $.parameters`);
    expectError(["get_weather"], `tool #0: a tool must be an object at $`);
    expectError([{type: "function", function: "x"}], `tool #0: "function" must be an object at $.function`);
    expectError([{type: "retrieval"}], `tool #0: unsupported tool type "retrieval" (only "function" tools) at $.type`);
    expectError([{name: "bfcl", description: "", parameters: {type: "dict", properties: {x: {type: "complex"}}}}],
        `tool "bfcl": unsupported type "complex" at $.parameters.properties.x`);
});

t.run();
