/**
 * A deterministic tool-calling corpus for the training benchmark: conversations over the tools of
 * examples/weather-tools.json (weather and time calls, some with a tool result and a text answer).
 */
import {readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const cities = [
    ["Oslo", "Europe/Oslo"], ["Paris", "Europe/Paris"], ["Lima", "America/Lima"], ["Tokyo", "Asia/Tokyo"], ["Nairobi", "Africa/Nairobi"],
    ["Sydney", "Australia/Sydney"], ["Toronto", "America/Toronto"], ["Cairo", "Africa/Cairo"], ["Delhi", "Asia/Kolkata"], ["Quito", "America/Guayaquil"]
] as const;
const skies = ["sunny", "cloudy", "rainy", "windy", "foggy"];

function call(name: string, args: Record<string, unknown>, id: string): Record<string, unknown> {
    return {role: "assistant", content: null, tool_calls: [{id, type: "function", function: {name, arguments: JSON.stringify(args)}}]};
}

/** `count` `{messages, tools}` conversations, the same every time. */
export function benchConversations(count: number): Record<string, unknown>[] {
    const tools = JSON.parse(readFileSync(path.join(repoRoot, "examples", "weather-tools.json"), "utf8")) as unknown[];
    return Array.from({length: count}, (_, i) => {
        const [city, zone] = cities[i % cities.length]!;
        const unit = i % 2 === 0 ? "celsius" : "fahrenheit";
        const days = 1 + (i % 7);
        switch (i % 3) {
            case 0:
                return {tools, messages: [
                    {role: "user", content: `What will the weather be like in ${city} over the next ${days} days? Please give temperatures in ${unit}.`},
                    call("get_weather", {city, unit, days}, `call_${i}`)
                ]};
            case 1:
                return {tools, messages: [
                    {role: "system", content: "You are a concise travel assistant. Use the tools when they help."},
                    {role: "user", content: `I have a call with a colleague in ${city} soon. What time is it there right now?`},
                    call("get_time", {timezone: zone}, `call_${i}`)
                ]};
            default: {
                const degrees = 5 + ((i * 7) % 25);
                const sky = skies[i % skies.length]!;
                return {tools, messages: [
                    {role: "user", content: `Should I take an umbrella in ${city} today?`},
                    call("get_weather", {city, unit: "celsius"}, `call_${i}`),
                    {role: "tool", content: JSON.stringify({city, temperature: degrees, unit: "celsius", sky})},
                    {role: "assistant", content: sky === "rainy"
                        ? `Yes: it is rainy in ${city} at ${degrees} °C, so an umbrella is a good idea.`
                        : `No need: it is ${sky} in ${city} at ${degrees} °C, so you can leave the umbrella at home.`}
                ]};
            }
        }
    });
}
