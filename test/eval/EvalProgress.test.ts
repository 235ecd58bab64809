import {suite} from "uvu";
import * as assert from "uvu/assert";
import {EvalProgress, formatDuration} from "../../src/eval/EvalProgress.js";

const t = suite("EvalProgress");

function stream(isTTY: boolean): {isTTY: boolean, chunks: string[], write(text: string): boolean} {
    return {isTTY, chunks: [], write(text: string) {
        this.chunks.push(text);
        return true;
    }};
}

t("off a TTY, writes at most one line per interval, plus the first and the final line", () => {
    let now = 0;
    const out = stream(false);
    const progress = new EvalProgress(out, {label: "bfcl fc", intervalMs: 5000, now: () => now});
    progress.start(10, 2, 1);
    for (let i = 0; i < 8; i++) {
        now += 1000;
        progress.tick(i % 2 === 0);
    }
    progress.finish();
    assert.equal(out.chunks.length, 3, out.chunks.join(""));
    assert.ok(out.chunks.every((chunk) => chunk.endsWith("\n") && !chunk.includes("\r")));
    assert.is(out.chunks[0], "bfcl fc [#####-------------------] 2/10 acc 50.0% ETA ?\n");
    assert.match(out.chunks[1]!, /^bfcl fc \[#+-+\] 7\/10 acc 57\.1% 1\.00s\/item ETA 3s\n$/);
    assert.is(out.chunks[2], "bfcl fc [########################] 10/10 acc 50.0% 1.00s/item ETA 0s\n");
});

t("on a TTY, redraws one line in place after every item and ends it with a newline", () => {
    let now = 0;
    const out = stream(true);
    const progress = new EvalProgress(out, {label: "api-bank", now: () => now});
    progress.start(3);
    for (let i = 0; i < 3; i++) {
        now += 30_000;
        progress.tick(true);
    }
    progress.finish();
    assert.is(out.chunks.length, 5);
    assert.ok(out.chunks.slice(0, 4).every((chunk) => chunk.startsWith("\r") && !chunk.includes("\n")));
    assert.match(out.chunks[1]!, /1\/3 acc 100\.0% 30\.00s\/item ETA 1m00s/);
    assert.ok(out.chunks[4]!.endsWith("\n"));
});

t("formatDuration", () => {
    assert.equal([formatDuration(400), formatDuration(59_000), formatDuration(187_000), formatDuration(7_500_000)], ["0s", "59s", "3m07s", "2h05m"]);
});

t.run();
