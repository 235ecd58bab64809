import {suite} from "uvu";
import * as assert from "uvu/assert";
import {splitLines} from "../../src/agent/splitLines.js";

const t = suite("splitLines");

async function collect(chunks: (string | Buffer)[], max = 100) {
    const out: string[] = [];
    for await (const item of splitLines((async function* () { yield* chunks; })(), max))
        out.push("line" in item ? item.line.toString("latin1") : `TOO_LONG:${item.tooLong}`);
    return out;
}

t("splits across chunk borders, strips CR, keeps a last unterminated line", async () => {
    assert.equal(await collect(["ab", "c\r\nde", "f\n\ng"]), ["abc", "def", "", "g"]);
});

t("reports over-long lines and resumes after them", async () => {
    assert.equal(await collect(["x".repeat(7), "x".repeat(7) + "\nok\n"], 10), ["TOO_LONG:14", "ok"]);
});

t("keeps raw bytes (invalid UTF-8 is not replaced)", async () => {
    const [line] = await collect([Buffer.from([0x61, 0xff, 0x0a])]);
    assert.is(line, "a\xff");
});

t.run();
