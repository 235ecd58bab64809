import {suite} from "uvu";
import * as assert from "uvu/assert";
import {forEachConcurrently} from "../../src/util/forEachConcurrently.js";

const t = suite("forEachConcurrently");

async function rejection(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (error) {
        return error as Error;
    }
    throw new assert.Assertion({message: "expected a rejection", operator: "rejects", actual: "resolved", expects: "rejected"});
}

/** A task that resolves when the test says so, recording starts and the most in flight at once. */
function tracker() {
    const started: number[] = [];
    const finished: number[] = [];
    let inFlight = 0;
    let most = 0;
    const work = async (item: number): Promise<void> => {
        started.push(item);
        inFlight++;
        most = Math.max(most, inFlight);
        // Later items finish sooner, so completion order differs from start order.
        await new Promise((resolve) => setTimeout(resolve, (10 - item) * 2));
        inFlight--;
        finished.push(item);
    };
    return {started, finished, work, most: () => most};
}

t("runs every item once, at most `limit` at once, starting in item order", async () => {
    const items = [0, 1, 2, 3, 4, 5, 6];
    for (const limit of [1, 2, 3, 10]) {
        const run = tracker();
        const count = await forEachConcurrently(items, limit, run.work);
        assert.is(count, items.length);
        assert.equal(run.started, items, `limit ${limit}: starts in order`);
        assert.equal([...run.finished].sort((a, b) => a - b), items, `limit ${limit}: every item finishes once`);
        assert.is(run.most(), Math.min(limit, items.length), `limit ${limit}: in flight at most`);
    }
    const serial = tracker();
    await forEachConcurrently(items, 1, serial.work);
    assert.equal(serial.finished, items, "limit 1 is sequential");
});

t("an error stops new items, lets the ones in flight finish, and is thrown", async () => {
    const started: number[] = [];
    let settled = 0;
    const failing = forEachConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await new Promise((resolve) => setTimeout(resolve, item === 1 ? 1 : 20));
        if (item === 1) throw new Error("item 1 failed");
        settled++;
    });
    assert.match((await rejection(failing)).message, /item 1 failed/);
    assert.equal(started, [0, 1], "nothing starts after the failure");
    assert.is(settled, 1, "item 0, in flight, finished before the error was thrown");
});

t("shouldStop stops new items; empty input and bad limits", async () => {
    const started: number[] = [];
    const count = await forEachConcurrently([0, 1, 2, 3], 1, async (item) => { started.push(item); }, () => started.length >= 2);
    assert.is(count, 2);
    assert.equal(started, [0, 1]);
    assert.is(await forEachConcurrently([], 3, async () => { throw new Error("never"); }), 0);
    for (const limit of [0, -1, 1.5, Number.NaN])
        assert.match((await rejection(forEachConcurrently([1], limit, async () => {}))).message, /concurrency limit must be a positive integer/);
});

t.run();
