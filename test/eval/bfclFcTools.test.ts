import {readFileSync} from "node:fs";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {listBfclCategories, loadBfclCategory} from "../../src/eval/bfclData.js";
import {bfclEngineTools, bfclFcTools} from "../../src/eval/bfclFcTools.js";
import {parseFunctionDoc} from "../../src/eval/FunctionDoc.js";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("bfclFcTools");
const doc = (json: string) => parseFunctionDoc(parseLosslessJson(json));

t("converts a doc the way BFCL does for FC models: hint, name, object, float format and note, nested types", () => {
    const [tool] = bfclFcTools([doc(`{"name": "geo.area.get", "description": "Area.", "parameters": {"type": "dict", "properties": {
        "r": {"type": "float", "description": "Radius.", "default": 1.0},
        "n": {"description": "No type."},
        "kind": {"type": "any", "description": "Anything.", "enum": ["a", "b"]},
        "pts": {"type": "tuple", "items": {"type": "float"}, "description": "Points."},
        "grid": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}, "description": "Grid."},
        "rows": {"type": "array", "items": {"type": "dict", "properties": {"w": {"type": "float", "description": "W."}}}, "description": "Rows."},
        "opts": {"type": "dict", "properties": {"deep": {"type": "bool", "description": "D."}, "f": {"type": "float", "description": "F."}}, "description": "Options."},
        "odd": {"type": "HashSet", "description": "Unknown type."}
    }, "required": ["r"]}}`)]);
    assert.equal(tool, {type: "function", function: {
        name: "geo_area_get",
        description: "Area. Note that the provided function is in Python 3 syntax.",
        parameters: {type: "object", properties: {
            r: {type: "number", description: "Radius. This is a float type value.", default: 1, format: "float"},
            n: {description: "No type.", type: "string"},
            kind: {type: "string", description: "Anything.", enum: ["a", "b"]},
            pts: {type: "array", items: {type: "number"}, description: "Points."},
            grid: {type: "array", items: {type: "array", items: {type: "integer"}}, description: "Grid."},
            rows: {type: "array", items: {type: "object", properties: {w: {type: "number", description: "W. This is a float type value.", format: "float"}}}, description: "Rows."},
            opts: {type: "object", properties: {deep: {type: "boolean", description: "D."}, f: {type: "number", description: "F. This is a float type value.", format: "float"}}, description: "Options."},
            odd: {type: "string", description: "Unknown type."}
        }, required: ["r"]}
    }});
});

t("bfclEngineTools drops BFCL's optional markers wherever they are and changes nothing else", () => {
    const functions = [doc(`{"name": "f", "description": "d", "parameters": {"type": "dict", "optional": ["b"], "properties": {
        "a": {"type": "integer", "description": "A.", "optional": true}, "b": {"type": "string", "description": "B.", "optional": "True"}}, "required": ["a"]}}`)];
    const plain = bfclFcTools(functions);
    const engine = bfclEngineTools(functions);
    assert.equal(engine[0]!.function.parameters, {type: "object", properties: {a: {type: "integer", description: "A."}, b: {type: "string", description: "B."}}, required: ["a"]});
    assert.is((plain[0]!.function.parameters.properties as Record<string, Record<string, unknown>>).a!.optional, true);
    assert.not.throws(() => normalizeTools(engine));
});

t("bfclEngineTools reads an enum that contradicts its type as BFCL docs mean it: an array's lists its items, another type gives way", () => {
    const functions = [doc(`{"name": "g", "description": "d", "parameters": {"type": "dict", "properties": {
        "intents": {"type": "array", "items": {"type": "string"}, "enum": ["Weather", "News"]},
        "unisex": {"type": "boolean", "enum": ["True", "False", "dontcare"]},
        "unit": {"type": "string", "enum": ["c", "f"]}}, "required": ["intents"]}}`)];
    const properties = bfclEngineTools(functions)[0]!.function.parameters.properties as Record<string, unknown>;
    assert.equal(properties.intents, {type: "array", items: {type: "string", enum: ["Weather", "News"]}});
    assert.equal(properties.unisex, {enum: ["True", "False", "dontcare"]});
    assert.equal(properties.unit, {type: "string", enum: ["c", "f"]}, "an enum that matches its type is left as it is");
    assert.not.throws(() => normalizeTools(bfclEngineTools(functions)));
});

const dataDir = sharedBfclData("bfclFcTools (shared data)");
withShared(t, dataDir, "the shared BFCL data")("reproduces BFCL's tools for multiple_5 exactly, key order included", () => {
    const example = JSON.parse(readFileSync(path.join(dataDir as string, "example_fc_tools_multiple_5.json"), "utf8")) as {id: string, openai_tools: unknown};
    const entry = loadBfclCategory(dataDir as string, "multiple").find((e) => e.id === example.id)!;
    assert.is(JSON.stringify(bfclFcTools(entry.functions)), JSON.stringify(example.openai_tools));
});

withShared(t, dataDir, "the shared BFCL data")("the engine accepts the tools of every entry of every category", () => {
    const rejected: string[] = [];
    for (const category of listBfclCategories(dataDir as string)) {
        for (const entry of loadBfclCategory(dataDir as string, category)) {
            try {
                normalizeTools(bfclEngineTools(entry.functions));
            } catch (error) {
                rejected.push(`${entry.id}: ${(error as Error).message}`);
            }
        }
    }
    assert.equal(rejected, []);
});

t.run();
