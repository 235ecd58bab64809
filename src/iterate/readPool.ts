import {readFile} from "node:fs/promises";
import type {SynthItem} from "../synth/SynthItem.js";
import {synthKinds} from "../synth/SynthKind.js";
import {TrainError} from "../train/TrainError.js";

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What is wrong with a synthetic item, as [problem, field], or undefined when it has the shape `toolace-r synth` writes. */
function itemProblem(value: unknown): [string, string] | undefined {
    if (!isRecord(value)) return ["an item must be a JSON object", "$"];
    if (typeof value.id !== "string" || value.id === "") return ["id must be a non-empty string", "id"];
    if (typeof value.kind !== "string" || !(synthKinds as readonly string[]).includes(value.kind)) {
        return [`kind must be one of ${synthKinds.join(", ")}, got ${JSON.stringify(value.kind)}`, "kind"];
    }
    if (!Array.isArray(value.tools)) return ["tools must be an array of OpenAI function tools", "tools"];
    for (const [index, tool] of value.tools.entries()) {
        if (!isRecord(tool) || !isRecord(tool.function) || typeof tool.function.name !== "string") {
            return ["each tool must be {type: \"function\", function: {name, description, parameters}}", `tools[${index}]`];
        }
    }
    if (!Array.isArray(value.messages) || value.messages.length === 0) return ["messages must be a non-empty array", "messages"];
    const answer = value.answer;
    if (!isRecord(answer) || !(Array.isArray(answer.calls) || typeof answer.text === "string")) {
        return ["answer must be {calls: [{name, arguments}]} or {text}", "answer"];
    }
    if (Array.isArray(answer.calls)) {
        for (const [index, call] of answer.calls.entries()) {
            if (!isRecord(call) || typeof call.name !== "string" || !isRecord(call.arguments)) return ["each expected call must be {name, arguments: {...}}", `answer.calls[${index}]`];
        }
    }
    if (!Array.isArray(value.ground_truth)) return ["ground_truth must be an array (BFCL possible answers)", "ground_truth"];
    return undefined;
}

/**
 * Reads a JSON Lines file of synthetic items (`toolace-r synth`'s train/dev/test files), at most
 * `limit` of them. Every line is checked for the item shape before anything is returned; the first
 * bad line, and a repeated id, throw TrainError `train_pool_invalid` whose message starts with
 * `FILE:LINE:` and whose context holds `file`, `line` and `field`.
 */
export async function readPool(file: string, limit = Infinity): Promise<SynthItem[]> {
    let text: string;
    try {
        text = await readFile(file, "utf8");
    } catch (error) {
        throw new TrainError("train_io", `cannot read the item file ${file}: ${(error as Error).message}`, {file}, {cause: error});
    }
    const items: SynthItem[] = [];
    const lines = new Map<string, number>();
    for (const [index, row] of text.split("\n").entries()) {
        if (items.length >= limit) break;
        if (row.trim() === "") continue;
        const line = index + 1;
        const fail = (message: string, field: string, cause?: unknown): never => {
            throw new TrainError("train_pool_invalid", `${file}:${line}: ${message}`, {file, line, field}, cause === undefined ? undefined : {cause});
        };
        let value: unknown;
        try {
            value = JSON.parse(row);
        } catch (error) {
            fail(`not valid JSON (${(error as Error).message})`, "$", error);
        }
        const problem = itemProblem(value);
        if (problem !== undefined) fail(problem[0], problem[1]);
        const item = value as SynthItem;
        const earlier = lines.get(item.id);
        if (earlier !== undefined) fail(`the id ${JSON.stringify(item.id)} is already used on line ${earlier}`, "id");
        lines.set(item.id, line);
        items.push(item);
    }
    if (items.length === 0) throw new TrainError("train_pool_invalid", `${file}: the file holds no item`, {file});
    return items;
}
