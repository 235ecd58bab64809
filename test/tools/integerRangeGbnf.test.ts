import {suite} from "uvu";
import * as assert from "uvu/assert";
import {integerRangeGbnf} from "../../src/tools/integerRangeGbnf.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("integerRangeGbnf");

const limit = 999_999_999_999_999;

async function accepted(minimum: number | undefined, maximum: number | undefined, texts: string[]): Promise<boolean[]> {
    const grammar = await compileGrammar(`root ::= ${integerRangeGbnf(minimum, maximum)}\n`);
    return texts.map((text) => grammarAccepts(grammar, text));
}

t("bounded ranges across zero match exactly their integers", async () => {
    const bounds = [-1001, -100, -99, -10, -9, -1, 0, 1, 9, 10, 99, 100, 1000];
    const probes = Array.from({length: 2401}, (_, i) => i - 1200);
    for (const minimum of bounds)
        for (const maximum of bounds) {
            if (minimum > maximum) continue;
            const results = await accepted(minimum, maximum, probes.map(String));
            probes.forEach((n, i) => assert.is(results[i], n >= minimum && n <= maximum, `${n} in [${minimum}, ${maximum}]`));
        }
});

t("half-bounded ranges stop at 15 digits on the open side", async () => {
    const texts = ["-5", "-4", "0", "3", String(limit), String(limit + 1), `-${limit}`, `-${limit + 1}`];
    assert.equal(await accepted(-4, undefined, texts), [false, true, true, true, true, false, false, false]);
    assert.equal(await accepted(undefined, 3, texts), [true, true, true, true, false, false, true, false]);
    assert.equal(await accepted(12, undefined, ["11", "12", "13", "99", "100", "123456"]), [false, true, true, true, true, true]);
    assert.equal(await accepted(undefined, -12, ["-11", "-12", "-13", "-100", "0"]), [false, true, true, true, false]);
});

t("unbounded integers: no leading zeros, no -0, no fraction or exponent, at most 15 digits", async () => {
    const texts = ["0", "7", "-7", "120", String(limit), `-${limit}`, "1000000000000000", "-0", "01", "1.0", "1e3", "+1", "", "-"];
    assert.equal(await accepted(undefined, undefined, texts),
        [true, true, true, true, true, true, false, false, false, false, false, false, false, false]);
});

t("bounds beyond 15 digits are clamped; empty ranges throw", async () => {
    assert.equal(await accepted(-1e20, 1e20, ["0", String(limit), `-${limit}`, "1000000000000000"]), [true, true, true, false]);
    assert.throws(() => integerRangeGbnf(3, 2), /empty integer range/);
});

t.run();
