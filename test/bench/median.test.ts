import {suite} from "uvu";
import * as assert from "uvu/assert";
import {median} from "../../bench/support/median.js";

const t = suite("median");

t("middle value, mean of the middle two, NaN for none (NaN values ignored)", () => {
    assert.is(median([3, 1, 2]), 2);
    assert.is(median([4, 1, 3, 2]), 2.5);
    assert.is(median([5, Number.NaN]), 5);
    assert.ok(Number.isNaN(median([])));
});

t.run();
