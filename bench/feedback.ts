/**
 * Does putting the schema check's findings into the refinement turn (validator feedback) beat
 * plain self-refinement on calls that break what the grammar cannot enforce?
 *   npm run bench -- feedback [--json] [--model PATH|CATALOG_NAME] [--max-rounds N]
 *
 * Requests over tools whose schemas carry keywords no grammar enforces (uniqueItems, multipleOf on
 * decimals, dependentRequired, if/then, not, top-level anyOf of required sets, lookahead
 * patterns, contains), written for this benchmark (not BFCL or API-Bank), each answered
 * greedily three ways on the same model: one round (refine off), adaptive self-refinement, and
 * adaptive self-refinement with validator feedback. Reported per arm: requests whose final calls
 * satisfy the original schema (no violations), rounds, and generated tokens. Models: the default
 * model and, with no --model, SmolLM2-135M-Instruct when it is already pulled. Also counted: the
 * BFCL function docs (every category of ../shared, when present) with a relaxed keyword, the only
 * ones where feedback could fire there.
 */
import {existsSync} from "node:fs";
import {ToolCallEngine} from "../src/engine/ToolCallEngine.js";
import {DEFAULT_MODEL_PATH} from "../src/engine/resolveModelPath.js";
import path from "node:path";
import {modelCacheDir} from "../src/catalog/modelCacheDir.js";
import {findCatalogModel} from "../src/catalog/modelCatalog.js";
import {listBfclCategories, loadBfclCategory} from "../src/eval/bfclData.js";
import {bfclEngineTools} from "../src/eval/bfclFcTools.js";
import {normalizeTools} from "../src/tools/normalizeTools.js";
import {sharedRoot} from "../test/helpers/sharedData.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {formatTable} from "./support/formatTable.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const maxRounds = args.number("max-rounds", 3, 1);
const log = (line: string): void => {
    process.stderr.write(`bench feedback: ${line}\n`);
};

const fn = (name: string, description: string, parameters: Record<string, unknown>): unknown => ({type: "function", function: {name, description, parameters}});
const items: {query: string, tool: unknown}[] = [];
const add = (tool: unknown, queries: string[]): void => {
    for (const query of queries) items.push({query, tool});
};
add(fn("tag_photo", "Tag a photo; each tag once", {type: "object", properties: {photo: {type: "string"}, tags: {type: "array", items: {type: "string"}, uniqueItems: true, minItems: 1}}, required: ["photo", "tags"]}),
    ["Tag beach.jpg with sun, sea and sun", "Add the tags cat, cat, cute to kitten.png", "Label IMG_2.jpg as red red blue"]);
add(fn("set_volume", "Set the volume in steps of 0.25", {type: "object", properties: {level: {type: "number", minimum: 0, maximum: 1, multipleOf: 0.25}}, required: ["level"]}),
    ["Set the volume to 0.3", "Turn the volume to 0.8", "Volume at 0.1 please"]);
add(fn("book_room", "Book a room; a start date needs an end date", {type: "object", properties: {room: {type: "string"}, start: {type: "string"}, end: {type: "string"}}, required: ["room"], dependentRequired: {start: ["end"]}}),
    ["Book room 12 from Monday", "Reserve the blue room starting 2025-03-01", "Book room A from tomorrow"]);
add(fn("find_user", "Find a user by id or by email", {type: "object", properties: {id: {type: "integer"}, email: {type: "string"}, active: {type: "boolean"}}, anyOf: [{required: ["id"]}, {required: ["email"]}]}),
    ["Find the active users", "Look up user 42", "Find the user with email ana@example.com"]);
add(fn("send_item", "Send an item; parcels need a weight", {type: "object", properties: {kind: {enum: ["letter", "parcel"]}, to: {type: "string"}, weight_kg: {type: "number"}}, required: ["kind", "to"], if: {properties: {kind: {const: "parcel"}}}, then: {required: ["weight_kg"]}}),
    ["Send a parcel to Oslo", "Ship a parcel to Lima weighing 2 kg", "Send a letter to Rome"]);
add(fn("rename_file", "Rename a file; the new name must differ from the old", {type: "object", properties: {from: {type: "string"}, to: {type: "string", not: {const: "notes.txt"}}}, required: ["from", "to"]}),
    ["Rename notes.txt to notes.txt", "Rename a.txt to notes.txt", "Rename draft.md to final.md"]);
add(fn("set_password", "Set a password with at least one digit", {type: "object", properties: {user: {type: "string"}, password: {type: "string", pattern: "^(?=.*[0-9]).{8,}$"}}, required: ["user", "password"]}),
    ["Set the password of bob to sunshine", "Change ana's password to letmein", "Set password for joe to hunter22"]);
add(fn("plan_menu", "Plan a menu; it must include at least one vegetarian dish", {type: "object", properties: {dishes: {type: "array", minItems: 1,
    items: {type: "object", properties: {name: {type: "string"}, vegetarian: {type: "boolean"}}, required: ["name", "vegetarian"]}, contains: {properties: {vegetarian: {const: true}}}}}, required: ["dishes"]}),
    ["Plan a menu with steak and fish", "Menu: salad and soup", "Plan dinner: ribs and chicken"]);

type Arm = "off" | "adaptive" | "adaptive+validator";
const arms: {name: Arm, refine: string, feedback: boolean}[] = [
    {name: "off", refine: "off", feedback: false}, {name: "adaptive", refine: "adaptive", feedback: false}, {name: "adaptive+validator", refine: "adaptive", feedback: true}
];
const models: {name: string, path: string}[] = [];
const given = args.string("model");
if (given !== undefined) models.push({name: given, path: given});
else {
    models.push({name: "default", path: DEFAULT_MODEL_PATH});
    const smol = findCatalogModel("smollm2-135m-instruct")!;
    const cached = path.join(modelCacheDir(), smol.fileName);
    if (existsSync(cached)) models.push({name: smol.name, path: cached});
    else log(`${smol.name} is not pulled (toolace-r model pull ${smol.name}): the default model only`);
}

const started = performance.now();
const results: Record<string, Record<Arm, {requests: number, clean: number, cleanPercent: number, rounds: number, outputTokens: number, errors: number}>> = {};
for (const model of models) {
    const engine = await ToolCallEngine.load({model: model.path, gpu: false});
    results[model.name] = {} as never;
    try {
        for (const arm of arms) {
            let clean = 0;
            let rounds = 0;
            let outputTokens = 0;
            let errors = 0;
            for (const item of items) {
                try {
                    const result = await engine.call({
                        messages: [{role: "user", content: item.query}], tools: [item.tool], tool_choice: "required",
                        refine: arm.refine, max_rounds: maxRounds, ...(arm.feedback ? {refine_feedback: "validator"} : {})
                    });
                    if (result.violations === undefined && result.tool_calls.length > 0) clean++;
                    rounds += result.rounds.length;
                    outputTokens += result.usage.completionTokens;
                } catch (error) {
                    errors++;
                    log(`${model.name} ${arm.name} "${item.query}": ${(error as Error).message}`);
                }
            }
            results[model.name]![arm.name] = {requests: items.length, clean, cleanPercent: roundTo(100 * clean / items.length, 1), rounds, outputTokens, errors};
            log(`${model.name} ${arm.name}: ${clean}/${items.length} calls satisfy their schema`);
        }
    } finally {
        await engine.dispose();
    }
}

/** BFCL tools whose schema has a keyword the grammar relaxes (validator feedback can only fire on those). */
function bfclRelaxedTools(): {tools: number, relaxed: number, refusedEntries: number} | undefined {
    const dataDir = path.join(sharedRoot(), "data", "bfcl");
    if (!existsSync(dataDir)) return undefined;
    let tools = 0;
    let relaxed = 0;
    let refusedEntries = 0;
    for (const category of listBfclCategories(dataDir))
        for (const entry of loadBfclCategory(dataDir, category)) {
            let normalized: ReturnType<typeof normalizeTools>;
            try {
                normalized = normalizeTools(bfclEngineTools(entry.functions));
            } catch {
                refusedEntries++;
                continue;
            }
            for (const tool of normalized) {
                tools++;
                if (tool.relaxed !== undefined) relaxed++;
            }
        }
    return {tools, relaxed, refusedEntries};
}
const bfcl = bfclRelaxedTools();

const table = formatTable(["model", "arm", "requests", "schema-valid calls", "rounds", "output tokens", "errors"],
    Object.entries(results).flatMap(([model, byArm]) => arms.map((arm) => {
        const figures = byArm[arm.name];
        return [model, arm.name, figures.requests, `${figures.clean} (${figures.cleanPercent}%)`, figures.rounds, figures.outputTokens, figures.errors];
    })));
const result = {benchmark: "feedback", items: items.length, maxRounds, seconds: roundTo((performance.now() - started) / 1000, 1), results, bfclToolsWithRelaxedKeywords: bfcl ?? null};
const bfclLine = bfcl === undefined ? "BFCL data not found: its tools were not counted" : `BFCL: ${bfcl.relaxed} of ${bfcl.tools} function docs (all categories; ${bfcl.refusedEntries} entries whose tools are refused left out) have a relaxed keyword: feedback fires there only on those`;
printBenchResult(`Validator feedback vs plain self-refinement (${items.length} requests over tools with keywords no grammar enforces; greedy)\n${table}\n${bfclLine}`, result, json);
