/**
 * Seeded request lines for the agent soak benchmark (bench/reliability.ts): valid requests
 * (varied tools, tool_choice modes, refinement, sampling, conversation history) mixed with bad
 * input of many kinds, each with the reply it must get. Lines that start `{"id": ...,` are
 * answered with that id even when they are not valid JSON or UTF-8; the others (`id: null`)
 * are answered anonymously.
 */

type Random = () => number;

export interface SoakRequest {
    line: Buffer;
    /** The id the reply must carry (null: an anonymous reply). */
    id: string | null;
    /** What was tried: "valid" or the kind of bad input. */
    kind: string;
    /** Error codes the reply may have; "ok" stands for a result (or, for a valid request, a result or `output_truncated`). */
    expect: string[];
}

const words = ["weather", "city", "time", "zone", "flight", "hotel", "price", "stock", "search", "convert", "unit", "book", "cancel", "order", "user", "note", "email", "file"];
const cities = ["Paris", "Oslo", "Lima", "Kyoto", "Accra", "Quito"];

function pick<T>(random: Random, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)] as T;
}

function int(random: Random, from: number, to: number): number {
    return from + Math.floor(random() * (to - from + 1));
}

/** A small valid parameter schema of one of the supported kinds. */
function propertySchema(random: Random): Record<string, unknown> {
    switch (int(random, 0, 6)) {
        case 0: return {type: "string", description: "a name"};
        case 1: return {type: "integer", minimum: int(random, -5, 5), maximum: int(random, 6, 500)};
        case 2: return {type: "boolean"};
        case 3: return {type: "string", enum: cities.slice(0, int(random, 1, cities.length))};
        case 4: return {type: "number"};
        case 5: return {type: "array", items: {type: "integer", minimum: 0, maximum: 9}, maxItems: 2};
        default: return {anyOf: [{type: "integer", minimum: 0, maximum: 99}, {type: "null"}]};
    }
}

function validTools(random: Random): Record<string, unknown>[] {
    const count = int(random, 1, 3);
    const names = new Set<string>();
    while (names.size < count) names.add(`${pick(random, words)}_${pick(random, words)}`);
    return [...names].map((name) => {
        const properties: Record<string, unknown> = {};
        for (let i = int(random, 0, 4); i > 0; i--) properties[pick(random, words)] = propertySchema(random);
        const required = Object.keys(properties).filter(() => random() < 0.5);
        return {type: "function", function: {name, description: `${name.replace("_", " ")} tool`, parameters: {type: "object", properties, required}}};
    });
}

function validRequest(random: Random, id: string): Record<string, unknown> {
    const tools = validTools(random);
    const first = (tools[0] as {function: {name: string}}).function.name;
    const messages: Record<string, unknown>[] = [];
    if (random() < 0.3) messages.push({role: "system", content: "You call tools when they help."});
    if (random() < 0.2) {
        messages.push({role: "user", content: `use ${first}`});
        messages.push({role: "assistant", content: null, tool_calls: [{id: "call_1", type: "function", function: {name: first, arguments: "{}"}}]});
        messages.push({role: "tool", tool_call_id: "call_1", name: first, content: "{\"ok\":true}"});
    }
    messages.push({role: "user", content: `please ${first.replace("_", " ")} for ${pick(random, cities)}`});
    const request: Record<string, unknown> = {id, messages, tools, max_tokens: 160};
    const choice = int(random, 0, 4);
    if (choice === 1) request.tool_choice = "required";
    else if (choice === 2) request.tool_choice = "none";
    else if (choice === 3) request.tool_choice = {type: "function", function: {name: pick(random, tools.map((tool) => (tool as {function: {name: string}}).function.name))}};
    else if (choice === 4) request.tool_choice = "auto";
    const refine = int(random, 0, 3);
    if (refine === 0) request.refine = "off";
    else if (refine === 1) request.refine = 1;
    else {
        request.refine = "adaptive";
        request.max_rounds = 2;
    }
    if (random() < 0.4) {
        request.temperature = 0.8;
        request.seed = int(random, 0, 1_000_000);
    }
    if (random() < 0.6) request.parallel_tool_calls = false;
    return request;
}

/** `{"id": ...` first, so that a request's id can be read even from a broken line. */
function line(request: Record<string, unknown>): string {
    return JSON.stringify(request);
}

function deeplyNested(depth: number): unknown {
    let value: unknown = 0;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
}

function exponentialRefs(levels: number): Record<string, unknown> {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < levels; i++)
        defs[`d${i}`] = i === levels - 1 ? {type: "string"} : {type: "object", properties: {x: {$ref: `#/$defs/d${i + 1}`}, y: {$ref: `#/$defs/d${i + 1}`}}};
    return {type: "object", properties: {a: {$ref: "#/$defs/d0"}}, $defs: defs};
}

function toolWith(parameters: unknown): Record<string, unknown>[] {
    return [{type: "function", function: {name: "f", parameters}}];
}

const user = [{role: "user", content: "hello"}];

/** Bad requests whose reply carries their id: [kind, request without id, expected code]. */
const badWithId: [string, (random: Random) => Record<string, unknown>, string][] = [
    ["missing messages", () => ({tools: []}), "bad_request"],
    ["messages not an array", () => ({messages: "hello"}), "bad_request"],
    ["empty messages", () => ({messages: []}), "bad_request"],
    ["message content mistyped", () => ({messages: [{role: "user", content: 5}]}), "bad_request"],
    ["unknown role", () => ({messages: [{role: "robot", content: "x"}]}), "bad_request"],
    ["last message from the assistant", () => ({messages: [{role: "user", content: "x"}, {role: "assistant", content: "y"}]}), "bad_request"],
    ["tools mistyped", () => ({messages: user, tools: "weather"}), "tool_schema"],
    ["tool_choice mistyped", () => ({messages: user, tool_choice: 5}), "bad_request"],
    ["unknown tool_choice mode", () => ({messages: user, tool_choice: "always"}), "bad_request"],
    ["unknown tool_choice name", (random) => ({messages: user, tools: validTools(random), tool_choice: {type: "function", function: {name: "no_such_tool"}}}), "bad_request"],
    ["tool_choice required without tools", () => ({messages: user, tool_choice: "required"}), "bad_request"],
    ["refine mistyped", () => ({messages: user, refine: "sometimes"}), "bad_request"],
    ["temperature mistyped", () => ({messages: user, temperature: "hot"}), "bad_request"],
    ["parallel_tool_calls mistyped", () => ({messages: user, parallel_tool_calls: "yes"}), "bad_request"],
    ["tool call arguments not an object", () => ({messages: [{role: "user", content: "x"}, {role: "assistant", tool_calls: [{function: {name: "f", arguments: "[1]"}}]}, {role: "tool", content: "ok"}]}), "bad_request"],
    ["huge number: seed 1e300", () => ({messages: user, seed: 1e300}), "bad_request"],
    ["huge number: max_rounds 1e9", () => ({messages: user, refine: "adaptive", max_rounds: 1e9}), "bad_request"],
    ["huge number: refine 1e9", () => ({messages: user, refine: 1e9}), "bad_request"],
    ["huge number: max_tokens 1e9", () => ({messages: user, max_tokens: 1e9}), "bad_request"],
    ["huge number: temperature 1e308", () => ({messages: user, temperature: 1e308}), "bad_request"],
    ["deeply nested value", () => ({messages: user, extra: deeplyNested(1000)}), "bad_request"],
    ["unsatisfiable schema", () => ({messages: user, tools: toolWith({type: "object", properties: {a: {type: "string", minLength: 3, maxLength: 2}}})}), "tool_schema"],
    ["cyclic $ref", () => ({messages: user, tools: toolWith({type: "object", properties: {a: {$ref: "#/$defs/n"}}, $defs: {n: {type: "object", properties: {next: {$ref: "#/$defs/n"}}}}})}), "tool_schema"],
    ["dangling $ref", () => ({messages: user, tools: toolWith({type: "object", properties: {a: {$ref: "#/$defs/none"}}})}), "tool_schema"],
    ["exponential $refs", () => ({messages: user, tools: toolWith(exponentialRefs(28))}), "tool_schema"],
    ["schema nested too deep", () => ({messages: user, tools: toolWith({type: "object", properties: {a: deeplyNestedSchema(80)}})}), "tool_schema"],
    ["huge number: minimum 1e300", () => ({messages: user, tools: toolWith({type: "object", properties: {a: {type: "integer", minimum: 1e300}}})}), "tool_schema"],
    ["huge enum", () => ({messages: user, tools: toolWith({type: "object", properties: {a: {enum: Array.from({length: 200_000}, (_, i) => i)}}})}), "tool_schema"],
    ["duplicate tool names", () => ({messages: user, tools: [...toolWith({}), ...toolWith({})]}), "tool_schema"],
    ["invalid tool name", () => ({messages: user, tools: [{type: "function", function: {name: "bad name!", parameters: {}}}]}), "tool_schema"],
    ["parameters not an object schema", () => ({messages: user, tools: toolWith({type: "string"})}), "tool_schema"],
    ["huge string: 1 MB user message", () => ({messages: [{role: "user", content: "word ".repeat(210_000)}]}), "context_overflow"],
    ["tools larger than the context", () => ({messages: user, tools: Array.from({length: 80}, (_, i) => ({type: "function", function: {name: `tool_${i}`, description: "describes the tool at length ".repeat(12), parameters: {type: "object", properties: {}}}}))}), "context_overflow"]
];

function deeplyNestedSchema(depth: number): Record<string, unknown> {
    let schema: Record<string, unknown> = {type: "string"};
    for (let i = 0; i < depth; i++) schema = {type: "object", properties: {a: schema}};
    return schema;
}

/** Bad lines that get an anonymous reply: [kind, line, expected code]. */
const anonymous: [string, () => Buffer, string][] = [
    ["malformed JSON", () => Buffer.from("{not json"), "bad_json"],
    ["malformed JSON", () => Buffer.from("{\"messages\": [}"), "bad_json"],
    ["not an object", () => Buffer.from("[1,2,3]"), "bad_request"],
    ["not an object", () => Buffer.from("\"just a string\""), "bad_request"],
    ["not an object", () => Buffer.from("null"), "bad_request"],
    ["id mistyped", () => Buffer.from(JSON.stringify({id: {nested: true}, messages: user})), "bad_request"],
    ["huge number: id 1e400", () => Buffer.from("{\"id\":1e400,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), "bad_request"],
    ["invalid UTF-8", () => Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28]), "bad_utf8"],
    ["line longer than 8 MiB", () => Buffer.from(`{"messages":[{"role":"user","content":"${"x".repeat(9 * 1024 * 1024)}"}]}`), "line_too_long"]
];

/** The request with index `index` (ids are `r<index>`). About 55% are valid. */
export function soakRequest(random: Random, index: number): SoakRequest {
    const id = `r${index}`;
    const roll = random();
    if (roll < 0.55) return {line: Buffer.from(line(validRequest(random, id))), id, kind: "valid", expect: ["ok", "output_truncated"]};
    if (roll < 0.62) {
        // a valid request cut short: not JSON, but its id can still be read
        const text = line(validRequest(random, id));
        const idEnd = text.indexOf(",") + 1;
        return {line: Buffer.from(text.slice(0, int(random, idEnd, text.length - 1))), id, kind: "truncated JSON", expect: ["bad_json"]};
    }
    if (roll < 0.66) {
        const text = line({id, messages: [{role: "user", content: "caf\u0000"}]});
        const at = text.indexOf("\\u0000");
        const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([pick(random, [0xc3, 0xff, 0xed, 0xf8])]), Buffer.from(text.slice(at + 6))]);
        return {line: bytes, id, kind: "invalid UTF-8", expect: ["bad_utf8"]};
    }
    if (roll < 0.71) {
        const [kind, make, code] = pick(random, anonymous);
        // Lines beyond 8 MiB are slow to build and send: a few are enough.
        if (kind === "line longer than 8 MiB" && random() < 0.8) return soakRequest(random, index);
        return {line: make(), id: null, kind, expect: [code]};
    }
    const [kind, make, code] = pick(random, badWithId);
    return {line: Buffer.from(line({id, ...make(random)})), id, kind, expect: [code]};
}
