import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {Token} from "node-llama-cpp";
import {DraftMargins, MARGIN_SAFETY, UNCALIBRATED_MARGINS} from "../../src/engine/DraftMargins.js";

const t = suite("DraftMargins");
const logits = (...pairs: [number, number][]): Map<Token, number> => new Map(pairs.map(([token, value]) => [token as Token, value]));

t("conservative margins until enough positions are compared", () => {
    const margins = new DraftMargins({positions: 3});
    assert.equal(margins.current(), UNCALIBRATED_MARGINS);
    margins.observe(logits([1, 5], [2, 3]), logits([1, 5], [2, 3]));
    margins.observe(logits([1, 5], [2, 3]), logits([1, 5], [2, 3]));
    assert.not.ok(margins.calibrated);
    assert.equal(margins.current(), UNCALIBRATED_MARGINS);
    margins.observe(logits([1, 5], [2, 3]), logits([1, 5], [2, 3]));
    assert.ok(margins.calibrated);
    assert.is(margins.comparedPositions, 3);
});

t("bit-identical logits give zero margins: exact", () => {
    const margins = new DraftMargins({positions: 2});
    margins.observe(logits([1, 7.25], [2, -1.5], [3, 0]), logits([3, 0], [1, 7.25], [2, -1.5]));
    assert.not.ok(margins.exact, "not calibrated yet");
    margins.observe(logits([1, 7.25], [2, -1.5], [3, 0]), logits([3, 0], [1, 7.25], [2, -1.5]));
    assert.equal(margins.current(), {margin: 0, relativeMargin: 0});
    assert.ok(margins.exact);
});

t("measured differences widen the margins, absolute and relative to max(1, |v|)", () => {
    const margins = new DraftMargins({positions: 2});
    margins.observe(logits([1, 8.0], [2, 0.5]), logits([1, 8.2], [2, 0.45]));
    margins.observe(logits([1, 2.0]), logits([1, 2.01]));
    const {margin, relativeMargin} = margins.current();
    assert.ok(Math.abs(margin - MARGIN_SAFETY * 0.2) < 1e-9, `margin ${margin}`);
    assert.ok(Math.abs(relativeMargin - MARGIN_SAFETY * 0.05) < 1e-9, `relative (0.05 at |v| < 1 beats 0.2 / 8.2) ${relativeMargin}`);
    assert.ok(Math.abs(margins.largestDifference.absolute - 0.2) < 1e-9);
});

t("only tokens both excerpts list are compared", () => {
    const margins = new DraftMargins({positions: 1});
    margins.observe(logits([1, 4], [2, 3]), logits([1, 4], [9, 100]));
    assert.equal(margins.current(), {margin: 0, relativeMargin: 0});
});

t("positions that cannot be compared keep the conservative margins for good", () => {
    const disjoint = new DraftMargins({positions: 1});
    disjoint.observe(logits([1, 4]), logits([2, 4]));
    disjoint.observe(logits([1, 4]), logits([1, 4]));
    assert.not.ok(disjoint.calibrated);
    assert.equal(disjoint.current(), UNCALIBRATED_MARGINS);

    const infinite = new DraftMargins({positions: 1});
    infinite.observe(logits([1, Number.NEGATIVE_INFINITY]), logits([1, 3]));
    infinite.observe(logits([1, 3]), logits([1, 3]));
    assert.equal(infinite.current(), UNCALIBRATED_MARGINS);

    const bothInfinite = new DraftMargins({positions: 1});
    bothInfinite.observe(logits([1, Number.NEGATIVE_INFINITY], [2, 1]), logits([1, Number.NEGATIVE_INFINITY], [2, 1]));
    assert.ok(bothInfinite.calibrated, "a token masked on both sides is the same logit");
});

t("every check measures until calibrated, then every remeasureEvery-th one; later differences widen the margins", () => {
    const margins = new DraftMargins({positions: 2, remeasureEvery: 3});
    assert.ok(margins.measureNextCheck());
    margins.observe(logits([1, 5]), logits([1, 5]));
    assert.ok(margins.measureNextCheck());
    margins.observe(logits([1, 5]), logits([1, 5]));
    assert.equal([1, 2, 3, 4, 5, 6].map(() => margins.measureNextCheck()), [false, false, true, false, false, true]);
    assert.ok(margins.exact);
    margins.observe(logits([1, 5]), logits([1, 5.5]));
    assert.is(margins.current().margin, MARGIN_SAFETY * 0.5);
    assert.not.ok(margins.exact);
});

t("margins that are never calibrated never measure", () => {
    const margins = new DraftMargins({positions: Number.POSITIVE_INFINITY});
    assert.not.ok(margins.measureNextCheck());
    const gaveUp = new DraftMargins({positions: 1});
    gaveUp.observe(logits([1, 4]), logits([2, 4]));
    assert.not.ok(gaveUp.measureNextCheck());
});

t.run();
