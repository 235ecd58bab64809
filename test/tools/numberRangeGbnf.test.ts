import {suite} from "uvu";
import * as assert from "uvu/assert";
import {type NumberBounds, numberRangeGbnf} from "../../src/tools/numberRangeGbnf.js";
import {compileGrammar, grammarAccepts} from "./llamaGrammar.js";

const t = suite("numberRangeGbnf");

/** Numerals around small integers in several spellings: "-2", "-2.0", "-2.25", "-1.999", "0.000", ... */
function numerals(): string[] {
    const out = new Set<string>();
    for (let whole = -13; whole <= 13; whole++) {
        const sign = whole < 0 ? "-" : "";
        const digits = String(Math.abs(whole));
        for (const fraction of ["", ".0", ".00", ".5", ".25", ".001", ".999", ".050"]) {
            out.add(`${sign}${digits}${fraction}`);
            if (whole === 0) out.add(`-0${fraction}`);
        }
    }
    return [...out];
}

function inRange(value: number, bounds: NumberBounds): boolean {
    return (bounds.minimum === undefined || value >= bounds.minimum) && (bounds.maximum === undefined || value <= bounds.maximum) &&
        (bounds.exclusiveMinimum === undefined || value > bounds.exclusiveMinimum) &&
        (bounds.exclusiveMaximum === undefined || value < bounds.exclusiveMaximum);
}

t("bounded numbers: every accepted numeral is in range, and every in-range numeral is accepted", async () => {
    const texts = numerals();
    const values = [-10, -3, -1, 0, 1, 4, 10];
    const cases: NumberBounds[] = [{}];
    for (const low of values) {
        cases.push({minimum: low}, {exclusiveMinimum: low}, {maximum: low}, {exclusiveMaximum: low});
        for (const high of values) {
            if (low < high) cases.push({minimum: low, maximum: high}, {exclusiveMinimum: low, maximum: high}, {minimum: low, exclusiveMaximum: high}, {exclusiveMinimum: low, exclusiveMaximum: high});
            if (low === high) cases.push({minimum: low, maximum: high});
        }
    }
    for (const bounds of cases.slice(1)) {
        const grammar = await compileGrammar(`root ::= ${numberRangeGbnf(bounds)}\n`);
        for (const text of texts) {
            const expected = inRange(Number(text), bounds) && !/^-0(\.0*)?$/.test(text);
            assert.is(grammarAccepts(grammar, text), expected, `${text} with ${JSON.stringify(bounds)}`);
        }
        assert.not.ok(grammarAccepts(grammar, "1e0"), "no exponent when bounded");
    }
});

t("unbounded numbers: JSON numerals with capped digits", async () => {
    const grammar = await compileGrammar(`root ::= ${numberRangeGbnf({})}\n`);
    const good = ["0", "-0", "12", "-3.25", "1e5", "1E+10", "2.5e-3", "999999999999999.1", "1.234567890123456", "0.123456789012345", "-1e99"];
    const bad = ["01", ".5", "1.", "+1", "1e", "1e100", "1000000000000000", "999999999999999.12", "12.345678901234567", "0.1234567890123456", "--1", "1.2.3", "NaN", ""];
    for (const text of good) assert.ok(grammarAccepts(grammar, text), text);
    for (const text of bad) assert.not.ok(grammarAccepts(grammar, text), text);
});

t("bounds at the 15-digit limit; empty ranges and non-integer bounds throw", async () => {
    const grammar = await compileGrammar(`root ::= ${numberRangeGbnf({minimum: 999_999_999_999_998})}\n`);
    assert.ok(grammarAccepts(grammar, "999999999999999.5"));
    assert.ok(grammarAccepts(grammar, "999999999999998"));
    assert.not.ok(grammarAccepts(grammar, "999999999999997.9"));
    assert.not.ok(grammarAccepts(grammar, "1000000000000000"));
    const wide = await compileGrammar(`root ::= ${numberRangeGbnf({minimum: -1e18, maximum: 1e18})}\n`);
    assert.ok(grammarAccepts(wide, "-999999999999999.9"));
    assert.throws(() => numberRangeGbnf({exclusiveMinimum: 1, maximum: 1}), /empty number range/);
    assert.throws(() => numberRangeGbnf({minimum: 0.1234567}), /more than 6 fraction digits/);
});

t("decimal bounds: every accepted numeral is in range, and every in-range numeral is accepted", async () => {
    const texts = [...numerals(), "0.5", "0.49", "0.51", "1.25", "1.249", "1.2501", "-1.25", "-1.2", "-1.26", "-0.75", "-0.7", "-0.8", "2.5", "2.4999", "3.05", "3.1", "3.049"];
    const values = [-3.05, -1.25, -0.75, -0.5, 0.25, 0.5, 1.25, 2.5, 3.05];
    const cases: NumberBounds[] = [];
    for (const low of values) {
        cases.push({minimum: low}, {exclusiveMinimum: low}, {maximum: low}, {exclusiveMaximum: low});
        for (const high of [...values, -1, 0, 2]) {
            if (low < high) cases.push({minimum: low, maximum: high}, {exclusiveMinimum: low, maximum: high}, {minimum: low, exclusiveMaximum: high}, {exclusiveMinimum: low, exclusiveMaximum: high});
            if (low === high) cases.push({minimum: low, maximum: high});
        }
    }
    for (const bounds of cases) {
        const grammar = await compileGrammar(`root ::= ${numberRangeGbnf(bounds)}\n`);
        for (const text of texts) {
            const expected = inRange(Number(text), bounds) && !/^-0(\.0*)?$/.test(text);
            assert.is(grammarAccepts(grammar, text), expected, `${text} with ${JSON.stringify(bounds)}`);
        }
    }
});

t.run();
