import {mkdtemp, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readPool} from "../../src/iterate/readPool.js";
import {TrainError} from "../../src/train/TrainError.js";
import {synthFixtures} from "./synthFixtures.js";

const t = suite("readPool");
const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-pool-"));
t.after(async () => { await rm(dir, {recursive: true, force: true}); });
const items = synthFixtures().slice(0, 5);

async function poolError(lines: string[]): Promise<TrainError> {
    const file = path.join(dir, "pool.jsonl");
    await writeFile(file, lines.join("\n"));
    try {
        await readPool(file);
    } catch (error) {
        assert.instance(error, TrainError);
        return error as TrainError;
    }
    assert.unreachable("accepted");
    throw new Error("unreachable");
}

t("reads synth items, blank lines allowed, up to a limit", async () => {
    const file = path.join(dir, "good.jsonl");
    await writeFile(file, `${items.map((item) => JSON.stringify(item)).join("\n\n")}\n`);
    assert.equal(await readPool(file), items);
    assert.equal((await readPool(file, 2)).map((item) => item.id), items.slice(0, 2).map((item) => item.id));
});

t("the first bad line is named with the problem and the field", async () => {
    const good = JSON.stringify(items[0]);
    const cases: [string, RegExp, string][] = [
        ["{not json", /:2: not valid JSON/, "$"],
        [JSON.stringify({...items[1], kind: "weird"}), /:2: kind must be one of single, choose/, "kind"],
        [JSON.stringify({...items[1], tools: [{name: "x"}]}), /:2: each tool must be/, "tools[0]"],
        [JSON.stringify({...items[1], messages: []}), /:2: messages must be a non-empty array/, "messages"],
        [JSON.stringify({...items[1], answer: {calls: [{name: "x"}]}}), /:2: each expected call must be/, "answer.calls[0]"],
        [JSON.stringify({...items[1], ground_truth: undefined}), /:2: ground_truth must be an array/, "ground_truth"],
        [good, /:2: the id "[^"]+" is already used on line 1/, "id"]
    ];
    for (const [line, pattern, field] of cases) {
        const error = await poolError([good, line]);
        assert.is(error.code, "train_pool_invalid");
        assert.match(error.message, pattern);
        assert.is(error.context.line, 2);
        assert.is(error.context.field, field);
    }
    assert.match((await poolError(["", " "])).message, /holds no item/);
    const missing = await readPool(path.join(dir, "none.jsonl")).then(() => undefined, (error: unknown) => error);
    assert.instance(missing, TrainError);
    assert.is((missing as TrainError).code, "train_io");
});

t.run();
