import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import path from "node:path";
import {createInterface} from "node:readline";
import type {SynthItem} from "../synth/SynthItem.js";
import {TokenizerError} from "./TokenizerError.js";

/**
 * Reads synthetic items (one JSON object per line): `corpus` is a `toolace-r synth` output folder
 * (its `train.jsonl` is read) or a `.jsonl` file; at most `limit` items. Throws
 * `TokenizerError` `tokenizer_corpus` when there is no such file or a line is not JSON.
 */
export async function* readSynthItems(corpus: string, limit = Infinity): AsyncGenerator<SynthItem> {
    const isDir = await stat(corpus).then((info) => info.isDirectory(), () => false);
    const file = isDir ? path.join(corpus, "train.jsonl") : corpus;
    const exists = await stat(file).then((info) => info.isFile(), () => false);
    if (!exists) throw new TokenizerError("tokenizer_corpus", `no corpus at ${file} (give a synth output folder or a .jsonl file)`, {corpus: file});
    const lines = createInterface({input: createReadStream(file, "utf8"), crlfDelay: Infinity});
    let count = 0;
    let lineNumber = 0;
    try {
        for await (const line of lines) {
            lineNumber++;
            if (line.trim() === "") continue;
            if (count++ >= limit) break;
            let item: SynthItem;
            try {
                item = JSON.parse(line) as SynthItem;
            } catch (error) {
                throw new TokenizerError("tokenizer_corpus", `${file}:${lineNumber} is not JSON: ${(error as Error).message}`, {corpus: file, line: lineNumber});
            }
            yield item;
        }
    } finally {
        lines.close();
    }
}
