import {suite} from "uvu";
import * as assert from "uvu/assert";
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import type {JsonSchema} from "../../src/tools/JsonSchema.js";
import {schemaNode} from "../../src/tools/schemaNode.js";
import type {PoolTool} from "../../src/synth/PoolTool.js";
import {toolPool} from "../../src/synth/toolPool.js";
import {sharedPath, withShared} from "../helpers/sharedData.js";

const t = suite("toolPool");
const generatedOnly = toolPool({sourcesDir: "/nonexistent/toolace-sources", seed: 1});

function walk(schema: JsonSchema, visit: (schema: JsonSchema) => void): void {
    visit(schema);
    const node = schemaNode(schema);
    if (node.kind === "array") walk(node.schema.items, visit);
    if (node.kind === "object") for (const property of Object.values(node.schema.properties)) walk(property, visit);
}

t("without sources the pool is generated only, with a notice", () => {
    assert.ok(generatedOnly.notices.some((notice) => /not found: the pool has generated tools only/.test(notice)), generatedOnly.notices.join("; "));
    assert.ok(generatedOnly.tools.every((tool) => tool.source === "generated"));
    assert.ok(generatedOnly.sources.every((report) => report.kept === 0 && report.files.length === 0));
    assert.ok(generatedOnly.generatedSpecs >= 350, `${generatedOnly.generatedSpecs} specs`);
    assert.is(generatedOnly.tools.length, generatedOnly.generatedSpecs * 2);
    assert.is(new Set(generatedOnly.tools.map((tool) => tool.definition.name)).size, generatedOnly.tools.length, "names are unique");
    const noDir = toolPool({seed: 1});
    assert.ok(noDir.notices.some((notice) => /no sources directory/.test(notice)));
});

t("generated tools span many domains, name styles and every parameter type", () => {
    const domains = new Set(generatedOnly.tools.map((tool) => tool.domain));
    assert.ok(domains.size >= 35, `${domains.size} domains`);
    const names = generatedOnly.tools.map((tool) => tool.definition.name);
    assert.ok(names.some((name) => /^[a-z]+\.[a-z_]+$/.test(name)), "dotted names");
    assert.ok(names.some((name) => /^[a-z]+(_[a-z0-9]+)+$/.test(name)), "snake_case names");
    assert.ok(names.some((name) => /^[a-z]+[A-Z][A-Za-z0-9]*$/.test(name)), "camelCase names");
    const seen = new Set<string>();
    for (const tool of generatedOnly.tools) {
        const {properties, required} = tool.definition.parameters;
        for (const [name, schema] of Object.entries(properties)) {
            if (!required.includes(name)) seen.add("optional");
            if (!required.includes(name) && schema.default !== undefined) seen.add("optional with default");
            walk(schema, (inner) => {
                const node = schemaNode(inner);
                seen.add(node.kind);
                if (node.kind === "array") seen.add(`array of ${schemaNode(node.schema.items).kind}`);
                if (node.kind === "object" && inner !== schema) seen.add("nested object");
            });
            if (schemaNode(schema).kind === "object") seen.add("object parameter");
        }
    }
    for (const kind of ["string", "enum", "integer", "number", "boolean", "array", "object", "optional", "optional with default",
        "array of string", "array of number", "array of integer", "array of enum", "array of object", "object parameter"])
        assert.ok(seen.has(kind), `covers ${kind}`);
});

t("every generated tool and parameter has a description", () => {
    for (const tool of generatedOnly.tools) {
        assert.ok(tool.definition.description.length > 10, tool.definition.name);
        for (const [name, schema] of Object.entries(tool.definition.parameters.properties))
            assert.ok((schema.description ?? "").length > 3, `${tool.definition.name}.${name}`);
        assert.ok(tool.action.length > 1 && tool.fluentAction);
    }
});

t("renamed variants of one function share family and split", () => {
    const byFamily = new Map<string, PoolTool[]>();
    for (const tool of generatedOnly.tools) byFamily.set(tool.family, [...(byFamily.get(tool.family) ?? []), tool]);
    for (const [family, tools] of byFamily) {
        assert.is(tools.length, 2, family);
        assert.is(new Set(tools.map((tool) => tool.split)).size, 1, family);
    }
    const splits = generatedOnly.tools.map((tool) => tool.split);
    for (const split of ["train", "dev", "test"]) assert.ok(splits.includes(split as never), split);
});

function writeFixtures(dir: string, taken: string): void {
    const glaiveTools = [
        {name: "find_trails", description: "Find hiking trails by difficulty", parameters: {type: "object", properties: {levels: {type: "array", items: {type: "string"}, description: "Difficulty levels"}}, required: ["levels"]}},
        {name: taken, description: "Collides with a generated tool name", parameters: {type: "object", properties: {q: {type: "string"}}, required: ["q"]}}
    ];
    writeFileSync(path.join(dir, "llamafactory_glaive_toolcall_en_demo.json"), JSON.stringify([
        {conversations: [], tools: JSON.stringify(glaiveTools)},
        {conversations: [], tools: JSON.stringify([glaiveTools[0]])},
        {conversations: [], tools: "[{not json"}
    ]));
    const reason = [
        {type: "function", function: {name: "get_club_info", description: "Retrieves club details by ID.", parameters: {type: "dict", properties: {teamid: {type: "str", description: "Team ID.", default: "1001"}, limit: {type: "int, optional", description: "Max rows.", default: "10"}, tags: {type: "List[str]", description: "Tags."}}}, required: ["teamid"]}},
        {type: "function", function: {name: "bad_types", description: "Uses a type nobody knows.", parameters: {type: "dict", properties: {plan: {type: "HMO", description: "Plan."}}}}}
    ];
    writeFileSync(path.join(dir, "llamafactory_reason_tool_use_demo_50.jsonl"), `${JSON.stringify({messages: [], tools: JSON.stringify(reason)})}\n{broken\n`);
    mkdirSync(path.join(dir, "api-bank-lv3"));
    const searcher = JSON.stringify({apiCode: "ToolSearcher", description: "Searches for relevant tools in library based on the keywords.", parameters: {keywords: {type: "str", description: "The keyword to search for."}}});
    const input = `${searcher}\nUser: Book a room.\nAPI-Request: [ToolSearcher(keywords='room')]->{'name': 'BookRoom', 'description': 'API for booking a meeting room.', 'input_parameters': {'room': {'type': 'str', 'description': 'The user's room.'}, 'day': {'type': 'date', 'description': 'The day.'}, 'size': {'type': int, 'description': 'Seats.'}}, 'output_parameters': {'ok': {'type': 'bool', 'description': 'Done.'}}}\nAPI-Request: [ToolSearcher(keywords='x')]->{'name': 'Broken', 'description': 'cut off`;
    writeFileSync(path.join(dir, "api-bank-lv3", "lv3-train.json"), JSON.stringify([{instruction: "", input, output: ""}, {instruction: "", input: searcher, output: ""}]));
    mkdirSync(path.join(dir, "toolalpaca"));
    writeFileSync(path.join(dir, "toolalpaca", "eval_simulated.json"), JSON.stringify([{Name: "Owls", Category: "Animals", Function_Description: {
        searchOwlPhotos: "Find owl photos.\nParameters: {\"color\": \"Required. string. One of: [grey, brown]. The plumage.\", \"page\": \"integer. The page.\", \"tags\": \"Array[string]. Tags.\"}\nOutput: photos.",
        broken: "No parameters line here",
        components: "#Image: Object{url}"
    }}]));
    writeFileSync(path.join(dir, "toolalpaca", "public_apis.json"), JSON.stringify({count: 3, entries: [
        {API: "Shelf Finder", Description: "Second-hand book listings", Category: "Books"},
        {API: "Shelf Finder", Description: "Duplicate entry", Category: "Books"},
        {API: "", Description: "No name", Category: "Books"}
    ]}));
}

t("reads every source format, skipping and counting what cannot be used", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-synth-"));
    try {
        const taken = generatedOnly.tools.find((tool) => /^[a-z]+(_[a-z]+)+$/.test(tool.definition.name))?.definition.name as string;
        writeFixtures(dir, taken);
        const pool = toolPool({sourcesDir: dir, seed: 1});
        const report = Object.fromEntries(pool.sources.map((source) => [source.source, source]));
        assert.equal([report.glaive?.candidates, report.glaive?.kept, report.glaive?.duplicates, report.glaive?.skipped], [3, 2, 1, 1]);
        assert.equal([report.reason?.kept, report.reason?.skipped], [1, 2]);
        assert.ok(Object.keys(report.reason?.skipReasons ?? {}).some((reason) => /unknown type/.test(reason)));
        assert.equal([report["api-bank"]?.candidates, report["api-bank"]?.kept, report["api-bank"]?.duplicates, report["api-bank"]?.skipped], [3, 2, 1, 1]);
        assert.equal([report.toolalpaca?.kept, report.toolalpaca?.skipped], [1, 1]);
        assert.equal([report["toolalpaca-catalog"]?.kept, report["toolalpaca-catalog"]?.duplicates, report["toolalpaca-catalog"]?.skipped], [1, 1, 1]);

        const byName = new Map(pool.tools.map((tool) => [tool.definition.name, tool]));
        const team = byName.get("get_club_info")?.definition.parameters;
        assert.equal(team?.required, ["teamid"]);
        assert.equal(team?.properties.limit, {type: "integer", description: "Max rows.", default: 10});
        assert.is(schemaNode(team?.properties.tags as JsonSchema).kind, "array");
        const room = byName.get("BookRoom");
        assert.equal(room?.definition.parameters.required, ["room", "day", "size"]);
        assert.match(room?.definition.parameters.properties.day?.description ?? "", /%Y-%m-%d/);
        assert.is(room?.action, "book a meeting room");
        const owls = byName.get("searchOwlPhotos")?.definition.parameters;
        assert.equal(owls?.required, ["color"]);
        assert.equal((owls?.properties.color as {enum?: unknown}).enum, ["grey", "brown"]);
        assert.ok(byName.has("shelf_finder_search"));
        assert.is(byName.get(taken)?.source, "glaive", "the source tool keeps its name");
        assert.ok(pool.generatedRenamed >= 1);
        assert.is(new Set(pool.tools.map((tool) => tool.definition.name)).size, pool.tools.length, "names stay unique");
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

const shared = sharedPath(path.join("data", "train"), "toolPool (real training sources)");
withShared(t, shared, "the shared training sources")("the real training sources give tools of every source", () => {
    const pool = toolPool({sourcesDir: shared!, seed: 0});
    assert.ok(pool.sources.length >= 3, `${pool.sources.length} sources read`);
    for (const report of pool.sources) assert.ok(report.kept > 0, `${report.source}: ${JSON.stringify(report)}`);
    assert.ok(pool.tools.length >= 1000, `${pool.tools.length} tools`);
});

t.run();
