import type {ChatMessage, ToolCall} from "../protocol/ChatMessage.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";

/** Names, ids and arguments of the calls a template is probed with (distinct from anything a template writes itself). */
export const PROBE_CALLS = [
    {id: "a1b2c3d4e", name: "probe_alpha", arguments: {q: "value alpha"}},
    {id: "f5g6h7i8j", name: "probe_beta", arguments: {q: "value beta"}},
    {id: "k9l0m1n2o", name: "probe_gamma", arguments: {q: "value gamma"}}
] as const;

export const PROBE_USER = "probe request";
export const PROBE_TEXT = "probe answer text";

export const PROBE_TOOLS: ToolDefinition[] = PROBE_CALLS.map((call) => ({
    name: call.name,
    description: `Probe function ${call.name}.`,
    parameters: {type: "object", properties: {q: {type: "string"}}, required: ["q"], additionalProperties: false}
}));

/** The probe conversation: a user request, then an assistant turn with the first `count` probe calls (or the probe text). */
export function probeMessages(count: number): ChatMessage[] {
    const user: ChatMessage = {role: "user", content: PROBE_USER};
    if (count === 0) return [user, {role: "assistant", content: PROBE_TEXT}];
    const calls: ToolCall[] = PROBE_CALLS.slice(0, count).map((call) => ({id: call.id, type: "function", function: {name: call.name, arguments: JSON.stringify(call.arguments)}}));
    return [user, {role: "assistant", content: null, tool_calls: calls}];
}
