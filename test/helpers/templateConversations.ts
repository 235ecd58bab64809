import type {ChatMessage} from "../../src/protocol/ChatMessage.js";
import type {ToolDefinition} from "../../src/tools/ToolDefinition.js";

/** Tools and conversations of the project's own making, for checking chat-template renderings. */
export const templateTools: ToolDefinition[] = [
    {
        name: "get_weather",
        description: "Current weather for a city.",
        parameters: {type: "object", properties: {city: {type: "string", description: "City name"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}}, required: ["city"], additionalProperties: false}
    },
    {
        name: "convert_currency",
        description: "Converts an amount between currencies.",
        parameters: {type: "object", properties: {amount: {type: "number"}, from: {type: "string"}, to: {type: "string"}}, required: ["amount", "from", "to"], additionalProperties: false}
    }
];

const weatherCall = {id: "a1b2c3d4e", type: "function" as const, function: {name: "get_weather", arguments: "{\"city\": \"Paris\", \"unit\": \"celsius\"}"}};
const currencyCall = {id: "f5g6h7i8j", type: "function" as const, function: {name: "convert_currency", arguments: "{\"amount\": 20, \"from\": \"EUR\", \"to\": \"USD\"}"}};

export type TemplateConversation = {name: string, messages: ChatMessage[], tools: ToolDefinition[]};

export const templateConversations: TemplateConversation[] = [
    {name: "user only", tools: [], messages: [{role: "user", content: "Hello, who are you?"}]},
    {name: "system, user, tools", tools: templateTools, messages: [
        {role: "system", content: "You answer briefly."},
        {role: "user", content: "What is the weather in Paris in celsius?"}
    ]},
    {name: "user, tools", tools: templateTools, messages: [{role: "user", content: "Convert 20 EUR to USD."}]},
    {name: "tool call and result", tools: templateTools, messages: [
        {role: "user", content: "What is the weather in Paris in celsius?"},
        {role: "assistant", content: null, tool_calls: [weatherCall]},
        {role: "tool", tool_call_id: weatherCall.id, name: "get_weather", content: "{\"temperature\": 18}"}
    ]},
    {name: "parallel calls and results", tools: templateTools, messages: [
        {role: "system", content: "You answer briefly."},
        {role: "user", content: "Weather in Paris, and 20 EUR in USD?"},
        {role: "assistant", content: null, tool_calls: [weatherCall, currencyCall]},
        {role: "tool", tool_call_id: weatherCall.id, name: "get_weather", content: "{\"temperature\": 18}"},
        {role: "tool", tool_call_id: currencyCall.id, name: "convert_currency", content: "{\"amount\": 21.7}"}
    ]},
    {name: "text answer, then user", tools: templateTools, messages: [
        {role: "user", content: "Hi!"},
        {role: "assistant", content: "Hello! How can I help?"},
        {role: "user", content: "Weather in Paris?"}
    ]}
];
