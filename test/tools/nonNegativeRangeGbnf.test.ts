import {suite} from "uvu";
import * as assert from "uvu/assert";
import {nonNegativeRangeGbnf} from "../../src/tools/nonNegativeRangeGbnf.js";
import {seededRandom} from "./gbnfSample.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("nonNegativeRangeGbnf");

async function checkRange(from: number, to: number, probes: number[]): Promise<void> {
    const grammar = await compileGrammar(`root ::= (${nonNegativeRangeGbnf(from, to)})\n`);
    for (const n of probes) {
        if (n < 0) continue;
        assert.is(grammarAccepts(grammar, String(n)), n >= from && n <= to, `${n} in ${from}..${to}`);
    }
    assert.not.ok(grammarAccepts(grammar, `0${from}`), `leading zero before ${from}`);
    assert.not.ok(grammarAccepts(grammar, ""), "empty text");
}

t("exhaustively matches exactly the integers of small ranges", async () => {
    const ends = [0, 1, 5, 9, 10, 11, 19, 20, 45, 90, 99, 100, 101, 109, 110, 190, 199, 200, 201, 555, 909, 990, 999, 1000, 1001, 1099, 2000];
    const probes = Array.from({length: 2200}, (_, i) => i);
    for (const from of ends)
        for (const to of ends)
            if (from <= to) await checkRange(from, to, probes);
});

t("matches large random ranges at and around their ends", async () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
        const digits = 1 + Math.floor(random() * 15);
        const a = Math.floor(random() * 10 ** digits);
        const b = Math.floor(random() * 10 ** (1 + Math.floor(random() * 15)));
        const [from, to] = a <= b ? [a, b] : [b, a];
        const probes = [from - 1, from, from + 1, to - 1, to, to + 1, Math.floor((from + to) / 2), to * 10, Math.floor(from / 10),
            ...Array.from({length: 20}, () => Math.floor(random() * (to + 2) * 1.2))];
        await checkRange(from, to, probes.filter(Number.isSafeInteger));
    }
});

t("rejects invalid ranges", () => {
    assert.throws(() => nonNegativeRangeGbnf(5, 4), /invalid range/);
    assert.throws(() => nonNegativeRangeGbnf(-1, 4), /invalid range/);
    assert.throws(() => nonNegativeRangeGbnf(0, 2 ** 60), /invalid range/);
});

t.run();
