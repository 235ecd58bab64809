import type {AddressInfo} from "node:net";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {type ChatBackend, type ChatServerOptions, createChatServer} from "../../src/serve/createChatServer.js";

export type TestServer = {baseURL: string, url: string, app: ReturnType<typeof createChatServer>, close: () => Promise<void>};

/** Starts a chat server over `backend` on a free loopback port; `baseURL` ends in `/v1`. */
export async function startChatServer(backend: ChatBackend, options: Partial<ChatServerOptions> = {}): Promise<TestServer> {
    const app = createChatServer({backend, modelId: "default", ...options});
    await app.listen({host: "127.0.0.1", port: 0});
    const {port} = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    return {baseURL: `${url}/v1`, url, app, close: () => app.close()};
}

/** The default model loaded with `sequences` slots, served on a free loopback port (the engine is disposed by `close`). */
export async function startDefaultModelServer(options: Partial<ChatServerOptions> & {sequences?: number} = {}): Promise<TestServer & {engine: ToolCallEngine}> {
    const engine = await ToolCallEngine.load({sequences: options.sequences ?? 2, gpu: false});
    const server = await startChatServer(engine, options);
    return {...server, engine, close: async () => {
        await server.close();
        await engine.dispose();
    }};
}

/** OpenAI-shaped weather and time tools used by the server tests. */
export const weatherTools = [
    {type: "function" as const, function: {name: "get_weather", description: "Current weather for a city", parameters: {type: "object", properties: {city: {type: "string"}, unit: {type: "string", enum: ["celsius", "fahrenheit"]}}, required: ["city"]}}},
    {type: "function" as const, function: {name: "get_time", description: "Local time in a city", parameters: {type: "object", properties: {city: {type: "string"}}, required: ["city"]}}}
];
